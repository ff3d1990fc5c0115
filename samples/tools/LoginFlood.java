import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A flood of wrong-password logins against a Fusebox remote JMX connector, to measure what it
 * costs the application (issue 11, item 9). JDK only; run as a single-file program:
 *
 *   java samples/tools/LoginFlood.java <service URL or host:port> <threads> <seconds> [user]
 *
 * Each thread logs in with a wrong password again and again until the time is up (a bounded loop
 * on loopback; it stops by itself), then it prints how many attempts ended how, e.g.
 *   flood 8 threads 30 s: 1234 attempts; by outcome: {authentication failed=9, too many failed logins=1225}
 * Exit status 0.
 */
public class LoginFlood {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java LoginFlood.java <service URL or host:port> <threads> <seconds> [user]");
            System.exit(2);
        }
        String target = args[0];
        JMXServiceURL url = new JMXServiceURL(target.startsWith("service:") ? target
                : "service:jmx:rmi:///jndi/rmi://" + target + "/jmxrmi");
        int threads = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        String user = args.length > 3 ? args[3] : "operator";
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        LongAdder attempts = new LongAdder();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int number = t;
            Thread thread = new Thread(() -> {
                try {
                    Map<String, Object> environment = new HashMap<>();
                    environment.put(JMXConnector.CREDENTIALS, new String[] {user, "wrong-password-" + number});
                    while (System.nanoTime() - deadline < 0) {
                        attempts.increment();
                        try (JMXConnector connector = JMXConnectorFactory.connect(url, environment)) {
                            outcomes.computeIfAbsent("logged in (!)", k -> new LongAdder()).increment();
                        } catch (SecurityException refused) {
                            outcomes.computeIfAbsent(kind(refused.getMessage()), k -> new LongAdder()).increment();
                        } catch (Exception failed) {
                            outcomes.computeIfAbsent(failed.getClass().getSimpleName(), k -> new LongAdder())
                                    .increment();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "login-flood-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        Map<String, Long> counted = new java.util.TreeMap<>();
        outcomes.forEach((kind, count) -> counted.put(kind, count.sum()));
        System.out.println("flood " + threads + " threads " + seconds + " s: " + attempts.sum()
                + " attempts; by outcome: " + counted);
    }

    private static String kind(String message) {
        if (message == null) {
            return "refused";
        }
        if (message.contains("too many failed logins")) {
            return "too many failed logins";
        }
        if (message.contains("busy")) {
            return "busy";
        }
        return message.length() > 40 ? message.substring(0, 40) : message;
    }
}
