package dev.fusebox.ft.jmx.remote;

import java.util.Locale;

/**
 * What a remote JMX user may do. Written in the credentials file in lower case. Immutable.
 */
public enum Role {
    /** Reads and acts: every MBeanServer operation, including operations and attribute writes. */
    OPERATOR,
    /** Reads only: attributes, names, MBean info and notifications. */
    VIEWER;

    /** The word used for this role in the credentials file and in messages. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role written as {@code word}, or {@code null} when no role is written that way. */
    static Role fromWord(String word) {
        for (Role role : values()) {
            if (role.word().equals(word)) {
                return role;
            }
        }
        return null;
    }
}
