package dev.fusebox.samples.web;

import dev.fusebox.ft.api.LoadShedException;
import dev.fusebox.ft.api.RateLimitException;
import dev.fusebox.ft.api.OpenCircuitDelay;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Turns Fusebox's rejections into HTTP answers a client can act on, with a JSON body
 * {@code {"error": "..."}}:
 * <ul>
 *   <li>open circuit: 503 Service Unavailable with {@code Retry-After} in whole seconds, rounded up,
 *       from the breaker's remaining open delay ({@link OpenCircuitDelay}), at least 1; a breaker an
 *       operator forced open with no end gives no {@code Retry-After} (nobody knows when it closes);</li>
 *   <li>shed by an adaptive limit ({@link LoadShedException}, the shop's front door): 503 Service
 *       Unavailable with {@code Retry-After} in whole seconds, rounded up, at least 1: the server is
 *       overloaded, not the client too fast;</li>
 *   <li>full bulkhead: 429 Too Many Requests;</li>
 *   <li>rate limit exceeded ({@link RateLimitException}): 429 Too Many Requests with {@code Retry-After}
 *       in whole seconds, rounded up, at least 1, from the wait the limiter gave;</li>
 *   <li>timeout: 504 Gateway Timeout (the dependency did not answer in time);</li>
 *   <li>any other fault-tolerance exception: 500.</li>
 * </ul>
 * Registered in {@link ShopApplication#getClasses()}. Stateless; thread-safe.
 */
@Provider
public class FaultToleranceExceptionMapper implements ExceptionMapper<FaultToleranceException> {

    @Override
    public Response toResponse(FaultToleranceException rejection) {
        if (rejection instanceof CircuitBreakerOpenException) {
            Response.ResponseBuilder answer = answer(Response.Status.SERVICE_UNAVAILABLE, rejection);
            if (rejection instanceof OpenCircuitDelay open) {
                open.remainingOpenDelay().ifPresent(left -> answer.header("Retry-After", retryAfterSeconds(left)));
            }
            return answer.build();
        }
        if (rejection instanceof RateLimitException limited) {
            return answer(Response.Status.TOO_MANY_REQUESTS, rejection)
                    .header("Retry-After", retryAfterSeconds(limited.getRetryAfter())).build();
        }
        if (rejection instanceof LoadShedException shed) {
            return answer(Response.Status.SERVICE_UNAVAILABLE, rejection)
                    .header("Retry-After", shed.retryAfterSeconds()).build();
        }
        if (rejection instanceof BulkheadException) {
            return answer(Response.Status.TOO_MANY_REQUESTS, rejection).build();
        }
        if (rejection instanceof TimeoutException) {
            return answer(Response.Status.GATEWAY_TIMEOUT, rejection).build();
        }
        return answer(Response.Status.INTERNAL_SERVER_ERROR, rejection).build();
    }

    /** Whole seconds, rounded up, at least 1 (0 would invite a retry storm the moment the delay ends). */
    static long retryAfterSeconds(Duration left) {
        long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static Response.ResponseBuilder answer(Response.Status status, FaultToleranceException rejection) {
        String body = Json.createObjectBuilder().add("error", String.valueOf(rejection.getMessage())).build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
    }
}
