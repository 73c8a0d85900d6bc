package dev.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reference codes")
class ReferenceCodesTest {
    Crm crm;
    ReferenceCodes codes;

    @BeforeEach
    void setUp() {
        crm = Crm.builder()
                .clock(Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC))
                .build();
        codes = crm.tenant("acme").referenceCodes();
    }

    @Test
    @DisplayName("define stores an active code that find and list return")
    void define() {
        ReferenceCode north = codes.define(ReferenceCodeType.REGION, "north", "华北");

        assertThat(north).isEqualTo(new ReferenceCode(ReferenceCodeType.REGION, "north", "华北", true));
        assertThat(codes.find(ReferenceCodeType.REGION, "north")).contains(north);
        assertThat(codes.find(ReferenceCodeType.INDUSTRY, "north")).isEmpty();
    }

    @Test
    @DisplayName("list returns one table, active and inactive codes, ordered by code")
    void list() {
        codes.define(ReferenceCodeType.REGION, "west", "West");
        codes.define(ReferenceCodeType.REGION, "east", "East");
        codes.define(ReferenceCodeType.REGION, "North", "North (legacy)");
        codes.define(ReferenceCodeType.INDUSTRY, "retail", "Retail");
        codes.deactivate(ReferenceCodeType.REGION, "west");

        assertThat(codes.list(ReferenceCodeType.REGION))
                .extracting(ReferenceCode::code, ReferenceCode::active)
                .containsExactly(tuple("North", true), tuple("east", true), tuple("west", false));
        assertThat(codes.list(ReferenceCodeType.CUSTOMER_STATUS)).isEmpty();
    }

    @Test
    @DisplayName("define again relabels and reactivates a code")
    void redefine() {
        codes.define(ReferenceCodeType.CUSTOMER_STATUS, "blocked", "Blocked");
        codes.deactivate(ReferenceCodeType.CUSTOMER_STATUS, "blocked");

        ReferenceCode again = codes.define(ReferenceCodeType.CUSTOMER_STATUS, "blocked", "Gesperrt");

        assertThat(again.active()).isTrue();
        assertThat(codes.find(ReferenceCodeType.CUSTOMER_STATUS, "blocked")).contains(again);
        assertThat(codes.list(ReferenceCodeType.CUSTOMER_STATUS)).hasSize(1);
    }

    @Test
    @DisplayName("a deactivated code can no longer be given to a customer; a reactivated one can")
    void deactivate() {
        codes.define(ReferenceCodeType.INDUSTRY, "mining", "Mining");
        ReferenceCode inactive = codes.deactivate(ReferenceCodeType.INDUSTRY, "mining");
        Customers customers = crm.tenant("acme").customers();

        assertThat(inactive.active()).isFalse();
        assertThatThrownBy(() -> customers.register(
                        CustomerDraft.person("Test").industry("mining").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("industry");
                    assertThat(e.rule()).isEqualTo(ValidationRule.UNKNOWN_CODE);
                });
        codes.define(ReferenceCodeType.INDUSTRY, "mining", "Mining");
        assertThat(customers
                        .register(
                                CustomerDraft.person("Test").industry("mining").build())
                        .industry())
                .isEqualTo("mining");
    }

    @Test
    @DisplayName("deactivating an unknown code throws NotFoundException")
    void deactivateUnknown() {
        assertThatThrownBy(() -> codes.deactivate(ReferenceCodeType.REGION, "nowhere"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("bad input names the field and the rule and stores nothing")
    void badInput() {
        assertValidation(() -> codes.define(null, "x", "X"), "type", ValidationRule.REQUIRED);
        assertValidation(
                () -> codes.define(ReferenceCodeType.REGION, "north east", "X"), "code", ValidationRule.INVALID_FORMAT);
        assertValidation(
                () -> codes.define(ReferenceCodeType.REGION, "x".repeat(65), "X"),
                "code",
                ValidationRule.INVALID_FORMAT);
        assertValidation(() -> codes.define(ReferenceCodeType.REGION, null, "X"), "code", ValidationRule.REQUIRED);
        assertValidation(() -> codes.define(ReferenceCodeType.REGION, "x", " "), "label", ValidationRule.BLANK);
        assertValidation(
                () -> codes.define(ReferenceCodeType.REGION, "x", "a\u0000b"),
                "label",
                ValidationRule.ILLEGAL_CHARACTER);
        assertValidation(
                () -> codes.define(ReferenceCodeType.REGION, "x", "a".repeat(201)), "label", ValidationRule.TOO_LONG);
        assertThat(codes.list(ReferenceCodeType.REGION)).isEmpty();
    }

    @Test
    @DisplayName("code tables are per tenant")
    void isolation() {
        codes.define(ReferenceCodeType.REGION, "north", "华北");
        ReferenceCodes other = crm.tenant("globex").referenceCodes();

        assertThat(other.find(ReferenceCodeType.REGION, "north")).isEmpty();
        assertThat(other.list(ReferenceCodeType.REGION)).isEmpty();
        assertThatThrownBy(() -> other.deactivate(ReferenceCodeType.REGION, "north"))
                .isInstanceOf(NotFoundException.class);
        assertThat(codes.find(ReferenceCodeType.REGION, "north").orElseThrow().active())
                .isTrue();
    }

    private static void assertValidation(Runnable call, String field, ValidationRule rule) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }
}
