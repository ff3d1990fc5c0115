package dev.fusebox.samples.chaos.model;

import java.time.Duration;
import java.util.Optional;

/**
 * The measurable claims of an experiment's hypothesis, each optional; the runner checks those that
 * are given (docs/chaos.md defines the figures). Immutable.
 *
 * @param detectWithin the named breaker opens within this time of the fault's start (time to detect)
 * @param duringFault the limits that count as mitigated while the fault lasts; needed by
 *                    {@code mitigateWithin}, and without it no time to mitigate is computed
 * @param mitigateWithin the seconds keep to {@code duringFault} within this time of the fault's start
 * @param recoverWithin the seconds keep to the steady-state limits within this time of the fault's end
 * @param mitigateStableSeconds how many consecutive seconds must keep to {@code duringFault} to count
 *                              as mitigated, at least 1
 * @param recoverStableSeconds how many consecutive seconds must keep to the steady-state limits to
 *                             count as recovered, at least 1
 */
public record Expectations(Optional<Duration> detectWithin, Optional<Thresholds> duringFault,
                           Optional<Duration> mitigateWithin, Optional<Duration> recoverWithin,
                           int mitigateStableSeconds, int recoverStableSeconds) {

    public static final int DEFAULT_MITIGATE_STABLE_SECONDS = 3;
    public static final int DEFAULT_RECOVER_STABLE_SECONDS = 5;

    public Expectations {
        if (mitigateWithin.isPresent() && duringFault.isEmpty()) {
            throw new IllegalArgumentException("a time to mitigate needs the limits that count as mitigated");
        }
        if (mitigateStableSeconds < 1 || recoverStableSeconds < 1) {
            throw new IllegalArgumentException("stable periods last at least 1 s");
        }
    }
}
