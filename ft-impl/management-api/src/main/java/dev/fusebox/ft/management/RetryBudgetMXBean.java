package dev.fusebox.ft.management;

/**
 * The retry budget of one guarded method ({@code @RetryBudget}, Fusebox's own annotation), under
 * {@code dev.fusebox.ft:type=RetryBudget,...}: one per method whose retry has a budget. Methods that
 * share a group's budget each have one, and all of them show the group's shared numbers. Read only:
 * a budget has no operations.
 * Thread-safety: implementations are called by JMX from any thread, concurrently, and must be
 * thread-safe.
 */
@Description("The retry budget of one guarded method: retries allowed as a share of first attempts over a recent window")
public interface RetryBudgetMXBean {

    @Description("The guarded method: <bean class>#<method>")
    String getName();

    @Description("The group whose budget the method shares, or empty when the budget is the method's own")
    String getGroup();

    @Description("Retries allowed per first attempt over the window (@RetryBudget ratio, e.g. 0.2)")
    double getRatio();

    @Description("How long a first attempt counts toward the budget, in milliseconds (@RetryBudget ttl)")
    long getTtlMillis();

    @Description("Retries per second allowed even without first attempts (@RetryBudget minRetriesPerSecond)")
    int getMinRetriesPerSecond();

    @Description("Retries the budget would allow now, rounded down")
    long getBalance();

    @Description("Retries the budget allowed since start")
    long getGranted();

    @Description("Retries the budget refused since start (the call ended with its last failure)")
    long getRefused();
}
