package dev.guanxi.crm.stewardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.Consent;
import dev.guanxi.crm.customer.ContactPoint;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.ImportantDate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Survivorship: how a merge plan decides each field")
class SurvivorshipTest {
    private MergeFixture f;
    private TenantCrm acme;

    @BeforeEach
    void setUp() {
        f = new MergeFixture();
        acme = f.acme;
    }

    /** Registers the survivor, then (a minute later) the loser. */
    private Customer[] pair(CustomerDraft survivor, CustomerDraft loser) {
        Customer s = acme.customers().register(survivor);
        f.clock.advance(Duration.ofMinutes(1));
        Customer l = acme.customers().register(loser);
        return new Customer[] {s, l};
    }

    private MergePlan plan(Customer[] pair, UnaryOperator<MergeOptions.Builder> options) {
        return acme.stewardship()
                .planMerge(
                        pair[0].id(),
                        pair[1].id(),
                        options.apply(MergeOptions.builder()).build());
    }

    private static Object chosen(MergePlan plan, MergeField field) {
        return plan.decision(field).orElseThrow().chosenValue();
    }

    @Nested
    @DisplayName("single values")
    class SingleValues {
        @Test
        @DisplayName("SURVIVOR_WINS, LONGEST (code points) and NEWEST (updatedAt) each pick by their rule")
        void rules() {
            Customer[] p = pair(
                    CustomerDraft.person("Li").legalName("𠮷野家").build(),
                    CustomerDraft.person("Li Lei").legalName("abc").build());
            // displayName: "Li" 2 code points < "Li Lei" 6; legalName: 𠮷野家 3 code points (4 chars) = abc 3 -> tie
            MergePlan longest = plan(
                    p,
                    b -> b.rule(MergeField.DISPLAY_NAME, SurvivorshipRule.LONGEST)
                            .rule(MergeField.LEGAL_NAME, SurvivorshipRule.LONGEST));
            assertThat(chosen(longest, MergeField.DISPLAY_NAME)).isEqualTo("Li Lei");
            assertThat(chosen(longest, MergeField.LEGAL_NAME)).isEqualTo("𠮷野家");
            FieldDecision legal = longest.decision(MergeField.LEGAL_NAME).orElseThrow();
            assertThat(legal.source()).isEqualTo(ValueSource.SURVIVOR);
            assertThat(legal.changesSurvivor()).isFalse();
            assertThat(longest.decision(MergeField.DISPLAY_NAME).orElseThrow().reason())
                    .isEqualTo("displayName: LONGEST took the loser's value (the loser's is longer)");

            // the loser was registered a minute later: NEWEST takes its values
            MergePlan newest = plan(p, b -> b.rule(MergeField.DISPLAY_NAME, SurvivorshipRule.NEWEST));
            assertThat(chosen(newest, MergeField.DISPLAY_NAME)).isEqualTo("Li Lei");
            MergePlan kept = plan(p, b -> b);
            assertThat(chosen(kept, MergeField.DISPLAY_NAME)).isEqualTo("Li"); // default SURVIVOR_WINS

            // after the survivor changes, it is the newest
            f.clock.advance(Duration.ofMinutes(1));
            acme.customers()
                    .update(p[0].id(), p[0].version(), b -> b.region(null).tag("touched"));
            MergePlan after = plan(p, b -> b.rule(MergeField.DISPLAY_NAME, SurvivorshipRule.NEWEST));
            assertThat(chosen(after, MergeField.DISPLAY_NAME)).isEqualTo("Li");
        }

        @Test
        @DisplayName("NON_EMPTY takes the loser's value only where the survivor has none (null or blank)")
        void nonEmpty() {
            Customer[] p = pair(
                    CustomerDraft.person("A").externalId("S-1").build(),
                    CustomerDraft.person("B")
                            .legalName("B Ltd")
                            .externalId("L-1")
                            .build());
            MergePlan plan = plan(p, b -> b);
            assertThat(chosen(plan, MergeField.LEGAL_NAME)).isEqualTo("B Ltd");
            assertThat(chosen(plan, MergeField.EXTERNAL_ID)).isEqualTo("S-1");
            assertThat(plan.decision(MergeField.EXTERNAL_ID).orElseThrow().source())
                    .isEqualTo(ValueSource.SURVIVOR);
        }

        @Test
        @DisplayName("the survivor without an external id takes the loser's; undo gives it back")
        void externalIdTakenOver() {
            Customer[] p = pair(
                    CustomerDraft.person("A").build(),
                    CustomerDraft.person("B").externalId("L-1").build());
            MergePlan plan = plan(p, b -> b);
            assertThat(plan.merged().externalId()).isEqualTo("L-1");
            MergeResult result = acme.stewardship().merge(plan);
            assertThat(result.survivor().externalId()).isEqualTo("L-1");
            assertThat(acme.customers().findByExternalId("L-1").orElseThrow()).isEqualTo(result.survivor());
            acme.stewardship().undoMerge(result.mergeId());
            assertThat(acme.customers().findByExternalId("L-1").orElseThrow()).isEqualTo(p[1]);
            assertThat(acme.customers().get(p[0].id()).externalId()).isNull();
        }
    }

    @Nested
    @DisplayName("collections")
    class Collections {
        @Test
        @DisplayName("contact points unite by type and value; e-mail case folds; the survivor keeps its primaries")
        void contactPoints() {
            Customer[] p = pair(
                    CustomerDraft.person("A")
                            .contactPoint(ContactPoint.email("a@example.com", ContactPurpose.WORK)
                                    .asPrimary())
                            .build(),
                    CustomerDraft.person("B")
                            .contactPoint(ContactPoint.email("b@example.com", ContactPurpose.HOME)
                                    .asPrimary())
                            .email("A@EXAMPLE.COM", ContactPurpose.HOME)
                            .phone("+86 10 1234 5678", ContactPurpose.WORK)
                            .build());
            @SuppressWarnings("unchecked")
            List<ContactPoint> points = (List<ContactPoint>) chosen(plan(p, b -> b), MergeField.CONTACT_POINTS);
            // a@ (survivor, primary); b@ (loser's primary, demoted); A@EXAMPLE.COM is a@; the phone is new
            assertThat(points)
                    .extracting(ContactPoint::value)
                    .containsExactly("a@example.com", "b@example.com", "+861012345678");
            assertThat(points).extracting(ContactPoint::primary).containsExactly(true, false, false);
        }

        @Test
        @DisplayName("a second birthday is not added; other dates and tags unite; SURVIVOR_WINS keeps the survivor's")
        void datesAndTags() {
            Customer[] p = pair(
                    CustomerDraft.person("A")
                            .birthday(LocalDate.of(1990, 2, 28))
                            .tag("vip")
                            .build(),
                    CustomerDraft.person("B")
                            .birthday(LocalDate.of(1991, 3, 1))
                            .importantDate(ImportantDate.contractAnniversary(LocalDate.of(2020, 5, 1)))
                            .tag("vip")
                            .tag("南方")
                            .build());
            MergePlan plan = plan(p, b -> b);
            assertThat(chosen(plan, MergeField.IMPORTANT_DATES))
                    .isEqualTo(List.of(
                            ImportantDate.birthday(LocalDate.of(1990, 2, 28)),
                            ImportantDate.contractAnniversary(LocalDate.of(2020, 5, 1))));
            assertThat(chosen(plan, MergeField.TAGS)).isEqualTo(Set.of("vip", "南方"));
            MergePlan survivorWins = plan(p, b -> b.rule(MergeField.TAGS, SurvivorshipRule.SURVIVOR_WINS));
            assertThat(chosen(survivorWins, MergeField.TAGS)).isEqualTo(Set.of("vip"));
            MergePlan longest = plan(p, b -> b.rule(MergeField.TAGS, SurvivorshipRule.LONGEST));
            assertThat(chosen(longest, MergeField.TAGS)).isEqualTo(Set.of("vip", "南方")); // 2 tags > 1
        }

        @Test
        @DisplayName("consent histories unite by instant, so the latest decision of either customer counts")
        void consents() {
            Instant t1 = MergeFixture.T0.minus(Duration.ofDays(2));
            Instant t2 = MergeFixture.T0.minus(Duration.ofDays(1));
            Customer[] p = pair(
                    CustomerDraft.person("A")
                            .consent(Consent.optIn(Channel.EMAIL, t1, "web form"))
                            .build(),
                    CustomerDraft.person("B")
                            .consent(Consent.optOut(Channel.EMAIL, t2, "phone call"))
                            .build());
            MergePlan plan = plan(p, b -> b);
            assertThat(plan.merged().preferences().consents())
                    .containsExactly(
                            Consent.optIn(Channel.EMAIL, t1, "web form"),
                            Consent.optOut(Channel.EMAIL, t2, "phone call"));
            assertThat(plan.merged().preferences().mayContact(Channel.EMAIL)).isFalse();
        }

        @Test
        @DisplayName("a union beyond a limit (100 tags) is refused when planning, naming the field")
        void limit() {
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                a.add("a" + i);
                b.add("b" + i);
            }
            Customer[] p = pair(
                    CustomerDraft.person("A").tags(a).build(),
                    CustomerDraft.person("B").tags(b).build());
            assertThatThrownBy(() -> plan(p, o -> o)).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.field()).isEqualTo("tags");
                assertThat(e.rule()).isEqualTo(ValidationRule.TOO_LONG);
            });
        }
    }

    @Nested
    @DisplayName("host choices and bad options")
    class Host {
        @Test
        @DisplayName("a host chooser's value is taken and reported as HOST; orElse falls back on null")
        void chooser() {
            Customer[] p = pair(
                    CustomerDraft.person("A").build(), CustomerDraft.person("B").build());
            MergePlan plan = plan(
                    p,
                    b -> b.choose(MergeField.DISPLAY_NAME, SurvivorshipChooser.fixed("A & B"))
                            .choose(
                                    MergeField.LEGAL_NAME,
                                    SurvivorshipChooser.fixed(null).orElse(SurvivorshipChooser.loser())));
            FieldDecision name = plan.decision(MergeField.DISPLAY_NAME).orElseThrow();
            assertThat(name.chosenValue()).isEqualTo("A & B");
            assertThat(name.source()).isEqualTo(ValueSource.HOST);
            assertThat(name.rule()).isEqualTo(SurvivorshipRule.HOST);
            assertThat(chosen(plan, MergeField.LEGAL_NAME)).isNull(); // the loser's legal name is null too
        }

        @Test
        @DisplayName("a chooser's value of the wrong type is a WRONG_TYPE error on the field")
        void wrongType() {
            Customer[] p = pair(
                    CustomerDraft.person("A").build(), CustomerDraft.person("B").build());
            assertThatThrownBy(() -> plan(p, b -> b.choose(MergeField.DISPLAY_NAME, SurvivorshipChooser.fixed(42))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("displayName");
                        assertThat(e.rule()).isEqualTo(ValidationRule.WRONG_TYPE);
                    });
            assertThatThrownBy(() -> plan(p, b -> b.choose(MergeField.TAGS, SurvivorshipChooser.fixed(Set.of(1)))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("tags");
                        assertThat(e.rule()).isEqualTo(ValidationRule.WRONG_TYPE);
                    });
        }

        @Test
        @DisplayName("a rule a field does not support, HOST as a plain rule, or a second rule are refused at once")
        void badOptions() {
            assertThatThrownBy(() -> MergeOptions.builder().rule(MergeField.EXTERNAL_ID, SurvivorshipRule.NEWEST))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("rules.externalId");
                        assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
                    });
            assertThatThrownBy(() -> MergeOptions.builder().rule(MergeField.DISPLAY_NAME, SurvivorshipRule.UNION))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> MergeOptions.builder().rule(MergeField.OWNER, SurvivorshipRule.LONGEST))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> MergeOptions.builder().rule(MergeField.OWNER, SurvivorshipRule.HOST))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> MergeOptions.builder().choose(MergeField.EXTERNAL_ID, SurvivorshipChooser.loser()))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> MergeOptions.builder()
                            .rule(MergeField.OWNER, SurvivorshipRule.NEWEST)
                            .choose(MergeField.OWNER, SurvivorshipChooser.loser()))
                    .isInstanceOf(IllegalStateException.class);
            MergeOptions defaults = MergeOptions.defaults();
            for (MergeField field : MergeField.values()) {
                assertThat(defaults.rule(field)).as(field.path()).isEqualTo(field.defaultRule());
                assertThat(field.supports(field.defaultRule())).as(field.path()).isTrue();
            }
        }
    }
}
