package dev.fusebox.ft.fleet.client.testing;

import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.zookeeper.server.quorum.LearnerHandler;

/**
 * The sender threads a ZooKeeper leader leaves behind when it shuts down, which nothing in ZooKeeper
 * will ever stop, and how {@link Ensemble} ends them.
 * <p>
 * <b>The defect</b> (ZooKeeper 3.9.5, {@code org.apache.zookeeper.server.quorum.LearnerHandler};
 * unchanged on ZooKeeper's master at commit 53a78e36f of July 2026; no ZooKeeper issue or commit
 * about it found in its history). A leader serves each follower with two threads: the handler
 * ({@code LearnerHandler-<follower address>}, reading) and its sender ({@code Sender-<follower
 * address>}, started in {@code startSendingPackets}), which takes packets from the handler's queue
 * until it takes the "proposal of death". {@code LearnerHandler.shutdown()} clears that queue,
 * {@code put}s the proposal of death, closes the socket and interrupts the handler thread. When the
 * leader shuts down (killed, stopped, closed, or out of quorum), {@code Leader.shutdown} calls it for
 * every handler from its own thread: the death is queued, the handler thread is interrupted and its
 * blocked read fails on the closed socket. The handler's {@code run()} then ends in a {@code finally}
 * that calls {@code shutdown()} a second time, on the handler thread, whose interrupt flag is still
 * set: {@code clear()} removes the death the sender has not taken yet, and {@code put} (a
 * {@code LinkedBlockingQueue} locks interruptibly) throws {@code InterruptedException}, logged as
 * "Ignoring unexpected exception" (3.9.5's {@code LearnerHandler.java}: {@code shutdown()} at line
 * 1044, {@code run()}'s {@code finally} at 738, the sender's loop {@code sendPackets()} at 329).
 * The sender, when it lost that race, waits in {@code take()} for ever: a non-daemon thread,
 * WAITING, that outlives its ensemble. Seen here with that log line for exactly the address of each
 * sender left: 3 senders in 8 rounds of one leader killed and the ensemble closed, on a quiet
 * machine; 2 to 4 per run of the fleet modules' tests on a loaded one.
 * <p>
 * <b>The end.</b> A sender whose handler thread has ended can be sent nothing any more (the handler
 * left the leader's lists in its {@code shutdown()}); interrupting it makes its {@code take()} throw,
 * its {@code run()} logs "Unexpected interruption" and the thread ends. Only such threads are
 * touched: the class is {@code LearnerHandler}'s own sender, its name {@code Sender-<address>}, and
 * no {@code LearnerHandler-<address>} thread is alive. Each one ended is logged (INFO) by name.
 * Thread-safety: stateless; called from the test thread.
 */
final class OrphanedLearnerSenders {

    private static final Logger LOG = Logger.getLogger(Ensemble.class.getName());
    private static final String SENDER = "Sender-";
    private static final String HANDLER = "LearnerHandler-";

    private OrphanedLearnerSenders() {
    }

    /** Interrupts every sender whose handler has ended; returns their names. */
    static List<String> end() {
        Set<Thread> alive = Thread.getAllStackTraces().keySet();
        Set<String> handlers = alive.stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(HANDLER)).map(name -> name.substring(HANDLER.length()))
                .collect(Collectors.toSet());
        List<Thread> orphans = alive.stream().filter(thread -> thread.isAlive() && isSender(thread)
                && !handlers.contains(thread.getName().substring(SENDER.length()))).toList();
        for (Thread orphan : orphans) {
            orphan.interrupt();
            LOG.info(() -> "ended ZooKeeper's sender thread " + orphan.getName() + ", left waiting for ever when"
                    + " its leader shut down (LearnerHandler.shutdown's race, see OrphanedLearnerSenders)");
        }
        return orphans.stream().map(Thread::getName).toList();
    }

    private static boolean isSender(Thread thread) {
        return thread.getName().startsWith(SENDER) && thread.getClass().getEnclosingClass() == LearnerHandler.class;
    }
}
