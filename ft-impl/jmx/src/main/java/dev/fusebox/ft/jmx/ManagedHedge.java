package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.hedge.Hedge;
import dev.fusebox.ft.management.HedgeMXBean;

/** The {@link HedgeMXBean} of one guarded method: its hedge's policy, delay now and counts. Read only. Thread-safe. */
final class ManagedHedge implements HedgeMXBean {

    private final Guarded guarded;

    ManagedHedge(Guarded guarded) {
        this.guarded = guarded;
    }

    private Hedge hedge() {
        return guarded.method().hedge();
    }

    @Override
    public String getName() {
        return guarded.name();
    }

    @Override
    public double getDelayMillis() {
        return hedge().delayNanos() / 1_000_000d;
    }

    @Override
    public double getPercentile() {
        return hedge().policy().percentile();
    }

    @Override
    public int getMaxHedges() {
        return hedge().policy().maxHedges();
    }

    @Override
    public long getHedgesStarted() {
        return hedge().hedgesStarted();
    }

    @Override
    public long getHedgesWon() {
        return hedge().hedgesWon();
    }

    @Override
    public long getHedgesRefused() {
        return hedge().hedgesRefused();
    }
}
