package dev.fusebox.samples.chaos.model;

/**
 * An experiment file that cannot be used, with where and why: {@code latency.exp:12: ...}, or
 * {@code latency.exp: ...} for what concerns the whole file (a missing key, its size).
 */
public final class ExperimentFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;

    /**
     * @param source the file's name
     * @param line the line, from 1, or 0 for the whole file
     * @param message what is wrong and what would be right
     */
    public ExperimentFileException(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
        this.line = line;
    }

    /** The line, from 1, or 0 when the message is about the whole file. */
    public int line() {
        return line;
    }
}
