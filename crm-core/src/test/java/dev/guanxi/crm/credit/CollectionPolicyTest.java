package dev.guanxi.crm.credit;

import static dev.guanxi.crm.credit.CollectionAction.convenience;
import static dev.guanxi.crm.credit.CollectionAction.deferral;
import static dev.guanxi.crm.credit.CollectionAction.dunningVisit;
import static dev.guanxi.crm.credit.CollectionAction.remind;
import static dev.guanxi.crm.credit.CollectionAction.requirePrepayment;
import static dev.guanxi.crm.credit.CollectionAction.suspendService;
import static dev.guanxi.crm.credit.CreditScaleTest.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationRule;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Collection policy: actions per credit grade")
class CollectionPolicyTest {

    @Test
    @DisplayName("the letter scale's defaults escalate from convenience to prepayment")
    void letterDefaults() {
        CollectionPolicy p = CollectionPolicy.defaults(CreditScale.letters());

        assertThat(p.actionsFor("AAA")).containsExactly(convenience());
        assertThat(p.actionsFor("AA")).containsExactly(convenience());
        assertThat(p.actionsFor("A")).containsExactly(remind());
        assertThat(p.actionsFor("BBB")).containsExactly(remind(), deferral(15));
        assertThat(p.actionsFor("BB")).containsExactly(remind(), deferral(7), dunningVisit());
        assertThat(p.actionsFor("B")).containsExactly(remind(), dunningVisit(), suspendService());
        assertThat(p.actionsFor("C")).containsExactly(dunningVisit(), suspendService(), requirePrepayment());
        assertThat(p.scale()).isEqualTo(CreditScale.letters());
    }

    @Test
    @DisplayName("the five bands' defaults are documented too")
    void fiveBandDefaults() {
        CollectionPolicy p = CollectionPolicy.defaults(CreditScale.fiveBands());

        assertThat(p.actionsFor("A")).containsExactly(convenience());
        assertThat(p.actionsFor("B")).containsExactly(remind());
        assertThat(p.actionsFor("C")).containsExactly(remind(), deferral(15));
        assertThat(p.actionsFor("D")).containsExactly(remind(), dunningVisit(), suspendService());
        assertThat(p.actionsFor("E")).containsExactly(dunningVisit(), suspendService(), requirePrepayment());
        assertThat(p.actionsFor(4)).isEqualTo(p.actionsFor("E"));
        assertThatThrownBy(() -> p.actionsFor(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    @DisplayName("an assessment's grade selects its actions")
    void forAssessment() {
        CreditAssessment assessment = new CreditAssessment("BBB", 3, 65, false, List.of());
        assertThat(CollectionPolicy.defaults(CreditScale.letters()).actionsFor(assessment))
                .containsExactly(remind(), deferral(15));
    }

    @Test
    @DisplayName("a host overrides any grade; the others keep their defaults")
    void override() {
        CollectionPolicy p = CollectionPolicy.builder(CreditScale.letters())
                .grade("BBB", remind(), deferral(30))
                .grade("C", List.of(requirePrepayment()))
                .build();

        assertThat(p.actionsFor("BBB")).containsExactly(remind(), deferral(30));
        assertThat(p.actionsFor("C")).containsExactly(requirePrepayment());
        assertThat(p.actionsFor("AA")).containsExactly(convenience());
        assertThatThrownBy(() -> p.actionsFor("BBB").add(remind())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("a custom scale has no defaults: every grade must be given")
    void customScale() {
        CreditScale gold =
                CreditScale.builder().grade("GOLD", 70).grade("PLAIN", 0).build();

        rejects(() -> CollectionPolicy.defaults(gold), "grades.GOLD", ValidationRule.REQUIRED);
        rejects(
                () -> CollectionPolicy.builder(gold)
                        .grade("GOLD", convenience())
                        .build(),
                "grades.PLAIN",
                ValidationRule.REQUIRED);
        CollectionPolicy p = CollectionPolicy.builder(gold)
                .grade("GOLD", convenience())
                .grade("PLAIN", remind(), dunningVisit())
                .build();
        assertThat(p.actionsFor("PLAIN")).containsExactly(remind(), dunningVisit());
    }

    @Test
    @DisplayName("overriding a grade not in the scale, or with no or repeated actions, is a typed error")
    void badOverrides() {
        rejects(
                () -> CollectionPolicy.builder(CreditScale.fiveBands()).grade("AAA", remind()),
                "grade",
                ValidationRule.UNKNOWN_CODE);
        rejects(
                () -> CollectionPolicy.builder(CreditScale.fiveBands()).grade("A", List.of()),
                "actions",
                ValidationRule.REQUIRED);
        rejects(
                () -> CollectionPolicy.builder(CreditScale.fiveBands()).grade("A", remind(), deferral(3), deferral(5)),
                "actions[2]",
                ValidationRule.DUPLICATE);
        rejects(
                () -> CollectionPolicy.defaults(CreditScale.fiveBands()).actionsFor("F"),
                "grade",
                ValidationRule.UNKNOWN_CODE);
        assertThatThrownBy(() -> CollectionPolicy.builder(CreditScale.fiveBands())
                        .grade("A", remind())
                        .grade("A", convenience()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("only a deferral carries days, 1 to 366")
    void actions() {
        assertThat(deferral(15).days()).isEqualTo(15);
        assertThat(deferral(15)).hasToString("DEFERRAL(15 days)");
        assertThat(remind()).hasToString("REMIND");
        rejects(() -> deferral(0), "days", ValidationRule.OUT_OF_RANGE);
        rejects(() -> deferral(367), "days", ValidationRule.OUT_OF_RANGE);
        rejects(() -> new CollectionAction(CollectionAction.Kind.REMIND, 3), "days", ValidationRule.OUT_OF_RANGE);
        rejects(() -> new CollectionAction(null, 0), "kind", ValidationRule.REQUIRED);
    }
}
