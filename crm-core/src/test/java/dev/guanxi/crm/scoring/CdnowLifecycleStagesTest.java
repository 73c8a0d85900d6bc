package dev.guanxi.crm.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.analytics.BtydData;
import dev.guanxi.crm.classification.Classifications;
import dev.guanxi.crm.classification.ScoringModels;
import dev.guanxi.crm.classification.ScoringReport;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.lifecycle.LifecycleStage;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.OrderLine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lifecycle stages of the scoring run (all standard rules, BG/NBD and Gamma-Gamma fitted) on the CDNOW
 * sample stored in a CRM, checked against a computation in this test that shares no code with the SDK's
 * lifecycle: purchases per customer are read from the raw file, P(alive) is the BG/NBD closed form (Fader,
 * Hardie & Lee 2005, eq. 11) coded here with the parameters the run stored, and the rules of
 * {@code DefaultLifecyclePolicy} and the thresholds of {@code LifecycleThresholds} are coded here from their
 * Javadoc. Inputs taken from the run: the fitted parameters, the 80/20 grade ({@code abc} label, graded and
 * tested elsewhere) and the credit grade index ({@code credit} metric; tested elsewhere).
 *
 * <p>Two runs on one CRM: the first at the end of the 39-week calibration period (1997-09-30, no history), the
 * second at the end of the data (1998-06-30, all transactions, the model refitted) with the first run's stages
 * as history, which exercises recovery (AT_RISK to ACTIVE), win-back (LOST to WON_BACK) and a purchase holding
 * off the warning signs.
 *
 * <p>Result when written (for the reader; the assertions compare with the independent computation, not with
 * these numbers): first run NEW_CUSTOMER 1,346, ACTIVE 310, AT_RISK 664, LOST 37; second run NEW_CUSTOMER
 * 1,226, ACTIVE 558, AT_RISK 521, LOST 36, WON_BACK 16 (158 recovered, 55 at-risk customers bought again but
 * stay at risk because a warning sign remains, as rule 6 says); no customer's P(alive) lies near a threshold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The lifecycle stages of two scoring runs on the CDNOW sample equal an independent computation")
class CdnowLifecycleStagesTest {
    private static final LocalDate FIRST_AS_OF = BtydData.CALIBRATION_END; // 1997-09-30
    private static final LocalDate SECOND_AS_OF = LocalDate.of(1998, 6, 30);
    private static final Currency USD = Currency.getInstance("USD");
    private static final int CUSTOMERS = 2357;
    /**
     * A customer whose P(alive) (ours) lies within this distance of one of its grade's P(alive) thresholds may
     * fall on the other side of it in the SDK's floating-point arithmetic (log1p and a logistic there, pow and
     * a division here; they agree to about 1e-15); such customers are excluded from the per-customer
     * comparison and counted. Expected: none.
     */
    private static final double NEAR_THRESHOLD = 1e-9;

    private Crm crm;
    private TenantCrm cdnow;
    /** The CRM's id of sample customer k + 1. */
    private final CustomerId[] ids = new CustomerId[CUSTOMERS];
    /** Purchase days (epoch days, one per row of the file, sorted) of sample customer k + 1. */
    private final int[][] days = new int[CUSTOMERS][];

    private ScoringReport first;
    private ScoringReport second;
    private Independent expectedFirst;
    private Independent expectedSecond;

    @BeforeAll
    void loadAndScore() {
        crm = Crm.builder()
                .clock(Clock.fixed(Instant.parse("1998-07-01T00:00:00Z"), ZoneOffset.UTC))
                .build();
        cdnow = crm.tenant("cdnow");
        List<List<Integer>> rows = new ArrayList<>();
        for (int k = 0; k < CUSTOMERS; k++) {
            rows.add(new ArrayList<>());
        }
        for (String line : BtydData.lines("CDNOW_sample.txt")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 5) {
                continue;
            }
            int k = Integer.parseInt(f[1]) - 1;
            if (ids[k] == null) {
                ids[k] = cdnow.customers()
                        .register(CustomerDraft.person("CDNOW " + (k + 1)).build())
                        .id();
            }
            LocalDate date = LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE);
            cdnow.sales()
                    .recordPurchase(NewOrder.builder(ids[k], date)
                            .line(OrderLine.of("CD", 1, Money.of(new BigDecimal(f[4]).setScale(2), USD)))
                            .build());
            rows.get(k).add((int) date.toEpochDay());
        }
        for (int k = 0; k < CUSTOMERS; k++) {
            days[k] = rows.get(k).stream().mapToInt(Integer::intValue).sorted().toArray();
        }

        first = cdnow.scoring().run(ScoringRequest.of(FIRST_AS_OF, USD).withModels(ScoringModels.bgNbdGammaGamma()));
        second = cdnow.scoring()
                .run(ScoringRequest.of(SECOND_AS_OF, USD)
                        .withModels(ScoringModels.bgNbdGammaGamma().withRefit()));
        expectedFirst = independent(first, FIRST_AS_OF, null);
        expectedSecond = independent(second, SECOND_AS_OF, expectedFirst);
    }

    @Test
    @DisplayName("the first run (1997-09-30, no history) places every customer where the policy's rules say")
    void firstRun() {
        assertThat(first.attributes()).containsEntry("model.status", "fitted");
        assertThat(first.customers()).isEqualTo(CUSTOMERS);
        assertMatches(first, expectedFirst, "first run " + FIRST_AS_OF);
        // every customer of the cohort bought in Q1 1997: nobody is a prospect, and
        // without history nobody can be won back
        Map<LifecycleStage, Integer> counts = counts(stages(first));
        assertThat(counts).doesNotContainKeys(LifecycleStage.PROSPECT, LifecycleStage.WON_BACK);
    }

    @Test
    @DisplayName("the second run (1998-06-30, first run as history) moves every customer where the rules say")
    void secondRun() {
        assertThat(second.attributes()).containsEntry("model.status", "fitted");
        assertThat(second.customers()).isEqualTo(CUSTOMERS);
        assertMatches(second, expectedSecond, "second run " + SECOND_AS_OF);
    }

    @Test
    @DisplayName("after the second run a purchase since the first run never leaves a customer lost or newly at"
            + " risk, and every won-back customer was lost")
    void secondRunSanity() {
        LifecycleStage[] before = stages(first);
        LifecycleStage[] after = stages(second);
        int firstDay = (int) FIRST_AS_OF.toEpochDay();
        int recovered = 0;
        int wonBack = 0;
        int heldOff = 0;
        int stayedAtRiskAfterPurchase = 0;
        List<String> violations = new ArrayList<>();
        for (int k = 0; k < CUSTOMERS; k++) {
            // straight from the file: a row after the first run's day (all rows are up to 1998-06-30)
            boolean purchasedSince = days[k][days[k].length - 1] > firstDay;
            if (purchasedSince && after[k] == LifecycleStage.LOST) {
                violations.add((k + 1) + " bought after " + FIRST_AS_OF + " but is LOST");
            }
            if (purchasedSince && after[k] == LifecycleStage.AT_RISK && before[k] != LifecycleStage.AT_RISK) {
                violations.add((k + 1) + " bought after " + FIRST_AS_OF + " but moved " + before[k] + " -> AT_RISK");
            }
            if (purchasedSince && before[k] == LifecycleStage.LOST && after[k] != LifecycleStage.WON_BACK) {
                violations.add((k + 1) + " was LOST, bought again, but is " + after[k]);
            }
            if (after[k] == LifecycleStage.WON_BACK && before[k] != LifecycleStage.LOST) {
                violations.add((k + 1) + " is WON_BACK but was " + before[k]);
            }
            if (after[k] == LifecycleStage.WON_BACK && !purchasedSince) {
                violations.add((k + 1) + " is WON_BACK without a purchase since " + FIRST_AS_OF);
            }
            if (before[k] == LifecycleStage.AT_RISK && after[k] == LifecycleStage.ACTIVE) {
                recovered++;
            }
            if (after[k] == LifecycleStage.WON_BACK) {
                wonBack++;
            }
            if (purchasedSince && expectedSecond.warning[k] && before[k] != LifecycleStage.LOST) {
                heldOff++;
            }
            if (purchasedSince && before[k] == LifecycleStage.AT_RISK && after[k] == LifecycleStage.AT_RISK) {
                stayedAtRiskAfterPurchase++;
            }
        }
        String summary = "recovered AT_RISK->ACTIVE " + recovered + ", won back " + wonBack
                + ", warning signs held off by a purchase " + heldOff
                + ", AT_RISK stays AT_RISK despite a purchase (a warning sign remains) " + stayedAtRiskAfterPurchase;
        assertThat(violations).as(summary).isEmpty();
        // the scenario is not vacuous: each history-dependent path is taken
        assertThat(recovered).as(summary).isPositive();
        assertThat(wonBack).as(summary).isPositive();
        assertThat(heldOff).as(summary).isPositive();
    }

    @Test
    @DisplayName("after the second run a customer silent for lostAfterDays or more is LOST")
    void longSilenceIsLost() {
        LifecycleStage[] after = stages(second);
        Classifications abc = second.result().result("abc").orElseThrow();
        int asOf = (int) SECOND_AS_OF.toEpochDay();
        List<String> notLost = new ArrayList<>();
        for (int k = 0; k < CUSTOMERS; k++) {
            int i = second.result().indexOf(ids[k]);
            long silence = asOf - days[k][days[k].length - 1];
            if (silence >= limits(abc.label(i)).lostAfterDays() && after[k] != LifecycleStage.LOST) {
                notLost.add((k + 1) + " (" + abc.label(i) + ", " + silence + " days silent): " + after[k]);
            }
        }
        assertThat(notLost)
                .as("%d customers silent for lostAfterDays are not LOST", notLost.size())
                .isEmpty();
    }

    /** Counts, per-customer equality, and P(alive) of the run against ours. */
    private void assertMatches(ScoringReport report, Independent expected, String which) {
        LifecycleStage[] actual = stages(report);
        Map<LifecycleStage, Integer> actualCounts = counts(actual);
        Map<LifecycleStage, Integer> expectedCounts = counts(expected.stages);
        String description = which + ": run " + actualCounts + ", independent " + expectedCounts + ", "
                + expected.nearThreshold + " customer(s) within " + NEAR_THRESHOLD + " of a P(alive) threshold";
        assertThat(actualCounts).as(description).isEqualTo(expectedCounts);
        List<String> differences = new ArrayList<>();
        double maxPAliveDifference = 0;
        for (int k = 0; k < CUSTOMERS; k++) {
            int i = report.result().indexOf(ids[k]);
            maxPAliveDifference = Math.max(
                    maxPAliveDifference, Math.abs(report.result().base().probabilityAlive(i) - expected.pAlive[k]));
            if (!expected.near[k] && actual[k] != expected.stages[k]) {
                differences.add((k + 1) + ": run " + actual[k] + ", independent " + expected.stages[k]);
            }
        }
        assertThat(differences).as(description).isEmpty();
        assertThat(expected.nearThreshold).as(description).isZero();
        // the run's P(alive) is the closed form with its stored parameters (pow here, log1p there)
        assertThat(maxPAliveDifference).as(description).isLessThan(1e-12);
    }

    /** The lifecycle labels of a run, per sample customer. */
    private LifecycleStage[] stages(ScoringReport report) {
        Classifications lifecycle = report.result().result("lifecycle").orElseThrow();
        LifecycleStage[] stages = new LifecycleStage[CUSTOMERS];
        for (int k = 0; k < CUSTOMERS; k++) {
            stages[k] = LifecycleStage.valueOf(lifecycle.label(report.result().indexOf(ids[k])));
        }
        return stages;
    }

    private static Map<LifecycleStage, Integer> counts(LifecycleStage[] stages) {
        Map<LifecycleStage, Integer> counts = new EnumMap<>(LifecycleStage.class);
        for (LifecycleStage s : stages) {
            counts.merge(s, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Our expectation for each customer.
     *
     * @param stages the expected stage
     * @param pAlive our P(alive)
     * @param warning whether an at-risk or lost sign fires
     * @param near whether P(alive) is within {@link #NEAR_THRESHOLD} of a threshold of its grade
     * @param creditGrade the credit grade index the run computed (input of the next run)
     * @param nearThreshold how many customers are near
     */
    private record Independent(
            LifecycleStage[] stages,
            double[] pAlive,
            boolean[] warning,
            boolean[] near,
            int[] creditGrade,
            int nearThreshold) {}

    /**
     * The thresholds of one 80/20 grade, copied from the table in the Javadoc of {@code LifecycleThresholds}
     * (the complaint and overdue-case thresholds are left out: this CRM has no service cases, so neither fires).
     */
    private record Limits(
            double atRiskPAlive,
            double lostPAlive,
            double cycleOverrunFactor,
            int expectedCycleDays,
            int lostAfterDays,
            int creditGradeDrop) {}

    private static Limits limits(String grade) {
        return switch (grade) {
            case "KEY" -> new Limits(0.50, 0.10, 1.5, 90, 365, 1);
            case "ORDINARY" -> new Limits(0.30, 0.05, 2.0, 180, 365, 2);
            case "SMALL" -> new Limits(0.20, 0.05, 3.0, 365, 540, 2);
            default -> throw new IllegalArgumentException("unknown grade " + grade);
        };
    }

    /**
     * Computes every customer's stage from the raw purchase days.
     *
     * @param report the run (for its fitted parameters, 80/20 grades and credit grades)
     * @param asOf the run's day
     * @param previous the previous run's expectation (the history), or {@code null} for a first run
     */
    private Independent independent(ScoringReport report, LocalDate asOf, Independent previous) {
        String[] p = report.attributes().get("model.bgnbd").split(" ");
        double r = Double.parseDouble(p[0]);
        double alpha = Double.parseDouble(p[1]);
        double a = Double.parseDouble(p[2]);
        double b = Double.parseDouble(p[3]);
        Classifications abc = report.result().result("abc").orElseThrow();
        Classifications credit = report.result().result("credit").orElseThrow();
        int day = (int) asOf.toEpochDay();
        // every customer was evaluated by the previous run, on its day
        int evaluatedOn = (int) FIRST_AS_OF.toEpochDay();
        LifecycleStage[] stages = new LifecycleStage[CUSTOMERS];
        double[] pAlive = new double[CUSTOMERS];
        boolean[] warning = new boolean[CUSTOMERS];
        boolean[] near = new boolean[CUSTOMERS];
        int[] creditGrade = new int[CUSTOMERS];
        int nearCount = 0;
        for (int k = 0; k < CUSTOMERS; k++) {
            int i = report.result().indexOf(ids[k]);
            Limits g = limits(abc.label(i));
            creditGrade[k] = (int) credit.metric("gradeIndex", i);

            // BG/NBD on every purchase up to the as-of day, in weeks: x = distinct purchase days after the first,
            // t_x = weeks from the first to the last purchase day, T = weeks from the first purchase to as-of
            int firstEver = days[k][0];
            int lastEver = firstEver;
            int x = 0;
            for (int d : days[k]) {
                if (d <= day && d != lastEver) {
                    x++;
                    lastEver = d;
                }
            }
            double tx = (lastEver - firstEver) / 7.0;
            double bigT = (day - firstEver) / 7.0;
            pAlive[k] = pAlive(r, alpha, a, b, x, tx, bigT);
            near[k] = Math.abs(pAlive[k] - g.atRiskPAlive()) < NEAR_THRESHOLD
                    || Math.abs(pAlive[k] - g.lostPAlive()) < NEAR_THRESHOLD;
            if (near[k]) {
                nearCount++;
            }

            // purchases ever up to the as-of day (every row counts, also a second order on the same day): the
            // lifecycle judges silence by the last purchase ever, also before the value period
            int n = 0;
            int first = -1;
            int last = -1;
            for (int d : days[k]) {
                if (d <= day) {
                    n++;
                    first = first < 0 ? d : first;
                    last = d;
                }
            }
            LifecycleStage before = previous == null ? null : previous.stages[k];
            int creditBefore = previous == null ? -1 : previous.creditGrade[k];
            boolean purchased = previous != null && n > 0 && last > evaluatedOn;
            long decision = decide(before, n, first, last, day, pAlive[k], g, creditGrade[k], creditBefore, purchased);
            stages[k] = stageOf(decision);
            warning[k] = (decision & WARNING) != 0;
        }
        return new Independent(stages, pAlive, warning, near, creditGrade, nearCount);
    }

    /** Set in {@link #decide}'s result when an at-risk or lost sign fires. */
    private static final long WARNING = 1L << 8;

    /**
     * BG/NBD P(alive) (Fader, Hardie & Lee 2005, eq. 11): {@code 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))}
     * for {@code x > 0}, else 1.
     */
    private static double pAlive(double r, double alpha, double a, double b, int x, double tx, double bigT) {
        return x == 0 ? 1.0 : 1.0 / (1.0 + a / (b + x - 1) * Math.pow((alpha + bigT) / (alpha + tx), r + x));
    }

    /**
     * The rules of {@code DefaultLifecyclePolicy} as its Javadoc states them, for one customer without
     * complaints or overdue cases.
     *
     * @return the stage's ordinal, with {@link #WARNING} set if a warning sign fired
     */
    private static long decide(
            LifecycleStage before,
            int n,
            int first,
            int last,
            int day,
            double pAlive,
            Limits g,
            int creditNow,
            int creditBefore,
            boolean purchased) {
        if (n == 0) { // 1. no purchases
            return (before == null ? LifecycleStage.PROSPECT : before).ordinal();
        }
        if (before == LifecycleStage.LOST) { // 2.
            return (purchased ? LifecycleStage.WON_BACK : LifecycleStage.LOST).ordinal();
        }
        if (before == LifecycleStage.PROSPECT) { // 3.
            return LifecycleStage.NEW_CUSTOMER.ordinal();
        }
        // 4. warning signs
        int silence = day - last;
        double meanInterval = n >= 2 ? (last - first) / (double) (n - 1) : Double.NaN;
        double cycle = n >= 2 ? Math.max(1.0, meanInterval) : g.expectedCycleDays();
        boolean lost = pAlive < g.lostPAlive() || silence >= g.lostAfterDays();
        boolean creditDrop = creditNow >= 0 && creditBefore >= 0 && creditNow - creditBefore >= g.creditGradeDrop();
        boolean atRisk = pAlive < g.atRiskPAlive() || silence > g.cycleOverrunFactor() * cycle || creditDrop;
        boolean warning = lost || atRisk;
        long flag = warning ? WARNING : 0;
        boolean repeatWithinCycle = n >= 2 && meanInterval <= g.expectedCycleDays();
        // 5. without a purchase since the last evaluation the signs move the customer down
        if (warning && !purchased) {
            return (lost ? LifecycleStage.LOST : LifecycleStage.AT_RISK).ordinal() | flag;
        }
        // 6. no sign, or a purchase holds them off
        LifecycleStage stage;
        if (before == null) {
            stage = repeatWithinCycle ? LifecycleStage.ACTIVE : LifecycleStage.NEW_CUSTOMER;
        } else {
            stage = switch (before) {
                case NEW_CUSTOMER -> repeatWithinCycle ? LifecycleStage.ACTIVE : LifecycleStage.NEW_CUSTOMER;
                case WON_BACK -> purchased ? LifecycleStage.ACTIVE : LifecycleStage.WON_BACK;
                case AT_RISK -> warning ? LifecycleStage.AT_RISK : LifecycleStage.ACTIVE;
                default -> before;
            };
        }
        return stage.ordinal() | flag;
    }

    private static LifecycleStage stageOf(long decision) {
        return LifecycleStage.values()[(int) (decision & 0xff)];
    }

    @Test
    @DisplayName("the test's own policy and P(alive) code give the hand-computed answers on small cases")
    void independentCodeOnHandMadeCases() {
        // Guards this test's own code, so that a mistake it shares with the SDK is less likely. ORDINARY
        // thresholds: at risk P < 0.30, lost P < 0.05, factor 2, expected cycle 180, lost after 365 days.
        Limits ordinary = limits("ORDINARY");
        int day = 1000;
        // one purchase 200 days ago, P 1: allowed 2 x 180 = 360 >= 200 -> no sign -> NEW_CUSTOMER
        long decision = decide(null, 1, 800, 800, day, 1.0, ordinary, -1, -1, false);
        assertThat(stageOf(decision)).isEqualTo(LifecycleStage.NEW_CUSTOMER);
        assertThat(decision & WARNING).isZero();
        // two purchases 30 days apart, the last 60 days ago: mean 30 <= 180, allowed 2 x 30 = 60, 60 > 60 false
        // -> ACTIVE; one day later 61 > 60 -> AT_RISK
        assertThat(stageOf(decide(null, 2, 910, 940, day, 0.9, ordinary, -1, -1, false)))
                .isEqualTo(LifecycleStage.ACTIVE);
        assertThat(stageOf(decide(null, 2, 909, 939, day, 0.9, ordinary, -1, -1, false)))
                .isEqualTo(LifecycleStage.AT_RISK);
        // the same overrun with a purchase since the last evaluation: held off, ACTIVE stays ACTIVE but an
        // AT_RISK customer stays AT_RISK while the sign remains
        decision = decide(LifecycleStage.ACTIVE, 2, 909, 939, day, 0.9, ordinary, -1, -1, true);
        assertThat(stageOf(decision)).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(decision & WARNING).isNotZero();
        assertThat(stageOf(decide(LifecycleStage.AT_RISK, 2, 909, 939, day, 0.9, ordinary, -1, -1, true)))
                .isEqualTo(LifecycleStage.AT_RISK);
        // AT_RISK without a sign left -> ACTIVE; with P 0.04 < 0.05 -> LOST; LOST + purchase -> WON_BACK
        assertThat(stageOf(decide(LifecycleStage.AT_RISK, 2, 910, 940, day, 0.9, ordinary, -1, -1, false)))
                .isEqualTo(LifecycleStage.ACTIVE);
        assertThat(stageOf(decide(LifecycleStage.AT_RISK, 2, 910, 940, day, 0.04, ordinary, -1, -1, false)))
                .isEqualTo(LifecycleStage.LOST);
        assertThat(stageOf(decide(LifecycleStage.LOST, 1, 990, 990, day, 0.9, ordinary, -1, -1, true)))
                .isEqualTo(LifecycleStage.WON_BACK);
        // silence of 365 days >= 365 -> LOST; a customer without any purchase keeps the stage (rule 1)
        assertThat(stageOf(decide(LifecycleStage.ACTIVE, 1, 635, 635, day, 1.0, ordinary, -1, -1, false)))
                .isEqualTo(LifecycleStage.LOST);
        assertThat(stageOf(decide(LifecycleStage.ACTIVE, 0, -1, -1, day, 1.0, ordinary, -1, -1, false)))
                .isEqualTo(LifecycleStage.ACTIVE);
        // a same-day repeat: mean interval 0, cycle max(1, 0) = 1, allowed 2 days: 3 days later -> AT_RISK
        assertThat(stageOf(decide(null, 2, 997, 997, day, 0.9, ordinary, -1, -1, false)))
                .isEqualTo(LifecycleStage.AT_RISK);
        // credit grade 1 -> 3: a drop of 2 >= 2 steps -> AT_RISK
        assertThat(stageOf(decide(LifecycleStage.ACTIVE, 2, 910, 940, day, 0.9, ordinary, 3, 1, false)))
                .isEqualTo(LifecycleStage.AT_RISK);
        // BG/NBD with the published CDNOW parameters (r 0.243, alpha 4.414, a 0.793, b 2.426), x = 2,
        // t_x = 30.43, T = 38.86: a/(b+x-1) = 0.793 / 3.426 = 0.231465; ((4.414 + 38.86) / (4.414 + 30.43))^2.243
        // = 1.241935^2.243 = exp(2.243 x 0.216671) = exp(0.485993) = 1.625789; odds 0.376314; P = 1 / 1.376314
        // = 0.726579
        double p = pAlive(0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86);
        assertThat(p).isCloseTo(0.726579, within(1e-6));
        assertThat(pAlive(0.243, 4.414, 0.793, 2.426, 0, 0, 38.86)).isEqualTo(1.0);
        int rows = Arrays.stream(days).mapToInt(d -> d.length).sum();
        assertThat(rows).isEqualTo(6919);
    }
}
