package dev.guanxi.crm.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.analytics.BgNbdModel;
import dev.guanxi.crm.analytics.BtydData;
import dev.guanxi.crm.analytics.CustomerSummaries;
import dev.guanxi.crm.analytics.PeriodUnit;
import dev.guanxi.crm.analytics.TransactionLog;
import dev.guanxi.crm.classification.ScoringModels;
import dev.guanxi.crm.classification.ScoringReport;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.spi.storage.ScoreRun;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The scoring run's customer-base models on the CDNOW sample stored in a CRM: the BG/NBD fit of the run (as of
 * the end of the 39-week calibration period) reproduces the published parameters (Fader, Hardie & Lee 2005:
 * r 0.243, alpha 4.414, a 0.793, b 2.426; tolerances 0.005 for r and a, 0.05 for alpha, 0.02 for b), P(alive)
 * per customer is the fitted model's on a summary computed here without the CRM (to 1e-6), and a stored fit is
 * reused unless a refit is asked for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The scoring run's BG/NBD and Gamma-Gamma models on the CDNOW sample")
class ScoringModelsTest {
    private static final LocalDate AS_OF = BtydData.CALIBRATION_END;
    private static final Currency USD = Currency.getInstance("USD");

    private Crm crm;
    private TenantCrm cdnow;
    private final Map<Integer, CustomerId> ids = new HashMap<>();

    @BeforeAll
    void load() {
        crm = Crm.builder()
                .clock(Clock.fixed(Instant.parse("1998-07-01T00:00:00Z"), ZoneOffset.UTC))
                .build();
        cdnow = crm.tenant("cdnow");
        for (String line : BtydData.lines("CDNOW_sample.txt")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 5) {
                continue;
            }
            int id = Integer.parseInt(f[1]);
            CustomerId customer = ids.computeIfAbsent(
                    id,
                    k -> cdnow.customers()
                            .register(CustomerDraft.person("CDNOW " + k).build())
                            .id());
            LocalDate date = LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE);
            BigDecimal dollars = new BigDecimal(f[4]);
            cdnow.sales()
                    .recordPurchase(NewOrder.builder(customer, date)
                            .line(OrderLine.of("CD", 1, Money.of(dollars.setScale(2), USD)))
                            .build());
        }
    }

    @Test
    @DisplayName("fits the published BG/NBD parameters, stores P(alive) and CLV, and reuses the fit next time")
    void fitsAndReuses() {
        ScoringRequest request = ScoringRequest.of(AS_OF, USD).withModels(ScoringModels.bgNbdGammaGamma());
        ScoringReport first = cdnow.scoring()
                .run(request.withModels(ScoringModels.bgNbdGammaGamma().withRefit()));

        ScoreRun run = run(first);
        assertThat(run.attributes()).containsEntry("model.status", "fitted");
        String[] p = run.attributes().get("model.bgnbd").split(" ");
        assertThat(Double.parseDouble(p[0])).isCloseTo(0.243, within(0.005));
        assertThat(Double.parseDouble(p[1])).isCloseTo(4.414, within(0.05));
        assertThat(Double.parseDouble(p[2])).isCloseTo(0.793, within(0.005));
        assertThat(Double.parseDouble(p[3])).isCloseTo(2.426, within(0.02));
        assertThat(run.attributes()).containsKey("model.gammaGamma");

        // every 100th customer: P(alive) of the snapshot = the stored model on a summary made here from the file
        BgNbdModel fitted = BgNbdModel.of(
                Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3]));
        TransactionLog log = new TransactionLog(2);
        for (String line : BtydData.lines("CDNOW_sample.txt")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 5) {
                log.add(Integer.parseInt(f[1]), LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE), 0);
            }
        }
        CustomerSummaries summaries = CustomerSummaries.fromLog(log, AS_OF, PeriodUnit.WEEKS);
        int checked = 0;
        for (int i = 0; i < summaries.size(); i += 100) {
            int sampleId = (Integer) log.customerKey(summaries.customer(i)).orElseThrow();
            ScoreSnapshot snapshot = cdnow.scoring().snapshot(ids.get(sampleId)).orElseThrow();
            double expected = fitted.probabilityAlive(summaries.frequency(i), summaries.recency(i), summaries.age(i));
            assertThat(snapshot.metrics().get("model.pAlive").doubleValue()).isCloseTo(expected, within(1e-6));
            assertThat(snapshot.metrics()).containsKey("model.clv");
            checked++;
        }
        assertThat(checked).isEqualTo(24);

        ScoreRun reused = run(cdnow.scoring().run(request));
        assertThat(reused.attributes())
                .containsEntry("model.status", "reused")
                .containsEntry("model.bgnbd", run.attributes().get("model.bgnbd"));
        ScoreRun refitted = run(cdnow.scoring()
                .run(request.withModels(ScoringModels.bgNbdGammaGamma().withRefit())));
        assertThat(refitted.attributes()).containsEntry("model.status", "fitted");
    }

    @Test
    @DisplayName("the win-back list ranks at-risk and lost customers by CLV if won back x recoverability")
    void winBackList() {
        cdnow.scoring().run(ScoringRequest.of(AS_OF, USD).withModels(ScoringModels.bgNbdGammaGamma()));

        java.util.List<dev.guanxi.crm.classification.WinBackCandidate> list =
                cdnow.scoring().winBackList(20);

        assertThat(list).hasSize(20);
        double previous = Double.MAX_VALUE;
        for (dev.guanxi.crm.classification.WinBackCandidate w : list) {
            ScoreSnapshot s = cdnow.scoring().snapshot(w.customerId()).orElseThrow();
            double alive = s.metrics().get("model.pAlive").doubleValue();
            double clv = s.metrics().get("model.clv").doubleValue();
            double loyalty = s.metrics().get("loyalty.score").doubleValue();
            assertThat(s.labels().get("lifecycle")).isIn("AT_RISK", "LOST").isEqualTo(w.stage());
            // independent arithmetic from the stored snapshot
            double value = Math.max(0, clv) / Math.max(0.01, alive);
            assertThat(w.valueIfWonBack()).isCloseTo(value, within(1e-9 * Math.max(1, value)));
            assertThat(w.recoverability()).isCloseTo(loyalty / 100, within(1e-12));
            assertThat(w.expectedRecovery()).isCloseTo(value * loyalty / 100, within(1e-9 * Math.max(1, value)));
            assertThat(w.expectedRecovery()).isLessThanOrEqualTo(previous);
            assertThat(w.reason()).startsWith(w.stage() + ": worth ");
            previous = w.expectedRecovery();
        }
        assertThat(cdnow.scoring().winBackList(0)).isEmpty();
    }

    private ScoreRun run(ScoringReport report) {
        return crm.storage()
                .inTransaction(
                        UnitOfWorkContext.read(cdnow.tenant()),
                        uow -> uow.scores().findRun(report.runId()))
                .orElseThrow();
    }
}
