package dev.fusebox.samples.chaos.analysis;

import dev.fusebox.samples.chaos.model.Thresholds;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to the requests sent in one second of the load (bucketed by when each was due, so a
 * slow answer counts in the second it was asked for). Immutable.
 *
 * @param second seconds since the recorded load began, from 0
 * @param sent requests sent
 * @param answered requests that ended: answered, or failed without an answer
 * @param ok answered with a 2xx status
 * @param degraded of {@code ok}, those a fallback answered ({@code "fallback":true} in the body)
 * @param p50Millis median latency of the ended requests, from when each was due
 * @param p99Millis 99th percentile latency
 * @param maxMillis the longest
 * @param failures the ended requests that were not 2xx, by status ({@code "503"}) or by what failed
 *                 ({@code "timeout"}, {@code "io"})
 */
public record SecondStats(int second, int sent, int answered, int ok, int degraded, double p50Millis,
                          double p99Millis, double maxMillis, Map<String, Integer> failures) {

    public SecondStats {
        failures = Map.copyOf(failures);
        if (sent < 0 || answered < 0 || ok < 0 || degraded < 0 || ok > answered || degraded > ok) {
            throw new IllegalArgumentException("inconsistent counts for second " + second + ": sent " + sent
                    + ", answered " + answered + ", ok " + ok + ", degraded " + degraded);
        }
    }

    /** Ended requests that were not 2xx. */
    public int errors() {
        return answered - ok;
    }

    /** Errors over ended requests, from 0 to 1; 0 when none ended. */
    public double errorRate() {
        return answered == 0 ? 0 : (double) errors() / answered;
    }

    /** Degraded over 2xx answers, from 0 to 1; 0 when none. */
    public double degradedRate() {
        return ok == 0 ? 0 : (double) degraded / ok;
    }

    /** Whether this second keeps to every limit; a second in which no request ended keeps to none. */
    public boolean within(Thresholds limits) {
        return answered > 0 && limits.admits(errorRate(), p99Millis, degradedRate());
    }

    /** The failures in a stable order, e.g. {@code 502=3 503=12}. */
    public String failuresText() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(failures).forEach((what, count) -> text.append(text.length() == 0 ? "" : " ").append(what)
                .append('=').append(count));
        return text.toString();
    }
}
