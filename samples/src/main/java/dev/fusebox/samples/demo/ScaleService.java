package dev.fusebox.samples.demo;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * The twenty guarded calls of one simulated instance in the fleet scale simulation ({@link FleetScale}):
 * each breaker opens after four failed calls (ratio 0.5 of a window of 4) and stays open for a minute,
 * longer than a measurement. Every call fails: a dependency in an outage. Thread-safe (stateless).
 */
@ApplicationScoped
public class ScaleService {

    static final int BREAKERS = 20;

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call01() {
        throw new IllegalStateException("dependency 01 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call02() {
        throw new IllegalStateException("dependency 02 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call03() {
        throw new IllegalStateException("dependency 03 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call04() {
        throw new IllegalStateException("dependency 04 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call05() {
        throw new IllegalStateException("dependency 05 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call06() {
        throw new IllegalStateException("dependency 06 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call07() {
        throw new IllegalStateException("dependency 07 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call08() {
        throw new IllegalStateException("dependency 08 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call09() {
        throw new IllegalStateException("dependency 09 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call10() {
        throw new IllegalStateException("dependency 10 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call11() {
        throw new IllegalStateException("dependency 11 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call12() {
        throw new IllegalStateException("dependency 12 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call13() {
        throw new IllegalStateException("dependency 13 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call14() {
        throw new IllegalStateException("dependency 14 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call15() {
        throw new IllegalStateException("dependency 15 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call16() {
        throw new IllegalStateException("dependency 16 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call17() {
        throw new IllegalStateException("dependency 17 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call18() {
        throw new IllegalStateException("dependency 18 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call19() {
        throw new IllegalStateException("dependency 19 down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
    public void call20() {
        throw new IllegalStateException("dependency 20 down");
    }

    /**
     * Calls method {@code index} (0 to 19) of {@code service} (its client proxy, so the call is
     * guarded) once; it fails, or is rejected once its breaker is open.
     */
    static void call(ScaleService service, int index) {
        switch (index) {
            case 0 -> service.call01();
            case 1 -> service.call02();
            case 2 -> service.call03();
            case 3 -> service.call04();
            case 4 -> service.call05();
            case 5 -> service.call06();
            case 6 -> service.call07();
            case 7 -> service.call08();
            case 8 -> service.call09();
            case 9 -> service.call10();
            case 10 -> service.call11();
            case 11 -> service.call12();
            case 12 -> service.call13();
            case 13 -> service.call14();
            case 14 -> service.call15();
            case 15 -> service.call16();
            case 16 -> service.call17();
            case 17 -> service.call18();
            case 18 -> service.call19();
            case 19 -> service.call20();
            default -> throw new IllegalArgumentException("no call " + index);
        }
    }
}
