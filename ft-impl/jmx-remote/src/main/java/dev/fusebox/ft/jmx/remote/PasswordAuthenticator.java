package dev.fusebox.ft.jmx.remote;

import java.rmi.server.RemoteServer;
import java.rmi.server.ServerNotActiveException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

/**
 * Checks a remote client's user name and password against {@link Credentials}. A success returns
 * a read-only {@link Subject} holding a {@link JMXPrincipal} with the user name and, as a private
 * credential, the user's {@link RoleGrant} (with the client's address). A failure is a
 * {@link SecurityException} whose message does not say whether the user or the password was
 * wrong, logged at WARNING with the user name and the client's address (never the password).
 *
 * <p>Logins cannot be used to burn the CPU. A source that failed too often waits
 * ({@link LoginThrottle}): its attempts are refused at once, with no password check. And the
 * password checks themselves (PBKDF2, ~0.1 s of one core each at 600,000 iterations) run one at a
 * time ({@value #CONCURRENT_CHECKS} permit); an attempt that finds the check busy waits at most
 * {@link #PERMIT_WAIT} and is then refused as busy. So however many clients send wrong passwords,
 * at most one core does PBKDF2 and the application keeps the others. No cache of successful
 * checks: it would have to keep something cheaper to compare than the stored hash. Failed logins
 * go to the log, not to the audit log, which a flood would otherwise wash out; refusals during a
 * wait are logged once per wait. Thread-safe.
 */
final class PasswordAuthenticator implements JMXAuthenticator {

    private static final System.Logger LOG = System.getLogger(PasswordAuthenticator.class.getName());
    static final String FAILED = "authentication failed";
    static final int CONCURRENT_CHECKS = 1;
    static final Duration PERMIT_WAIT = Duration.ofSeconds(2);

    /**
     * How a user name and password are checked: {@link Credentials#check} outside tests.
     * Implementations are thread-safe: logins arrive on the connector's threads.
     */
    @FunctionalInterface
    interface PasswordCheck {
        /** The user's role when the password is theirs, else {@code null}. */
        Role check(String user, char[] password);
    }

    private final PasswordCheck credentials;
    private final LoginThrottle throttle;
    private final Semaphore checks;
    private final Duration permitWait;

    PasswordAuthenticator(Credentials credentials) {
        this(credentials::check, new LoginThrottle(System::nanoTime), new Semaphore(CONCURRENT_CHECKS), PERMIT_WAIT);
    }

    PasswordAuthenticator(PasswordCheck credentials, LoginThrottle throttle, Semaphore checks, Duration permitWait) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.permitWait = Objects.requireNonNull(permitWait, "permitWait");
    }

    @Override
    public Subject authenticate(Object given) {
        String source = client();
        LoginThrottle.Verdict verdict = throttle.admit(source);
        if (!verdict.admitted()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(verdict.waitNanos() + 999_999_999L));
            String message = FAILED + ": too many failed logins from " + source + "; try again in " + seconds + " s";
            LOG.log(verdict.firstRefusal() ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                    "remote JMX login refused without a check: " + message);
            throw new SecurityException(message);
        }
        if (!(given instanceof String[] pair) || pair.length != 2 || pair[0] == null || pair[1] == null) {
            throttle.failed(source);
            LOG.log(System.Logger.Level.WARNING, "remote JMX login refused from " + source
                    + ": no user name and password given");
            throw new SecurityException(FAILED + ": a user name and a password are required");
        }
        String user = pair[0];
        Role role = checked(user, pair[1], source);
        if (role == null) {
            long wait = throttle.failed(source);
            LOG.log(System.Logger.Level.WARNING, "remote JMX login failed for user '" + printable(user) + "' from "
                    + source + (wait > 0 ? "; its next attempt waits " + TimeUnit.NANOSECONDS.toMillis(wait) + " ms"
                    : ""));
            throw new SecurityException(FAILED);
        }
        throttle.succeeded(source);
        LOG.log(System.Logger.Level.INFO, "remote JMX login: user " + user + " (" + role.word() + ") from " + source);
        Subject subject = new Subject();
        subject.getPrincipals().add(new JMXPrincipal(user));
        subject.getPrivateCredentials().add(new RoleGrant(user, role, source));
        subject.setReadOnly();
        return subject;
    }

    /** Checks the password under a permit; refuses as busy when none frees up in time. */
    private Role checked(String user, String password, String source) {
        boolean permitted;
        try {
            permitted = checks.tryAcquire(permitWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecurityException(FAILED + ": interrupted while waiting to check the password");
        }
        if (!permitted) {
            LOG.log(System.Logger.Level.DEBUG, "remote JMX login from " + source + " refused: password checks busy");
            throw new SecurityException(FAILED + ": the server is busy checking other logins; try again");
        }
        char[] chars = password.toCharArray();
        try {
            return credentials.check(user, chars);
        } finally {
            Arrays.fill(chars, '\0');
            checks.release();
        }
    }

    /** The RMI client's host when called over RMI. */
    private static String client() {
        try {
            return RemoteServer.getClientHost();
        } catch (ServerNotActiveException e) {
            return "in-process";
        }
    }

    /** A client-chosen name made safe for one log line. */
    static String printable(String text) {
        return printable(text, 64);
    }

    /** Client-chosen text on one line (control characters escaped), cut after {@code max} characters. */
    static String printable(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) + "..." : text;
        StringBuilder safe = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                safe.append(String.format("\\u%04x", c));
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }
}
