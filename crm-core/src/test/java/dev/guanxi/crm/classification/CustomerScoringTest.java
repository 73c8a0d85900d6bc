package dev.guanxi.crm.classification;

import static dev.guanxi.crm.classification.Bases.AS_OF;
import static dev.guanxi.crm.classification.Bases.DAY;
import static dev.guanxi.crm.classification.Bases.builder;
import static dev.guanxi.crm.classification.Bases.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CustomerScoringTest {
    /**
     * A vendor's rule: "VIP" for key customers who bought within 30 days, else "-". Records what it saw of the
     * rules before it.
     */
    private static final class VipRule implements ClassificationRule {
        final List<List<String>> seen = new ArrayList<>();

        @Override
        public String name() {
            return "vip";
        }

        @Override
        public Classifications classify(CustomerBase base, ClassificationContext context) {
            seen.add(List.copyOf(context.earlier().keySet()));
            Classifications abc = context.result("abc").orElseThrow();
            String[] labels = new String[base.size()];
            double[] days = new double[base.size()];
            for (int i = 0; i < base.size(); i++) {
                days[i] = base.purchases(i) > 0 ? DAY - base.lastPurchaseDay(i) : Double.NaN;
                labels[i] = abc.label(i).equals("KEY") && days[i] <= 30 ? "VIP" : "-";
            }
            return Classifications.builder("vip", base)
                    .labels(labels)
                    .metric("daysSince", days)
                    .explainer(new Classifications.Explainer() {
                        @Override
                        public List<Contribution> contributions(int i) {
                            return List.of(new Contribution("daysSince", days[i], 1, 0, ""));
                        }

                        @Override
                        public String reason(int i) {
                            return labels[i].equals("VIP") ? "key and bought " + (long) days[i] + " days ago" : "";
                        }
                    })
                    .build();
        }
    }

    /** A rule with a fixed name and a reason of a given length. */
    private static ClassificationRule rule(String name, String reason) {
        return new ClassificationRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Classifications classify(CustomerBase base, ClassificationContext context) {
                String[] labels = new String[base.size()];
                java.util.Arrays.fill(labels, "X");
                return Classifications.builder(name, base)
                        .labels(labels)
                        .explainer(new Classifications.Explainer() {
                            @Override
                            public List<Contribution> contributions(int i) {
                                return List.of();
                            }

                            @Override
                            public String reason(int i) {
                                return reason;
                            }
                        })
                        .build();
            }
        };
    }

    /** 500 and 300 dollars 10 days ago, 200 dollars 100 days ago, and a customer without purchases. */
    private static CustomerBase base() {
        CustomerBase.Builder b = builder();
        b.purchase(id(1), DAY - 10, 500_00);
        b.purchase(id(2), DAY - 100, 300_00);
        b.purchase(id(3), DAY - 10, 200_00);
        b.customer(id(4));
        return b.build();
    }

    private static List<String> names(CustomerScoring scoring) {
        return scoring.rules().stream().map(ClassificationRule::name).toList();
    }

    @Test
    @DisplayName("the defaults run abc, rfm and matrix, in that order")
    void defaults() {
        CustomerScoring scoring = CustomerScoring.defaults();
        ScoringResult result = scoring.classify(base());

        assertThat(names(scoring)).containsExactly("abc", "rfm", "matrix");
        assertThat(result.results().keySet()).containsExactly("abc", "rfm", "matrix");
        assertThat(scoring.rule("rfm")).containsSame(RfmAnalysis.standard());
        assertThat(scoring.rule("credit")).isEmpty();
        assertThat(result.result("credit")).isEmpty();
        assertThat(result.explain(0)).extracting(Classification::rule).containsExactly("abc", "rfm", "matrix");
        assertThat(result.indexOf(id(3))).isEqualTo(2);
        assertThat(result.indexOf(id(99))).isEqualTo(-1);
    }

    @Test
    @DisplayName("adding a rule whose name is taken is refused: rule DUPLICATE")
    void duplicate() {
        CustomerScoring.Builder b = CustomerScoring.defaults().toBuilder();

        assertThatThrownBy(() -> b.add(AbcGrading.of(ValueMeasure.salesOnly(), GradeCutoffs.defaults())))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("rule");
                    assertThat(e.rule()).isEqualTo(ValidationRule.DUPLICATE);
                });
    }

    @Test
    @DisplayName("replacing or removing a rule that is not there is refused: rule UNKNOWN_CODE")
    void unknown() {
        CustomerScoring.Builder b = CustomerScoring.defaults().toBuilder();

        assertThatThrownBy(() -> b.replace(new VipRule())).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("rule");
            assertThat(e.rule()).isEqualTo(ValidationRule.UNKNOWN_CODE);
        });
        assertThatThrownBy(() -> b.remove("credit")).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("rule");
            assertThat(e.rule()).isEqualTo(ValidationRule.UNKNOWN_CODE);
        });
    }

    @Test
    @DisplayName("replace keeps the rule's place, remove takes it out; the original composition is unchanged")
    void replaceAndRemove() {
        CustomerScoring defaults = CustomerScoring.defaults();
        AbcGrading percentile = AbcGrading.of(ValueMeasure.salesOnly(), GradeCutoffs.rankPercentile(0.2, 0.5));
        CustomerScoring changed =
                defaults.toBuilder().replace(percentile).remove("rfm").build();

        assertThat(names(changed)).containsExactly("abc", "matrix");
        assertThat(changed.rules().get(0)).isSameAs(percentile);
        assertThat(names(defaults)).containsExactly("abc", "rfm", "matrix");
        assertThat(CustomerScoring.builder().build().classify(base()).results()).isEmpty();
    }

    @Test
    @DisplayName("a vendor rule sees the results of the rules before it through the context")
    void vendorRuleSeesEarlierResults() {
        VipRule vip = new VipRule();
        CustomerScoring scoring =
                CustomerScoring.defaults().toBuilder().add(vip).build();
        ScoringResult result = scoring.classify(base());

        assertThat(vip.seen).containsExactly(List.of("abc", "rfm", "matrix"));
        // abc: 500 above 0 KEY, 300 above 0.5 KEY, 200 above 0.8 ORDINARY
        // VIP: key and 10 days: customer 1 only (customer 2 bought 100 days ago)
        Classifications c = result.result("vip").orElseThrow();
        assertThat(List.of(c.label(0), c.label(1), c.label(2), c.label(3))).containsExactly("VIP", "-", "-", "-");
        assertThat(c.explain(0).reason()).isEqualTo("key and bought 10 days ago");
        assertThat(c.score(0)).isNaN();
    }

    @Test
    @DisplayName("a rule placed first sees no earlier results")
    void firstRuleSeesNothing() {
        List<Boolean> sawAbc = new ArrayList<>();
        ClassificationRule probe = new ClassificationRule() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public Classifications classify(CustomerBase base, ClassificationContext context) {
                sawAbc.add(context.result("abc").isPresent());
                assertThat(context.asOf()).isEqualTo(AS_OF);
                return rule("probe", "").classify(base, context);
            }
        };
        CustomerScoring.builder().add(probe).add(AbcGrading.defaults()).build().classify(base());

        assertThat(sawAbc).containsExactly(false);
    }

    @Test
    @DisplayName("a rule returning results for another rule name or another size is an IllegalStateException")
    void ruleMustAnswerForItself() {
        ClassificationRule liar = new ClassificationRule() {
            @Override
            public String name() {
                return "liar";
            }

            @Override
            public Classifications classify(CustomerBase base, ClassificationContext context) {
                return RfmAnalysis.standard().classify(base, context);
            }
        };

        assertThatThrownBy(() -> CustomerScoring.builder().add(liar).build().classify(base()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("liar");
    }

    @Test
    @DisplayName("a snapshot stores labels, reasons, scores and metrics per rule, rounded; NaN metrics left out")
    void snapshot() {
        UUID run = UUID.randomUUID();
        ScoringResult result = CustomerScoring.defaults().classify(base());
        ScoreSnapshot first = result.snapshot(0, run, "hash-1", Map.of("clv", new BigDecimal("12.5")));

        assertThat(first.customerId()).isEqualTo(id(1));
        assertThat(first.runId()).isEqualTo(run);
        assertThat(first.asOf()).isEqualTo(AS_OF);
        assertThat(first.inputsHash()).isEqualTo("hash-1");
        assertThat(first.labels())
                .containsEntry("abc", "KEY")
                .containsEntry(
                        "abc.reason",
                        result.result("abc").orElseThrow().explain(0).reason())
                .containsKeys("rfm", "rfm.reason", "matrix", "matrix.reason");
        assertThat(first.metrics())
                .containsEntry("clv", new BigDecimal("12.5"))
                .containsKeys("abc.shareAbove", "abc.cumulativeShare", "rfm.r", "rfm.score", "matrix.fit");
        assertThat(first.metrics().get("abc.measure")).isEqualByComparingTo("500");
        assertThat(first.metrics().get("abc.score")).isEqualByComparingTo("500");
        assertThat(first.metrics().get("abc.rank")).isEqualByComparingTo("1");
        assertThat(first.metrics().get("rfm.recencyDays")).isEqualByComparingTo("10");
        // customer 3: 200 of 1,000 with 800 above -> abc.shareAbove 0.8
        ScoreSnapshot third = result.snapshot(2, run, null, Map.of());
        assertThat(third.metrics().get("abc.shareAbove")).isEqualByComparingTo("0.8");
        // customer 4 bought nothing: no recency and no RFM cell
        ScoreSnapshot fourth = result.snapshot(3, run, null, Map.of());
        assertThat(fourth.labels()).containsEntry("rfm", "NO_PURCHASES");
        assertThat(fourth.metrics()).doesNotContainKeys("rfm.recencyDays", "rfm.score");
        assertThat(fourth.metrics().get("rfm.r")).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("snapshot metrics are rounded half-even to 6 decimals: 1/3 -> 0.333333")
    void snapshotRounding() {
        CustomerBase.Builder b = builder();
        b.purchase(id(1), DAY - 10, 100_00);
        b.column("strategicFit", new double[] {1.0 / 3});
        ScoringResult result = CustomerScoring.builder()
                .add(SelectionMatrix.builder()
                        .criterion(FitCriterion.strategicFit(), 1)
                        .build())
                .build()
                .classify(b.build());

        ScoreSnapshot s = result.snapshot(0, UUID.randomUUID(), null, Map.of());
        BigDecimal fit = s.metrics().get("matrix.fit");
        assertThat(fit).isEqualTo(new BigDecimal("0.333333"));
    }

    @Test
    @DisplayName("a long reason is cut to 200 characters, an empty one is left out")
    void longReason() {
        String reason = "x".repeat(300);
        ScoringResult result = CustomerScoring.builder()
                .add(rule("wordy", reason))
                .add(rule("quiet", ""))
                .build()
                .classify(base());

        ScoreSnapshot s = result.snapshot(0, UUID.randomUUID(), null, Map.of());
        String cut = s.labels().get("wordy.reason");
        assertThat(cut).hasSize(ScoreSnapshot.LABEL_MAX).startsWith("xxx").endsWith("…");
        assertThat(s.labels()).containsEntry("quiet", "X").doesNotContainKey("quiet.reason");
        assertThat(s.labels().get("wordy.reason")).isNotEqualTo(reason);
        assertThat(result.snapshot(0, UUID.randomUUID(), null, Map.of())
                        .labels()
                        .get("wordy.reason"))
                .isEqualTo(cut);
        ScoringResult exact = CustomerScoring.builder()
                .add(rule("exact", "y".repeat(200)))
                .build()
                .classify(base());
        assertThat(exact.snapshot(0, UUID.randomUUID(), null, Map.of()).labels().get("exact.reason"))
                .isEqualTo("y".repeat(200));
    }

    @Test
    @DisplayName("a rule's reason alone is the explained reason, for every rule and customer; a bad index is refused")
    void reasonAlone() {
        ScoringResult result = StandardRules.all().classify(base());
        for (Classifications c : result.results().values()) {
            for (int i = 0; i < result.base().size(); i++) {
                String alone = c.reason(i);
                assertThat(alone).isEqualTo(c.explain(i).reason());
            }
            assertThatThrownBy(() -> c.reason(4)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> c.reason(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        }
        assertThat(result.results()).containsKeys("abc", "rfm", "credit", "loyalty", "lifecycle", "matrix");
    }

    @Test
    @DisplayName("a rule and metric name must match [a-z][a-zA-Z0-9]{0,30}; results need one label per customer")
    void resultNames() {
        CustomerBase base = base();

        assertThatThrownBy(() -> Classifications.builder("Bad", base)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Classifications.builder("ok", base).metric("a.b", new double[4]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Classifications.builder("ok", base).labels(new String[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Classifications.builder("ok", base).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Classifications.builder("ok", base).labels(new String[4]))
                .isInstanceOf(NullPointerException.class);
    }
}
