package dev.fusebox.console.operator;

import dev.fusebox.console.feed.MethodKey;
import java.util.Objects;

/**
 * One policy of one guarded method whose shadow mode an operator switches.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param policy which of the method's policies
 * @param key    the method, in its JVM
 */
public record ShadowTarget(ShadowedPolicy policy, MethodKey key) {

    public ShadowTarget {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(key, "key");
    }

    /** As in a result line: {@code <bean class>#<method> (Rate limit)}. */
    public String describe() {
        return key.name() + " (" + policy.label() + ")";
    }
}
