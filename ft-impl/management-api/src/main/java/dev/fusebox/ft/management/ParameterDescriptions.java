package dev.fusebox.ft.management;

/**
 * The {@link Description} texts of parameters that several MXBean operations share, so that
 * jconsole says the same about {@code reason} wherever it appears. Constants only.
 */
final class ParameterDescriptions {

    static final String FORCING_REASON =
            "Why you force it; required, shown with the forcing and written to the audit log";

    static final String CHANGE_REASON = "Why you change it; required, written to the audit log";

    static final String EXPIRY =
            "Empty for no expiry, a duration from now (PT30M) or an instant (2026-11-24T03:00:00Z)";

    static final String SELECTOR =
            "group:<name> for a configured group, or a glob over breaker names, e.g. com.example.Payments#*";

    private ParameterDescriptions() {
    }
}
