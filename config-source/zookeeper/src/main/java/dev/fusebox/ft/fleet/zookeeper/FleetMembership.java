package dev.fusebox.ft.fleet.zookeeper;

import dev.fusebox.ft.management.fleet.FleetMember;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.zookeeper.CreateMode;

/**
 * This instance's ephemeral member node ({@code <root>/apps/<app>/instances/<id>}) through Curator's
 * {@link PersistentNode}, which creates it again by itself after a session expired, and the
 * publication of the breakers' states in it on transitions only: {@link #changed} (called on
 * whatever thread made a transition, a business call included) only sets a flag and, when it was
 * clear, schedules one write on the agent's thread {@code publish} later; that write takes the
 * states as they are then. So a burst of transitions is one write of the latest states, at most
 * one write per interval, and nothing of ZooKeeper runs on the call path; a write that would carry
 * what the last one did is skipped.
 *
 * <p>Implementation notes. {@code dirty} is true from the first change after a write until the
 * scheduled write starts; the write clears it before it reads the states, so a change racing the
 * write either is read by it or sets the flag again and schedules the next one: no change is left
 * unpublished. The node's data is set in the background ({@code PersistentNode.setData}); before
 * its first creation (the ensemble not reached yet) that is refused and the write is tried again an
 * interval later, so the node, once created, soon carries the latest states. Thread-safe.
 */
final class FleetMembership implements AutoCloseable {

    private final PersistentNode node;
    private final Supplier<FleetMember> member;
    private final ScheduledExecutorService worker;
    private final long publishMillis;
    private final FleetStatus status;
    private final AtomicBoolean dirty = new AtomicBoolean();
    /** What the last write carried; touched on the agent's thread only. */
    private byte[] published;

    FleetMembership(CuratorFramework curator, String path, Supplier<FleetMember> member, ScheduledExecutorService worker,
                    long publishMillis, FleetStatus status) {
        this.member = member;
        this.worker = worker;
        this.publishMillis = publishMillis;
        this.status = status;
        this.node = new PersistentNode(curator, CreateMode.EPHEMERAL, false, path, member.get().toBytes());
    }

    void start() {
        node.start();
    }

    /** A breaker changed (or the store is back): one write will follow within the interval. Never blocks. */
    void changed() {
        if (dirty.compareAndSet(false, true)) {
            try {
                worker.schedule(this::publish, publishMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                // the agent stopped: nothing more is published
            }
        }
    }

    private void publish() {
        dirty.set(false);
        byte[] data;
        try {
            data = member.get().toBytes();
        } catch (IllegalArgumentException tooLarge) {
            status.failure("could not publish this instance's member node", tooLarge);
            return;
        }
        if (java.util.Arrays.equals(data, published)) {
            return; // e.g. a transition and its reverse within the interval: nothing to tell
        }
        try {
            node.setData(data);
            published = data;
        } catch (IllegalStateException notCreatedYet) {
            changed(); // the first creation has not happened: try again after the interval
        } catch (Exception failed) {
            status.failure("could not publish this instance's member node", failed);
        }
    }

    /** The member node's path once created, else null. */
    String createdPath() {
        return node.getActualPath();
    }

    /** Removes the member node (when the store can be reached) and stops re-creating it. */
    @Override
    public void close() {
        try {
            node.close();
        } catch (IOException failed) {
            status.failure("could not remove this instance's member node", failed);
        }
    }
}
