package dev.fusebox.ft.management;

/**
 * One hedge ({@code @Hedge}, Fusebox's own annotation), under {@code dev.fusebox.ft:type=Hedge,...}:
 * when it starts another attempt, and how many it started, won and was refused by its budget. Read
 * only. Thread-safety: implementations are called by JMX from any thread, concurrently, and must be
 * thread-safe.
 */
@Description("The hedge of one guarded method: extra attempts started after a delay, the first answer wins")
public interface HedgeMXBean {

    @Description("The guarded method: <bean class>#<method>")
    String getName();

    @Description("The delay before the next attempt now, in milliseconds (the percentile of recent latency when one is set)")
    double getDelayMillis();

    @Description("The percentile of recent first attempts' latency the delay follows; 0 for a fixed delay")
    double getPercentile();

    @Description("The most extra attempts per call")
    int getMaxHedges();

    @Description("Extra attempts started since start")
    long getHedgesStarted();

    @Description("Extra attempts whose answer came first and was returned")
    long getHedgesWon();

    @Description("Extra attempts the hedge's budget refused to start")
    long getHedgesRefused();
}
