package dev.fusebox.samples.chaos.analysis;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The figures of one run and the verdict on its hypothesis. Immutable.
 *
 * @param verdict the verdict
 * @param reason one sentence saying why
 * @param timeToDetectMillis fault start to the watched breaker's first opening (empty: it did not open)
 * @param timeToMitigateSeconds fault start to the first of the mitigated seconds (empty: not mitigated,
 *                              or no limits given)
 * @param timeToRecoverSeconds fault end to the first of the recovered seconds (empty: not recovered
 *                             within the run)
 * @param claims the checked claims
 */
public record Findings(Verdict verdict, String reason, OptionalLong timeToDetectMillis,
                       OptionalInt timeToMitigateSeconds, OptionalInt timeToRecoverSeconds, List<Claim> claims) {

    public Findings {
        claims = List.copyOf(claims);
    }

    /** The findings of a run whose faults were never applied. */
    static Findings notSteady(Optional<String> why) {
        return new Findings(Verdict.NOT_STEADY, why.orElse("not steady"), OptionalLong.empty(), OptionalInt.empty(),
                OptionalInt.empty(), List.of());
    }
}
