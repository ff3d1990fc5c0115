package dev.fusebox.console.viewmodel;

import java.util.List;

/**
 * What a game day adds to the rate chart of every breaker of its JVM: the fault windows (shaded,
 * labelled) and the moments the experiment's detect breaker was seen OPEN. Immutable.
 *
 * @param faults     the faults switched on, in the order they were
 * @param opens      epoch milliseconds at which the detect breaker opened
 * @param breakerOpened the detect breaker, {@code <bean class>#<method>}, whose openings {@code opens} are
 */
public record ChartMarks(List<FaultWindow> faults, List<Long> opens, String breakerOpened) {

    public static final ChartMarks NONE = new ChartMarks(List.of(), List.of(), "");

    public ChartMarks {
        faults = List.copyOf(faults);
        opens = List.copyOf(opens);
        breakerOpened = breakerOpened == null ? "" : breakerOpened;
    }
}
