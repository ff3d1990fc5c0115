package dev.fusebox.ft.jmx.remote;

/** A small MXBean for the remote connector tests: an attribute, operations, notifications. */
public interface ProbeMXBean {

    int getLevel();

    void setLevel(int level);

    /** The name of the JMXPrincipal the call runs as, or "(no subject)". */
    String whoAmI();
}
