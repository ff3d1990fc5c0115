package dev.fusebox.ft.jmx.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;

/** Logins cannot burn the CPU: the throttle and the one-at-a-time password check, called directly. */
class PasswordAuthenticatorTest {

    static final String[] RIGHT = {"olga", "right"};
    static final String[] WRONG = {"olga", "wrong"};

    final AtomicInteger checks = new AtomicInteger();
    final AtomicLong now = new AtomicLong();

    Role check(String user, char[] password) {
        checks.incrementAndGet();
        return new String(password).equals("right") ? Role.OPERATOR : null;
    }

    @Test
    void afterTheFreeFailuresEvenTheRightPasswordWaitsAndNoPasswordIsChecked() {
        PasswordAuthenticator authenticator = new PasswordAuthenticator(this::check, new LoginThrottle(now::get),
                new Semaphore(1), Duration.ZERO);
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            assertThatThrownBy(() -> authenticator.authenticate(WRONG)).hasMessage("authentication failed");
        }
        int checked = checks.get();
        for (int i = 0; i < 1_000; i++) {
            assertThatThrownBy(() -> authenticator.authenticate(RIGHT)).isInstanceOf(SecurityException.class)
                    .hasMessage("authentication failed: too many failed logins from in-process; try again in 1 s");
        }
        assertThat(checks.get()).as("no password checked while waiting").isEqualTo(checked);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        Subject subject = authenticator.authenticate(RIGHT);
        assertThat(subject.getPrincipals(JMXPrincipal.class)).extracting(JMXPrincipal::getName).containsExactly("olga");
        assertThat(subject.getPrivateCredentials(RoleGrant.class))
                .containsExactly(new RoleGrant("olga", Role.OPERATOR, "in-process"));
    }

    @Test
    void passwordsAreCheckedOneAtATimeHoweverManyClientsTry() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Semaphore permits = new Semaphore(PasswordAuthenticator.CONCURRENT_CHECKS);
        PasswordAuthenticator.PasswordCheck slow = (user, password) -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
            return null;
        };
        // all eight are admitted by the throttle before the first fails: each reaches the password check
        PasswordAuthenticator authenticator = new PasswordAuthenticator(slow, new LoginThrottle(now::get), permits,
                Duration.ofSeconds(30));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(clients.submit(() -> authenticator.authenticate(WRONG)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (permits.getQueueLength() < 7 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(permits.getQueueLength()).as("seven attempts wait for the one check running").isEqualTo(7);
            assertThat(inside.get()).isEqualTo(1);
            release.countDown();
            for (Future<?> attempt : attempts) {
                assertThatThrownBy(attempt::get).hasCauseInstanceOf(SecurityException.class);
            }
            assertThat(most.get()).as("password checks at once").isEqualTo(1);
        } finally {
            release.countDown();
            clients.shutdownNow();
        }
    }

    @Test
    void anAttemptThatFindsTheCheckBusyTooLongIsRefusedAsBusy() throws Exception {
        Semaphore permits = new Semaphore(1);
        permits.acquire();
        PasswordAuthenticator authenticator = new PasswordAuthenticator(this::check, new LoginThrottle(now::get),
                permits, Duration.ZERO);
        assertThatThrownBy(() -> authenticator.authenticate(RIGHT)).isInstanceOf(SecurityException.class)
                .hasMessage("authentication failed: the server is busy checking other logins; try again");
        assertThat(checks.get()).isZero();
    }
}
