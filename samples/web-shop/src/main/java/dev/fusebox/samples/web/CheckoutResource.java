package dev.fusebox.samples.web;

import dev.fusebox.ft.api.CallPriority;
import dev.fusebox.ft.api.RateLimit;
import dev.fusebox.ft.api.RateLimitType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The shop's JSON endpoints. A checkout asks inventory, then charges through payments, then asks
 * recommendations, each through its Rest Client; every request passes the shop's front door
 * ({@link Admission}: an adaptive limit that sheds batch requests first) at the priority its
 * {@code X-Priority} header gives, else the endpoint's; what Fusebox rejects reaches the caller through
 * {@link FaultToleranceExceptionMapper} (503, 429, 504; 429 with Retry-After over the checkout's rate
 * limit, 503 with Retry-After from the front door), a dependency's failure as 502. A CDI bean made by RESTEasy through Weld,
 * one per request.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CheckoutResource {

    private static final AtomicLong ORDERS = new AtomicLong();

    @Inject
    @RestClient
    InventoryClient inventory;

    @Inject
    @RestClient
    PaymentsClient payments;

    @Inject
    @RestClient
    RecommendationsClient recommendations;

    @Inject
    StockFeed feed;

    @Inject
    Admission admission;

    /** The request header that gives a request's priority: live or batch. */
    static final String PRIORITY = "X-Priority";

    /**
     * {@code POST /checkout/{article}?cents=N}: the whole checkout flow. The public endpoint is rate
     * limited (Fusebox's {@code @RateLimit}): a smooth 200 checkouts per second with bursts of up to
     * 200; a checkout over the limit is answered 429 with {@code Retry-After}, before any dependency
     * is called. Override it like any parameter, e.g.
     * {@code dev.fusebox.samples.web.CheckoutResource/checkout/RateLimit/value=50}.
     */
    @POST
    @Path("checkout/{article}")
    @RateLimit(value = 200, window = 1, windowUnit = ChronoUnit.SECONDS, type = RateLimitType.SMOOTH)
    public Order checkout(@PathParam("article") String article, @QueryParam("cents") long cents,
                          @HeaderParam(PRIORITY) String priority) {
        return admission.admit(priority(priority, CallPriority.LIVE), () -> {
            StockLevel stock = fromDependency("inventory", () -> inventory.stockLevel(article));
            Receipt receipt = fromDependency("payments",
                    () -> payments.charge(new Charge("O-" + ORDERS.incrementAndGet(), cents)));
            return new Order(stock, receipt, fromDependency("recommendations", () -> recommendations.alsoBought(article)));
        });
    }

    /**
     * {@code GET /browse/{article}}: what others bought with it, the recommendations step alone;
     * batch work unless {@code X-Priority: live} says otherwise, so it is shed before checkouts.
     */
    @GET
    @Path("browse/{article}")
    public Recommendations browse(@PathParam("article") String article, @HeaderParam(PRIORITY) String priority) {
        return admission.admit(priority(priority, CallPriority.BATCH),
                () -> fromDependency("recommendations", () -> recommendations.alsoBought(article)));
    }

    /** {@code GET /stock/{article}}: the inventory step alone (retry, timeout, breaker, fallback). */
    @GET
    @Path("stock/{article}")
    public StockLevel stock(@PathParam("article") String article, @HeaderParam(PRIORITY) String priority) {
        return admission.admit(priority(priority, CallPriority.LIVE),
                () -> fromDependency("inventory", () -> inventory.stockLevel(article)));
    }

    /**
     * {@code GET /feed/stock/{article}}: the inventory read by a plain Java client under a
     * programmatic guard ({@link StockFeed}), with a guess when it fails.
     */
    @GET
    @Path("feed/stock/{article}")
    public StockLevel feedStock(@PathParam("article") String article) throws Exception {
        return feed.stock(article);
    }

    /**
     * The dependency's answer; its failure (an error status, or no answer) becomes the shop's 502 Bad
     * Gateway. Without this, RESTEasy would answer with the dependency's own response (its 503 would
     * look like the shop's). Fusebox's rejections are no {@link WebApplicationException}: they pass
     * through to {@link FaultToleranceExceptionMapper}.
     */
    private static <T> T fromDependency(String dependency, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException answered) {
            throw badGateway(dependency + " answered " + answered.getResponse().getStatus());
        } catch (ProcessingException unanswered) {
            throw badGateway(dependency + " did not answer: " + unanswered.getMessage());
        }
    }

    /** The header's priority, else {@code otherwise}; a bad value is the client's error, 400. */
    private static CallPriority priority(String header, CallPriority otherwise) {
        try {
            return Admission.priority(header, otherwise);
        } catch (IllegalArgumentException bad) {
            throw new WebApplicationException(bad.getMessage(), Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(Json.createObjectBuilder().add("error", bad.getMessage()).build().toString()).build());
        }
    }

    private static WebApplicationException badGateway(String message) {
        return new WebApplicationException(message, Response.status(Response.Status.BAD_GATEWAY)
                .type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", message).build().toString()).build());
    }
}
