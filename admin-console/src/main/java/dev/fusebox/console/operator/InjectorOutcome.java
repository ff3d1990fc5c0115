package dev.fusebox.console.operator;

/**
 * What came of one call to a fault injector. Immutable.
 *
 * @param done   whether the injector took it
 * @param detail why not, when not done ({@code not connected}, {@code refused: ...}, the JMX error); empty when done
 */
public record InjectorOutcome(boolean done, String detail) {

    private static final InjectorOutcome DONE = new InjectorOutcome(true, "");

    public InjectorOutcome {
        detail = detail == null ? "" : detail;
    }

    public static InjectorOutcome ok() {
        return DONE;
    }

    public static InjectorOutcome failed(String why) {
        return new InjectorOutcome(false, why);
    }
}
