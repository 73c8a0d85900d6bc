package dev.guanxi.crm.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.classification.Classification;
import dev.guanxi.crm.classification.ScoringReport;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.event.CreditGradeChanged;
import dev.guanxi.crm.event.CustomerGradeChanged;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.money.ExchangeRates;
import dev.guanxi.crm.money.MissingExchangeRateException;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewInvoice;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The scoring run of a tenant")
class ScoringRunTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    static final Currency USD = Currency.getInstance("USD");

    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    Crm crm;
    TenantCrm acme;

    @BeforeEach
    void setUp() {
        crm = Crm.builder()
                .clock(Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC))
                .listener(events::add)
                .build();
        acme = crm.tenant("acme");
    }

    CustomerId customer(String name) {
        return acme.customers().register(CustomerDraft.person(name).build()).id();
    }

    void buy(CustomerId who, LocalDate day, String amount, String currency) {
        acme.sales()
                .recordPurchase(NewOrder.builder(who, day)
                        .line(OrderLine.of("SKU", 1, Money.of(amount, currency)))
                        .build());
    }

    @Test
    @DisplayName("grades every customer, stores one dated snapshot each, and publishes first grades as events")
    void firstRun() {
        // values 700, 200, 60, 40 of 1000: shares above 0, .70, .90, .96 -> KEY, KEY (crosses 80%), ORDINARY, SMALL
        CustomerId a = customer("A");
        CustomerId b = customer("B");
        CustomerId c = customer("C");
        CustomerId d = customer("D");
        CustomerId none = customer("no purchases");
        buy(a, TODAY.minusDays(10), "700.00", "USD");
        buy(b, TODAY.minusDays(20), "200.00", "USD");
        buy(c, TODAY.minusDays(30), "60.00", "USD");
        buy(d, TODAY.minusDays(40), "40.00", "USD");
        buy(d, TODAY.minusDays(400), "9999.00", "USD"); // before the value period: ignored
        events.clear();

        ScoringReport report = acme.scoring().run(ScoringRequest.of(TODAY, USD));

        assertThat(report.customers()).isEqualTo(5);
        assertThat(report.purchases()).isEqualTo(4);
        assertThat(report.snapshotsWritten()).isEqualTo(5);
        Map<CustomerId, String> grades = Map.of(a, "KEY", b, "KEY", c, "ORDINARY", d, "SMALL", none, "SMALL");
        grades.forEach((id, grade) -> {
            Optional<ScoreSnapshot> s = acme.scoring().snapshot(id);
            assertThat(s).isPresent();
            assertThat(s.get().labels())
                    .containsEntry("abc", grade)
                    .containsKey("rfm")
                    .containsKey("matrix");
            assertThat(s.get().asOf()).isEqualTo(TODAY);
            assertThat(s.get().runId()).isEqualTo(report.runId());
        });
        ScoreSnapshot first = acme.scoring().snapshot(a).orElseThrow();
        assertThat(first.metrics().get("abc.measure")).isEqualByComparingTo(new BigDecimal("700"));
        assertThat(first.labels().get("abc.reason")).startsWith("KEY: rank 1 of 5");
        List<CustomerGradeChanged> changes = events.stream()
                .filter(CustomerGradeChanged.class::isInstance)
                .map(CustomerGradeChanged.class::cast)
                .toList();
        assertThat(changes)
                .hasSize(5)
                .allSatisfy(e -> assertThat(e.previousGrade()).isNull());
        List<CreditGradeChanged> credit = events.stream()
                .filter(CreditGradeChanged.class::isInstance)
                .map(CreditGradeChanged.class::cast)
                .toList();
        assertThat(credit)
                .hasSize(5)
                .allSatisfy(e -> assertThat(e.previousGrade()).isNull());
        assertThat(report.eventsPublished()).isEqualTo(events.size());
    }

    @Test
    @DisplayName("the snapshots of the whole tenant are listed page by page in customer id order, each the stored one")
    void snapshotsArePaged() {
        List<CustomerId> ids = new java.util.ArrayList<>();
        for (int k = 0; k < 7; k++) {
            CustomerId id = customer("C" + k);
            buy(id, TODAY.minusDays(5 + k), (100 + k) + ".00", "USD");
            ids.add(id);
        }
        acme.scoring().run(ScoringRequest.of(TODAY, USD));
        crm.tenant("other")
                .customers()
                .register(CustomerDraft.person("elsewhere").build());
        crm.tenant("other").scoring().run(ScoringRequest.of(TODAY, USD));

        List<ScoreSnapshot> listed = new java.util.ArrayList<>();
        int pages = 0;
        dev.guanxi.crm.query.PageRequest page = dev.guanxi.crm.query.PageRequest.first(3);
        while (true) {
            dev.guanxi.crm.query.Page<ScoreSnapshot> p = acme.scoring().snapshots(page);
            pages++;
            listed.addAll(p.items());
            if (p.nextRequest().isEmpty()) {
                break;
            }
            page = p.nextRequest().get();
        }

        // 7 snapshots in pages of 3: 3 + 3 + 1; only this tenant's, ordered by the ids' text
        assertThat(pages).isEqualTo(3);
        List<CustomerId> order = listed.stream().map(ScoreSnapshot::customerId).toList();
        List<CustomerId> expected = ids.stream()
                .sorted(java.util.Comparator.comparing(id -> id.value().toString()))
                .toList();
        assertThat(order).isEqualTo(expected);
        for (ScoreSnapshot s : listed) {
            ScoreSnapshot single = acme.scoring().snapshot(s.customerId()).orElseThrow();
            assertThat(s).isEqualTo(single);
        }
        // no page: a typed error naming the field
        assertThatThrownBy(() -> acme.scoring().snapshots(null))
                .isInstanceOfSatisfying(dev.guanxi.crm.ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("page");
                    assertThat(e.rule()).isEqualTo(dev.guanxi.crm.ValidationRule.REQUIRED);
                });
    }

    @Test
    @DisplayName("a second run publishes only the grades that changed, with the grade before")
    void secondRunPublishesChanges() {
        CustomerId a = customer("A");
        CustomerId b = customer("B");
        buy(a, TODAY.minusDays(10), "900.00", "USD");
        buy(b, TODAY.minusDays(10), "100.00", "USD");
        acme.scoring().run(ScoringRequest.of(TODAY, USD));
        events.clear();
        // before: a 900 (KEY), b 100 (share above .90: ORDINARY); after: b 5100 of 6000 (KEY), a 900 with .85 above
        buy(b, TODAY.minusDays(1), "5000.00", "USD");

        acme.scoring().run(ScoringRequest.of(TODAY, USD));

        List<CustomerGradeChanged> changes = events.stream()
                .filter(CustomerGradeChanged.class::isInstance)
                .map(CustomerGradeChanged.class::cast)
                .toList();
        assertThat(changes)
                .extracting(
                        CustomerGradeChanged::customerId,
                        CustomerGradeChanged::previousGrade,
                        CustomerGradeChanged::newGrade)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(b, "ORDINARY", "KEY"),
                        org.assertj.core.groups.Tuple.tuple(a, "KEY", "ORDINARY"));
    }

    @Test
    @DisplayName("overdue receivables lower the default value measure")
    void overdueLowersValue() {
        CustomerId a = customer("A");
        buy(a, TODAY.minusDays(10), "700.00", "USD");
        acme.sales()
                .issueInvoice(NewInvoice.builder(a, "INV-1", Money.of("250.00", "USD"))
                        .issuedOn(TODAY.minusDays(60))
                        .dueOn(TODAY.minusDays(30))
                        .build());
        acme.scoring().run(ScoringRequest.of(TODAY, USD));
        assertThat(acme.scoring().snapshot(a).orElseThrow().metrics().get("abc.measure"))
                .isEqualByComparingTo(new BigDecimal("450"));
    }

    @Test
    @DisplayName("purchases in another currency are converted at the host's rate; without a rate nothing is written")
    void currencies() {
        CustomerId a = customer("A");
        CustomerId b = customer("B");
        buy(a, TODAY.minusDays(10), "100.00", "USD");
        buy(b, TODAY.minusDays(10), "100.00", "EUR");

        assertThatThrownBy(() -> acme.scoring().run(ScoringRequest.of(TODAY, USD)))
                .isInstanceOfSatisfying(MissingExchangeRateException.class, e -> {
                    assertThat(e.first()).isEqualTo(Currency.getInstance("EUR"));
                    assertThat(e.second()).isEqualTo(USD);
                    assertThat(e.on()).isEqualTo(TODAY.minusDays(10));
                });
        assertThat(acme.scoring().snapshot(a)).isEmpty();

        ExchangeRates rates =
                ExchangeRates.fixed(USD, Map.of(Currency.getInstance("EUR"), new BigDecimal("1.08335")), TODAY);
        ScoringReport report = acme.scoring().run(ScoringRequest.of(TODAY, USD).withRates(rates));
        dev.guanxi.crm.spi.storage.ScoreRun run = crm.storage()
                .inTransaction(
                        dev.guanxi.crm.spi.storage.UnitOfWorkContext.read(acme.tenant()),
                        uow -> uow.scores().findRun(report.runId()))
                .orElseThrow();
        assertThat(run.attributes()).containsEntry("exchangeRates", "EUR->USD 1.08335 of 2026-06-30");
        assertThat(run.completedAt()).isNotNull();
        // 100.00 EUR x 1.08335 = 108.335 -> 108.34 USD (half-even at the cent: 108.335 -> 108.34)
        assertThat(acme.scoring().snapshot(b).orElseThrow().metrics().get("abc.measure"))
                .isEqualByComparingTo(new BigDecimal("108.34"));
    }

    @Test
    @DisplayName("one customer is scored on demand against the whole tenant, and only its snapshot is written")
    void onDemand() {
        CustomerId a = customer("A");
        CustomerId b = customer("B");
        buy(a, TODAY.minusDays(10), "900.00", "USD");
        buy(b, TODAY.minusDays(10), "100.00", "USD");

        List<Classification> results = acme.scoring().scoreCustomer(b, ScoringRequest.of(TODAY, USD));

        assertThat(results)
                .extracting(Classification::rule)
                .containsExactly("abc", "rfm", "credit", "loyalty", "lifecycle", "matrix");
        // 900 of 1000 lies above b: share above 0.90, at or above 0.80 and below 0.95 -> ORDINARY
        assertThat(results.get(0).label()).isEqualTo("ORDINARY");
        assertThat(acme.scoring().snapshot(b)).isPresent();
        assertThat(acme.scoring().snapshot(a)).isEmpty();
        assertThatThrownBy(() -> acme.scoring().scoreCustomer(CustomerId.random(), ScoringRequest.of(TODAY, USD)))
                .isInstanceOf(NoSuchCustomerException.class);
    }

    @Test
    @DisplayName("an overdue invoice lowers the credit grade; the snapshot says why and which collection actions apply")
    void creditGrade() {
        CustomerId good = customer("good");
        CustomerId late = customer("late");
        buy(good, TODAY.minusDays(10), "100.00", "USD");
        buy(late, TODAY.minusDays(10), "100.00", "USD");
        var paid = acme.sales()
                .issueInvoice(NewInvoice.builder(good, "INV-G", Money.of("100.00", "USD"))
                        .issuedOn(TODAY.minusDays(60))
                        .dueOn(TODAY.minusDays(30))
                        .build());
        acme.sales()
                .recordPayment(
                        dev.guanxi.crm.sales.NewPayment.builder(good, Money.of("100.00", "USD"), TODAY.minusDays(35))
                                .forInvoice(paid.id())
                                .build());
        acme.sales()
                .issueInvoice(NewInvoice.builder(late, "INV-L", Money.of("100.00", "USD"))
                        .issuedOn(TODAY.minusDays(120))
                        .dueOn(TODAY.minusDays(90))
                        .build());
        acme.scoring().run(ScoringRequest.of(TODAY, USD));
        ScoreSnapshot g = acme.scoring().snapshot(good).orElseThrow();
        ScoreSnapshot l = acme.scoring().snapshot(late).orElseThrow();
        assertThat(g.metrics().get("credit.score")).isGreaterThan(l.metrics().get("credit.score"));
        assertThat(g.metrics().get("credit.gradeIndex")).isLessThan(l.metrics().get("credit.gradeIndex"));
        assertThat(l.labels().get("credit.reason")).contains("collection");
    }

    @Test
    @DisplayName("a margin grading uses the host's unit costs; a product without a cost fails the run before any write")
    void marginGrading() {
        CustomerId cheap = customer("high sales, thin margin");
        CustomerId rich = customer("low sales, fat margin");
        CustomerId loss = customer("sold below cost");
        acme.sales()
                .recordPurchase(NewOrder.builder(cheap, TODAY.minusDays(5))
                        .line(OrderLine.of("BULK", 100, Money.of("10.00", "USD")))
                        .build()); // sales 1000.00, cost 100 x 9.50 = 950.00, margin 50.00
        acme.sales()
                .recordPurchase(NewOrder.builder(rich, TODAY.minusDays(5))
                        .line(OrderLine.of("RARE", 1, Money.of("400.00", "USD")))
                        .build()); // sales 400.00, cost 100.00, margin 300.00
        acme.sales()
                .recordPurchase(NewOrder.builder(loss, TODAY.minusDays(5))
                        .line(OrderLine.of("PROMO", 2, Money.of("5.00", "USD")))
                        .build()); // sales 10.00, cost 2 x 8.00 = 16.00, margin -6.00
        dev.guanxi.crm.classification.CustomerScoring marginRules =
                dev.guanxi.crm.classification.StandardRules.all().toBuilder()
                        .replace(dev.guanxi.crm.classification.AbcGrading.of(
                                dev.guanxi.crm.classification.ValueMeasure.marginNetOfArrears(),
                                dev.guanxi.crm.classification.GradeCutoffs.defaults()))
                        .build();
        ScoringRequest request = ScoringRequest.of(TODAY, USD).withScoring(marginRules);

        assertThatThrownBy(() -> acme.scoring().run(request))
                .isInstanceOfSatisfying(
                        dev.guanxi.crm.ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("marginWeight"));
        java.util.Map<String, Money> costs =
                new java.util.HashMap<>(Map.of("BULK", Money.of("9.50", "USD"), "RARE", Money.of("100.00", "USD")));
        assertThatThrownBy(() -> acme.scoring()
                        .run(request.withMargins(dev.guanxi.crm.classification.GrossMargins.fromUnitCosts(costs))))
                .isInstanceOfSatisfying(
                        dev.guanxi.crm.ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("productCode"));
        assertThat(acme.scoring().snapshot(cheap)).isEmpty();

        costs.put("PROMO", Money.of("8.00", "USD"));
        acme.scoring().run(request.withMargins(dev.guanxi.crm.classification.GrossMargins.fromUnitCosts(costs)));

        // margins 300, 50, -6: positive total 350; rich above 0 -> KEY, cheap above 300/350 = .857 -> ORDINARY
        assertThat(acme.scoring().snapshot(rich).orElseThrow().labels()).containsEntry("abc", "KEY");
        assertThat(acme.scoring().snapshot(cheap).orElseThrow().labels()).containsEntry("abc", "ORDINARY");
        ScoreSnapshot lossSnapshot = acme.scoring().snapshot(loss).orElseThrow();
        assertThat(lossSnapshot.labels()).containsEntry("abc", "SMALL");
        assertThat(lossSnapshot.metrics().get("abc.measure")).isEqualByComparingTo("-6");
    }

    @Test
    @DisplayName("a run that crashes after k batches keeps those batches; the rerun writes only the rest")
    void crashAndRerun() {
        List<CustomerId> ids = new java.util.ArrayList<>();
        for (int k = 0; k < 5; k++) {
            CustomerId id = customer("C" + k);
            ids.add(id);
            buy(id, TODAY.minusDays(10 + k), (100 * (k + 1)) + ".00", "USD");
        }
        List<dev.guanxi.crm.classification.ScoringListener.Progress> seen = new CopyOnWriteArrayList<>();
        // rules whose results depend only on this run's data (the lifecycle rule also reads the previous snapshot,
        // so its customers written before the crash are re-evaluated, not skipped)
        dev.guanxi.crm.classification.CustomerScoring rules = dev.guanxi.crm.classification.CustomerScoring.defaults();
        ScoringRequest crashing = ScoringRequest.of(TODAY, USD)
                .withScoring(rules)
                .withBatchSize(2)
                .withListener(p -> {
                    seen.add(p);
                    if (p.phase() == dev.guanxi.crm.classification.ScoringListener.Phase.WRITING) {
                        throw new IllegalStateException("the JVM dies after the first batch");
                    }
                });

        assertThatThrownBy(() -> acme.scoring().run(crashing)).hasMessageContaining("JVM dies");

        assertThat(seen)
                .extracting(dev.guanxi.crm.classification.ScoringListener.Progress::phase)
                .containsExactly(
                        dev.guanxi.crm.classification.ScoringListener.Phase.READ,
                        dev.guanxi.crm.classification.ScoringListener.Phase.CLASSIFIED,
                        dev.guanxi.crm.classification.ScoringListener.Phase.WRITING);
        long stored = ids.stream()
                .filter(id -> acme.scoring().snapshot(id).isPresent())
                .count();
        assertThat(stored).isEqualTo(2); // one batch of two, atomic

        ScoringReport rerun = acme.scoring()
                .run(ScoringRequest.of(TODAY, USD).withScoring(rules).withBatchSize(2));
        assertThat(rerun.snapshotsWritten()).isEqualTo(3);
        for (int k = 0; k < 5; k++) {
            int i = rerun.result().indexOf(ids.get(k));
            ScoreSnapshot expected = rerun.result().snapshot(i, rerun.runId(), null, Map.of());
            ScoreSnapshot actual = acme.scoring().snapshot(ids.get(k)).orElseThrow();
            assertThat(actual.labels()).isEqualTo(expected.labels());
            assertThat(actual.metrics()).isEqualTo(expected.metrics());
            assertThat(actual.inputsHash()).matches("[0-9a-f]{32}"); // ResultHash: 128 bits in hexadecimal
        }

        ScoringReport again = acme.scoring().run(ScoringRequest.of(TODAY, USD).withScoring(rules));
        assertThat(again.snapshotsWritten()).isZero();
        assertThat(again.eventsPublished()).isZero();
    }

    @Test
    @DisplayName("an active case past its SLA counts toward at risk in the lifecycle, with the rule named")
    void overdueCasePutsAtRisk() {
        CustomerId calm = customer("calm");
        CustomerId angry = customer("angry");
        for (CustomerId id : List.of(calm, angry)) {
            buy(id, TODAY.minusDays(40), "100.00", "USD");
            buy(id, TODAY.minusDays(20), "100.00", "USD");
        }
        acme.service()
                .openCase(dev.guanxi.crm.service.NewServiceCase.builder(
                                angry,
                                dev.guanxi.crm.service.CaseKind.COMPLAINT,
                                dev.guanxi.crm.service.Severity.HIGH,
                                dev.guanxi.crm.Channel.PHONE,
                                "broken order")
                        .openedAt(Instant.parse("2026-06-20T09:00:00Z"))
                        .build()); // standard SLA for a HIGH complaint: 12 hours, long past

        acme.scoring().run(ScoringRequest.of(TODAY, USD));

        ScoreSnapshot a = acme.scoring().snapshot(angry).orElseThrow();
        assertThat(a.labels().get("lifecycle")).isEqualTo("AT_RISK");
        assertThat(a.labels().get("lifecycle.reason")).contains("overdueCases");
        assertThat(acme.scoring().snapshot(calm).orElseThrow().labels().get("lifecycle"))
                .isNotEqualTo("AT_RISK");
    }

    @Test
    @DisplayName("another tenant's customers are neither read nor scored")
    void tenantIsolation() {
        CustomerId a = customer("A");
        buy(a, TODAY.minusDays(10), "100.00", "USD");
        TenantCrm other = crm.tenant("other");
        CustomerId x =
                other.customers().register(CustomerDraft.person("X").build()).id();
        ScoringReport report = other.scoring().run(ScoringRequest.of(TODAY, USD));
        assertThat(report.customers()).isEqualTo(1);
        assertThat(report.purchases()).isZero();
        assertThat(other.scoring().snapshot(a)).isEmpty();
        assertThat(acme.scoring().snapshot(x)).isEmpty();
    }
}
