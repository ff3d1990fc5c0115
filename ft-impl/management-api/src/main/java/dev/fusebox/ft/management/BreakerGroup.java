package dev.fusebox.ft.management;

import java.util.List;

/**
 * A named set of circuit breakers operators act on together, defined in configuration (e.g. every
 * method that calls the payments service).
 *
 * Thread-safety: immutable (Fusebox builds its list unmodifiable).
 *
 * @param name    the group's name
 * @param members the guarded method names in it
 */
public record BreakerGroup(String name, List<String> members) {
}
