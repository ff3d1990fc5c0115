package dev.fusebox.samples.web;

import dev.fusebox.ft.api.CallPriority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every endpoint's front door: admits a request at its priority through the variant that
 * {@code shop.admission} names, {@code adaptive} by default ({@link AdaptiveAdmission}),
 * {@code static} ({@link StaticAdmission}), {@code netflix} ({@link NetflixAdmission}) or
 * {@code none}. The other variants exist for the comparison run (docs/adaptive.md). A request's
 * priority comes from its {@code X-Priority} header ({@code live} or {@code batch}), else the
 * endpoint's own. Thread-safe.
 */
@ApplicationScoped
public class Admission {

    /** The MicroProfile Config key that picks the variant. */
    public static final String VARIANT = "shop.admission";

    @Inject
    AdaptiveAdmission adaptive;

    @Inject
    StaticAdmission fixed;

    @Inject
    NetflixAdmission netflix;

    private volatile String variant;

    /** Runs {@code work} if the front door admits a request of {@code priority}. */
    public <T> T admit(CallPriority priority, Supplier<T> work) {
        return switch (variant()) {
            case "adaptive" -> adaptive.admit(priority, work);
            case "static" -> fixed.admit(priority, work);
            case "netflix" -> netflix.admit(priority, work);
            default -> work.get();
        };
    }

    private String variant() {
        String read = variant;
        if (read == null) {
            read = ConfigProvider.getConfig().getOptionalValue(VARIANT, String.class).orElse("adaptive")
                    .trim().toLowerCase(Locale.ROOT);
            if (!read.matches("adaptive|static|netflix|none")) {
                throw new IllegalStateException(VARIANT + " must be adaptive, static, netflix or none, was '" + read + "'");
            }
            variant = read;
        }
        return read;
    }

    /**
     * The priority an {@code X-Priority} header asks for, or {@code otherwise} without one.
     *
     * @throws IllegalArgumentException for any value but live or batch (the endpoint answers 400)
     */
    public static CallPriority priority(String header, CallPriority otherwise) {
        if (header == null || header.isBlank()) {
            return otherwise;
        }
        return switch (header.trim().toLowerCase(Locale.ROOT)) {
            case "live" -> CallPriority.LIVE;
            case "batch" -> CallPriority.BATCH;
            default -> throw new IllegalArgumentException("X-Priority must be live or batch");
        };
    }
}
