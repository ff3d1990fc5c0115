package dev.fusebox.console.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.BreakerGroup;
import dev.fusebox.ft.management.StateTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetFeedTest {

    private static final MethodKey CHARGE = new MethodKey("jvm-a", "shop", "com.example.Payments", "charge");

    private final List<JvmSnapshot> published = new ArrayList<>();

    static BreakerReading breaker(MethodKey key, String state, long calls, long failures, long rejections) {
        return new BreakerReading(key, state, null, 1000, 0.25, 4, 1, "SSFS", 0, 0, calls, calls - failures - rejections,
                failures, rejections, 0, null, List.of());
    }

    private static JvmReading poll(long at, BreakerReading... breakers) {
        return new JvmReading("jvm-a", at, Map.of(), List.of(breakers), List.of());
    }

    private JvmSnapshot last() {
        return published.get(published.size() - 1);
    }

    @Test
    void ratesComeFromCounterDeltasOverTheTimeBetweenPolls() {
        FleetFeed feed = new FleetFeed();
        feed.addListener(published::add);
        feed.polled(poll(10_000, breaker(CHARGE, "CLOSED", 100, 10, 0)));
        assertThat(last().breakers().get(0).rates().callsPerSecond()).isZero();

        feed.polled(poll(12_000, breaker(CHARGE, "CLOSED", 160, 30, 4)));
        RatePoint rates = last().breakers().get(0).rates();
        assertThat(rates.callsPerSecond()).isCloseTo(30.0, within(1e-9));
        assertThat(rates.failuresPerSecond()).isCloseTo(10.0, within(1e-9));
        assertThat(rates.rejectionsPerSecond()).isCloseTo(2.0, within(1e-9));
        assertThat(last().breakers().get(0).history()).containsExactly(rates);
    }

    @Test
    void aReReadJustAfterAPollChangesWhatIsShownButNotTheRates() {
        FleetFeed feed = new FleetFeed();
        feed.addListener(published::add);
        feed.polled(poll(1_000, breaker(CHARGE, "CLOSED", 100, 0, 0)));
        feed.polled(poll(2_000, breaker(CHARGE, "CLOSED", 150, 0, 0)));
        feed.breakerRead(breaker(CHARGE, "OPEN", 220, 0, 0), 2_005);
        BreakerSnapshot b = last().breakers().get(0);
        assertThat(b.reading().state()).isEqualTo("OPEN");
        assertThat(b.reading().calls()).isEqualTo(220);
        assertThat(b.rates().callsPerSecond()).isCloseTo(50.0, within(1e-9));
        feed.polled(poll(3_000, breaker(CHARGE, "OPEN", 250, 0, 0)));
        assertThat(last().breakers().get(0).rates().callsPerSecond()).isCloseTo(100.0, within(1e-9));
        assertThat(last().breakers().get(0).history()).hasSize(2);
    }

    @Test
    void aCounterThatWentDownRestartsTheHistoryInsteadOfShowingNegativeRates() {
        FleetFeed feed = new FleetFeed();
        feed.addListener(published::add);
        feed.polled(poll(1_000, breaker(CHARGE, "CLOSED", 100, 0, 0)));
        feed.polled(poll(2_000, breaker(CHARGE, "CLOSED", 150, 0, 0)));
        feed.polled(poll(3_000, breaker(CHARGE, "CLOSED", 5, 0, 0)));
        assertThat(last().breakers().get(0).history()).isEmpty();
        assertThat(last().breakers().get(0).rates().callsPerSecond()).isZero();
        feed.polled(poll(4_000, breaker(CHARGE, "CLOSED", 25, 0, 0)));
        assertThat(last().breakers().get(0).rates().callsPerSecond()).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void historyKeepsOnlyTheConfiguredSpan() {
        FleetFeed feed = new FleetFeed(10_000);
        feed.addListener(published::add);
        for (int second = 0; second <= 30; second++) {
            feed.polled(poll(second * 1000L, breaker(CHARGE, "CLOSED", second * 10L, 0, 0)));
        }
        List<RatePoint> history = last().breakers().get(0).history();
        assertThat(history).hasSize(11);
        assertThat(history.get(0).atMillis()).isEqualTo(20_000);
        assertThat(history.get(history.size() - 1).atMillis()).isEqualTo(30_000);
    }

    @Test
    void fiveMinutesOfOnePerSecondPollsKeepThreeHundredPoints() {
        FleetFeed feed = new FleetFeed();
        feed.addListener(published::add);
        for (int second = 0; second < 900; second++) {
            feed.polled(poll(second * 1000L, breaker(CHARGE, "CLOSED", second, 0, 0)));
        }
        assertThat(last().breakers().get(0).history()).hasSize(301);
    }

    @Test
    void aStateNotificationChangesTheStateBeforeTheNextPollAndCarriesItsCause() {
        FleetFeed feed = new FleetFeed();
        feed.addListener(published::add);
        feed.polled(poll(1_000, breaker(CHARGE, "CLOSED", 100, 0, 0)));
        feed.stateNotified(CHARGE, "OPEN", "failure ratio 0.60 >= 0.50 over 20 calls", 1_500);
        BreakerSnapshot b = last().breakers().get(0);
        assertThat(b.reading().state()).isEqualTo("OPEN");
        assertThat(b.reading().timeInStateMillis()).isZero();
        assertThat(b.lastCause()).startsWith("failure ratio");
    }

    @Test
    void theLastTransitionReadGivesTheCauseWhenNoNotificationWasSeen() {
        FleetFeed feed = new FleetFeed();
        feed.addListener(published::add);
        BreakerReading read = new BreakerReading(CHARGE, "OPEN", null, 10, 0, 0, 0, "", 0, 0, 1, 0, 1, 0, 1, null,
                List.of(new StateTransition("CLOSED", "OPEN", 5, "forced open by alice: outage", "alice")));
        feed.breakerRead(read, 1_000);
        assertThat(last().breakers().get(0).lastCause()).isEqualTo("forced open by alice: outage");
    }

    @Test
    void breakersThatVanishFromAPollAreDroppedAndOrderIsStable() {
        MethodKey refund = new MethodKey("jvm-a", "shop", "com.example.Payments", "refund");
        MethodKey audit = new MethodKey("jvm-a", "audit", "com.example.Audit", "write");
        FleetFeed feed = new FleetFeed();
        feed.addListener(published::add);
        feed.polled(poll(1_000, breaker(refund, "CLOSED", 0, 0, 0), breaker(CHARGE, "CLOSED", 0, 0, 0),
                breaker(audit, "OPEN", 0, 0, 0)));
        assertThat(last().breakers()).extracting(BreakerSnapshot::key).containsExactly(audit, CHARGE, refund);
        feed.polled(poll(2_000, breaker(CHARGE, "CLOSED", 0, 0, 0)));
        assertThat(last().breakers()).extracting(BreakerSnapshot::key).containsExactly(CHARGE);
        assertThat(last().applications()).containsExactly("shop");
    }

    @Test
    void connectionAndPermissionChangesArePublishedAndRemovalIsAnnounced() {
        FleetFeed feed = new FleetFeed();
        feed.addListener(published::add);
        feed.connectionChanged("jvm-a", ConnectionState.reconnecting("Connection refused", 4, 2));
        assertThat(last().connection().describe())
                .isEqualTo("DISCONNECTED (Connection refused), RECONNECTING in 4 s");
        feed.permissionChanged("jvm-a", new Permission(Permission.Role.VIEWER, "user bob has role viewer"));
        assertThat(last().permission().actionsAllowed()).isFalse();
        feed.removed(List.of("jvm-a"));
        assertThat(last().removed()).isTrue();
        assertThat(feed.snapshot("jvm-a")).isNull();
    }

    @Test
    void bulkheadRatesAndSaturationNotifications() {
        MethodKey key = new MethodKey("jvm-a", "shop", "com.example.Payments", "charge");
        FleetFeed feed = new FleetFeed();
        feed.addListener(published::add);
        feed.polled(new JvmReading("jvm-a", 1_000, Map.of(), List.of(),
                List.of(new BulkheadReading(key, 10, 0, 3, 0, 100, 0, false))));
        feed.polled(new JvmReading("jvm-a", 3_000, Map.of(), List.of(),
                List.of(new BulkheadReading(key, 10, 0, 10, 0, 140, 8, true))));
        BulkheadSnapshot b = last().bulkheads().get(0);
        assertThat(b.acceptedPerSecond()).isCloseTo(20.0, within(1e-9));
        assertThat(b.rejectionsPerSecond()).isCloseTo(4.0, within(1e-9));
        feed.saturationNotified(key, false, 3_500);
        assertThat(last().bulkheads().get(0).reading().saturated()).isFalse();
    }

    private static AuditEntry audited(long at, String action) {
        return new AuditEntry(at, "alice", action, CHARGE.name(), "INC-1", "CLOSED", "OPEN", true, "");
    }

    private static JvmReading pollWithAudit(long at, Map<String, List<AuditEntry>> auditLogs) {
        return new JvmReading("jvm-a", at, Map.of("shop", List.<BreakerGroup>of()), List.of(), List.of(), auditLogs);
    }

    @Test
    void theAuditLogIsKeptUntilAPollReadsADifferentOne() {
        FleetFeed feed = new FleetFeed();
        feed.addListener(published::add);
        List<AuditEntry> log = List.of(audited(1_000, "forceOpen"));
        feed.polled(pollWithAudit(1_000, Map.of("shop", log)));
        List<AuditEntry> shown = last().auditLogs().get("shop");
        assertThat(shown).containsExactly(log.get(0));

        feed.polled(pollWithAudit(2_000, Map.of()));
        assertThat(last().auditLogs().get("shop")).as("not read this time: kept").isSameAs(shown);
        feed.polled(pollWithAudit(3_000, Map.of("shop", List.of(audited(1_000, "forceOpen")))));
        assertThat(last().auditLogs().get("shop")).as("same size, same last entry: the same list").isSameAs(shown);
        feed.breakerRead(breaker(CHARGE, "OPEN", 1, 0, 0), 3_100);
        assertThat(last().auditLogs().get("shop")).isSameAs(shown);

        feed.polled(pollWithAudit(4_000, Map.of("shop", List.of(log.get(0), audited(3_500, "release")))));
        assertThat(last().auditLogs().get("shop")).extracting(AuditEntry::action).containsExactly("forceOpen", "release");
        // the bounded log dropped its oldest entry as a new one came: same size, another last entry
        feed.polled(pollWithAudit(5_000, Map.of("shop", List.of(audited(3_500, "release"), audited(4_500, "reset")))));
        assertThat(last().auditLogs().get("shop")).extracting(AuditEntry::action).containsExactly("release", "reset");

        feed.polled(new JvmReading("jvm-a", 6_000, Map.of(), List.of(), List.of()));
        assertThat(last().auditLogs()).as("the registry went away").isEmpty();
    }

    @Test
    void rateLimitsBudgetsAndShadowModesReachTheSnapshotAndSurviveANotification() {
        FleetFeed feed = new FleetFeed();
        feed.addListener(published::add);
        MethodKey browse = new MethodKey("jvm-a", "shop", "com.example.Storefront", "browse");
        MethodKey audit = new MethodKey("jvm-a", "audit", "com.example.Audit", "write");
        BreakerReading shadowBreaker = new BreakerReading(CHARGE, "OPEN", null, 1000, 0, 0, 0, "", 0, 0, 10, 5, 5, 0, 1,
                null, List.of(), true, 9);
        RateLimitReading limit = new RateLimitReading(browse, "ROLLING", 5, 1000, 0, 50, 3, 0, false);
        RateLimitReading first = new RateLimitReading(audit, "FIXED", 1, 1000, 0, 0, 0, 0, true);
        RetryBudgetReading budget = new RetryBudgetReading(CHARGE, "payments", 0.2, 10_000, 10, 4, 6, 2);
        feed.polled(new JvmReading("jvm-a", 1_000, Map.of(), List.of(shadowBreaker),
                List.of(new BulkheadReading(CHARGE, 2, 0, 2, 0, 10, 0, true, true, 3)), Map.of(),
                List.of(limit, first), List.of(budget)));
        assertThat(last().rateLimits()).as("in the table's order").containsExactly(first, limit);
        assertThat(last().retryBudgets()).containsExactly(budget);
        assertThat(last().applications()).containsExactly("audit", "shop");

        feed.stateNotified(CHARGE, "HALF_OPEN", "delay elapsed", 1_500);
        feed.saturationNotified(CHARGE, false, 1_500);
        BreakerReading notified = last().breakers().get(0).reading();
        assertThat(notified.state()).isEqualTo("HALF_OPEN");
        assertThat(List.of(notified.shadow(), notified.wouldReject())).containsExactly(true, 9L);
        BulkheadReading bulkhead = last().bulkheads().get(0).reading();
        assertThat(List.of(bulkhead.saturated(), bulkhead.shadow(), bulkhead.wouldReject()))
                .containsExactly(false, true, 3L);
    }
}
