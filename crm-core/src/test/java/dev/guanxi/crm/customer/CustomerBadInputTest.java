package dev.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.field.FieldDefinition;
import dev.guanxi.crm.field.FieldKey;
import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Bad customer input is refused with the field and the rule, and nothing is stored")
class CustomerBadInputTest {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final FieldDefinition<String> GROUP =
            FieldDefinition.string("erp", "group").maxLength(10).required();
    static final FieldDefinition<Long> SCORE =
            FieldDefinition.integer("erp", "score").min(0L).max(100L);
    static final FieldDefinition<BigDecimal> RATE =
            FieldDefinition.decimal("billing", "rate").maxScale(2);
    static final FieldDefinition<Money> DEPOSIT =
            FieldDefinition.money("billing", "deposit").currency("CNY");
    static final String EMOJI = "\uD83D\uDE00"; // 😀, one code point, two UTF-16 chars

    final List<DomainEvent> events = new ArrayList<>();
    TenantCrm acme;
    Customers customers;

    @BeforeEach
    void setUp() {
        Crm crm = Crm.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .customField(GROUP)
                .customField(SCORE)
                .customField(RATE)
                .customField(DEPOSIT)
                .listener(events::add)
                .build();
        acme = crm.tenant("acme");
        customers = acme.customers();
        acme.referenceCodes().define(ReferenceCodeType.REGION, "north", "华北");
        acme.referenceCodes().define(ReferenceCodeType.REGION, "old", "Former region");
        acme.referenceCodes().deactivate(ReferenceCodeType.REGION, "old");
        customers.register(valid("Existing").externalId("ERP-1").build());
        events.clear();
    }

    /** A person draft that passes every rule of this CRM (the required custom field is set). */
    static CustomerDraft.Builder valid(String name) {
        return CustomerDraft.person(name).customField(GROUP.key(), "A");
    }

    static CustomerDraft.Builder validOrganisation(String name) {
        return CustomerDraft.organisation(name).customField(GROUP.key(), "A");
    }

    static Arguments bad(String description, Supplier<CustomerDraft> draft, String field, ValidationRule rule) {
        return Arguments.of(description, draft, field, rule);
    }

    static String repeat(String s, int times) {
        return s.repeat(times);
    }

    static Stream<Arguments> badDrafts() {
        return Stream.of(
                bad("null display name", () -> valid(null).build(), "displayName", ValidationRule.REQUIRED),
                bad("empty display name", () -> valid("").build(), "displayName", ValidationRule.BLANK),
                bad("blank display name", () -> valid(" \t ").build(), "displayName", ValidationRule.BLANK),
                bad(
                        "ideographic-space-only display name",
                        () -> valid("\u3000").build(),
                        "displayName",
                        ValidationRule.BLANK),
                bad(
                        "201 CJK characters",
                        () -> valid(repeat("张", 201)).build(),
                        "displayName",
                        ValidationRule.TOO_LONG),
                bad(
                        "201 emoji (402 UTF-16 chars)",
                        () -> valid(repeat(EMOJI, 201)).build(),
                        "displayName",
                        ValidationRule.TOO_LONG),
                bad(
                        "201-character legal name",
                        () -> valid("Ok").legalName(repeat("a", 201)).build(),
                        "legalName",
                        ValidationRule.TOO_LONG),
                bad(
                        "NUL character",
                        () -> valid("Zhang\u0000Wei").build(),
                        "displayName",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "line break in a name",
                        () -> valid("Zhang\nWei").build(),
                        "displayName",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "unpaired high surrogate",
                        () -> valid("abc\uD83D").build(),
                        "displayName",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "unpaired low surrogate",
                        () -> valid("\uDE00abc").build(),
                        "displayName",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "right-to-left override",
                        () -> valid("invoice\u202Efdp.exe").build(),
                        "displayName",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "NUL in the legal name",
                        () -> valid("Ok").legalName("A\u0000").build(),
                        "legalName",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad("missing kind", () -> valid("Ok").kind(null).build(), "kind", ValidationRule.REQUIRED),
                bad(
                        "e-mail without @",
                        () -> valid("Ok")
                                .email("not-an-email", ContactPurpose.WORK)
                                .build(),
                        "contactPoints[0].value",
                        ValidationRule.INVALID_FORMAT),
                bad(
                        "e-mail without top-level domain",
                        () -> valid("Ok")
                                .phone("+49 30 1234567", ContactPurpose.WORK)
                                .email("a@localhost", ContactPurpose.WORK)
                                .build(),
                        "contactPoints[1].value",
                        ValidationRule.INVALID_FORMAT),
                bad(
                        "phone with letters",
                        () -> valid("Ok")
                                .phone("+49 30 CALL-ME", ContactPurpose.WORK)
                                .build(),
                        "contactPoints[0].value",
                        ValidationRule.INVALID_FORMAT),
                bad(
                        "phone with too few digits",
                        () -> valid("Ok").phone("12345", ContactPurpose.WORK).build(),
                        "contactPoints[0].value",
                        ValidationRule.INVALID_FORMAT),
                bad(
                        "phone with too many digits",
                        () -> valid("Ok")
                                .phone("+1234567890123456", ContactPurpose.WORK)
                                .build(),
                        "contactPoints[0].value",
                        ValidationRule.INVALID_FORMAT),
                bad(
                        "fax with letters",
                        () -> valid("Ok").fax("fax me", ContactPurpose.WORK).build(),
                        "contactPoints[0].value",
                        ValidationRule.INVALID_FORMAT),
                bad(
                        "messaging handle without network",
                        () -> valid("Ok")
                                .messaging(null, "handle", ContactPurpose.WORK)
                                .build(),
                        "contactPoints[0].network",
                        ValidationRule.REQUIRED),
                bad(
                        "contact point without purpose",
                        () -> valid("Ok").email("a@example.com", null).build(),
                        "contactPoints[0].purpose",
                        ValidationRule.REQUIRED),
                bad(
                        "postal address without address",
                        () -> valid("Ok")
                                .postalAddress(null, ContactPurpose.HOME)
                                .build(),
                        "contactPoints[0].address",
                        ValidationRule.REQUIRED),
                bad(
                        "two primary e-mail addresses",
                        () -> valid("Ok")
                                .contactPoint(ContactPoint.email("a@example.com", ContactPurpose.WORK)
                                        .asPrimary())
                                .contactPoint(ContactPoint.email("b@example.com", ContactPurpose.HOME)
                                        .asPrimary())
                                .build(),
                        "contactPoints[1].primary",
                        ValidationRule.DUPLICATE),
                bad(
                        "null contact point",
                        () -> valid("Ok").contactPoint(null).build(),
                        "contactPoints[0]",
                        ValidationRule.REQUIRED),
                bad(
                        "51 contact points",
                        () -> valid("Ok")
                                .contactPoints(IntStream.range(0, 51)
                                        .mapToObj(
                                                i -> ContactPoint.phone("+49 30 100" + (1000 + i), ContactPurpose.WORK))
                                        .toList())
                                .build(),
                        "contactPoints",
                        ValidationRule.TOO_LONG),
                bad(
                        "a person with a contact person",
                        () -> valid("Ok")
                                .contactPerson(ContactPerson.of("王芳", "Buyer"))
                                .build(),
                        "contactPersons",
                        ValidationRule.INVALID_STATE),
                bad(
                        "credit limit USD 1.005",
                        () -> valid("Ok").creditLimit("1.005", "USD").build(),
                        "creditLimit.amount",
                        ValidationRule.SCALE),
                bad(
                        "credit limit JPY 1.5",
                        () -> valid("Ok").creditLimit("1.5", "JPY").build(),
                        "creditLimit.amount",
                        ValidationRule.SCALE),
                bad(
                        "credit limit in an unknown currency",
                        () -> valid("Ok").creditLimit("100", "XYZ").build(),
                        "creditLimit.currency",
                        ValidationRule.UNKNOWN_CURRENCY),
                bad(
                        "credit limit in a currency without minor unit (gold)",
                        () -> valid("Ok").creditLimit("1", "XAU").build(),
                        "creditLimit.currency",
                        ValidationRule.UNKNOWN_CURRENCY),
                bad(
                        "credit limit that is not a number",
                        () -> valid("Ok").creditLimit("lots", "USD").build(),
                        "creditLimit.amount",
                        ValidationRule.INVALID_FORMAT),
                bad(
                        "negative credit limit",
                        () -> valid("Ok").creditLimit("-0.01", "USD").build(),
                        "creditLimit",
                        ValidationRule.OUT_OF_RANGE),
                bad(
                        "unknown region code",
                        () -> valid("Ok").region("atlantis").build(),
                        "region",
                        ValidationRule.UNKNOWN_CODE),
                bad(
                        "inactive region code",
                        () -> valid("Ok").region("old").build(),
                        "region",
                        ValidationRule.UNKNOWN_CODE),
                bad(
                        "region code of another case",
                        () -> valid("Ok").region("North").build(),
                        "region",
                        ValidationRule.UNKNOWN_CODE),
                bad(
                        "unknown customer type",
                        () -> valid("Ok").customerType("agent").build(),
                        "customerType",
                        ValidationRule.UNKNOWN_CODE),
                bad(
                        "unknown status",
                        () -> valid("Ok").status("active").build(),
                        "status",
                        ValidationRule.UNKNOWN_CODE),
                bad(
                        "unknown industry",
                        () -> valid("Ok").industry("retail").build(),
                        "industry",
                        ValidationRule.UNKNOWN_CODE),
                bad(
                        "ill-formed code",
                        () -> valid("Ok").region("north east").build(),
                        "region",
                        ValidationRule.INVALID_FORMAT),
                bad(
                        "unknown custom field",
                        () -> valid("Ok")
                                .customField(FieldKey.string("erp", "nope"), "x")
                                .build(),
                        "customFields.erp.nope",
                        ValidationRule.UNKNOWN_FIELD),
                bad(
                        "custom field of the wrong type",
                        () -> valid("Ok")
                                .customField(FieldKey.string("erp", "score"), "high")
                                .build(),
                        "customFields.erp.score",
                        ValidationRule.WRONG_TYPE),
                bad(
                        "custom field above its maximum",
                        () -> valid("Ok").customField(SCORE.key(), 101L).build(),
                        "customFields.erp.score",
                        ValidationRule.OUT_OF_RANGE),
                bad(
                        "custom text above its maximum length",
                        () -> valid("Ok")
                                .customField(GROUP.key(), "ABCDEFGHIJK")
                                .build(),
                        "customFields.erp.group",
                        ValidationRule.TOO_LONG),
                bad(
                        "custom text with a NUL",
                        () -> valid("Ok").customField(GROUP.key(), "A\u0000").build(),
                        "customFields.erp.group",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "custom decimal with too many decimals",
                        () -> valid("Ok")
                                .customField(RATE.key(), new BigDecimal("0.125"))
                                .build(),
                        "customFields.billing.rate",
                        ValidationRule.SCALE),
                bad(
                        "custom money in another currency",
                        () -> valid("Ok")
                                .customField(DEPOSIT.key(), Money.of("10.00", "USD"))
                                .build(),
                        "customFields.billing.deposit",
                        ValidationRule.CURRENCY_MISMATCH),
                bad(
                        "required custom field missing",
                        () -> valid("Ok").customField(GROUP.key(), null).build(),
                        "customFields.erp.group",
                        ValidationRule.REQUIRED),
                bad(
                        "duplicate external id",
                        () -> valid("Ok").externalId("ERP-1").build(),
                        "externalId",
                        ValidationRule.DUPLICATE),
                bad("blank external id", () -> valid("Ok").externalId(" ").build(), "externalId", ValidationRule.BLANK),
                bad(
                        "129-character external id",
                        () -> valid("Ok").externalId(repeat("9", 129)).build(),
                        "externalId",
                        ValidationRule.TOO_LONG),
                bad(
                        "birthday in the far future",
                        () -> valid("Ok")
                                .birthday(LocalDate.parse("2999-01-01"))
                                .build(),
                        "importantDates[0].date",
                        ValidationRule.FUTURE),
                bad(
                        "birthday two days ahead",
                        () -> valid("Ok")
                                .birthday(LocalDate.parse("2026-01-17"))
                                .build(),
                        "importantDates[0].date",
                        ValidationRule.FUTURE),
                bad(
                        "founding day in the future",
                        () -> validOrganisation("Ok")
                                .foundingDay(LocalDate.parse("2030-01-01"))
                                .build(),
                        "importantDates[0].date",
                        ValidationRule.FUTURE),
                bad(
                        "contract anniversary more than 100 years ahead",
                        () -> valid("Ok")
                                .importantDate(ImportantDate.contractAnniversary(LocalDate.parse("2200-01-01")))
                                .build(),
                        "importantDates[0].date",
                        ValidationRule.FUTURE),
                bad(
                        "two birthdays",
                        () -> valid("Ok")
                                .importantDate(ImportantDate.birthday(LocalDate.parse("1980-01-01")))
                                .importantDate(ImportantDate.birthday(LocalDate.parse("1981-01-01")))
                                .build(),
                        "importantDates[1].type",
                        ValidationRule.DUPLICATE),
                bad(
                        "consent decided in the future",
                        () -> valid("Ok")
                                .optIn(Channel.EMAIL, Instant.parse("2100-01-01T00:00:00Z"), "form")
                                .build(),
                        "preferences.consents[0].at",
                        ValidationRule.FUTURE),
                bad(
                        "preferred language without language",
                        () -> valid("Ok").preferredLanguage(Locale.ROOT).build(),
                        "preferences.preferredLanguage",
                        ValidationRule.INVALID_FORMAT),
                bad(
                        "65-character tag",
                        () -> valid("Ok").tag(repeat("t", 65)).build(),
                        "tags",
                        ValidationRule.TOO_LONG),
                bad("blank tag", () -> valid("Ok").tag("  ").build(), "tags", ValidationRule.BLANK),
                bad("null tag", () -> valid("Ok").tag(null).build(), "tags", ValidationRule.REQUIRED),
                bad(
                        "101 tags",
                        () -> valid("Ok")
                                .tags(IntStream.range(0, 101)
                                        .mapToObj(i -> "tag" + i)
                                        .toList())
                                .build(),
                        "tags",
                        ValidationRule.TOO_LONG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDrafts")
    @DisplayName("register")
    void register(String description, Supplier<CustomerDraft> draft, String field, ValidationRule rule) {
        long before = customers.count(CustomerQuery.all());

        assertThatThrownBy(() -> customers.register(draft.get()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).as("field").isEqualTo(field);
                    assertThat(e.rule()).as("rule").isEqualTo(rule);
                });

        assertThat(customers.count(CustomerQuery.all())).as("customers stored").isEqualTo(before);
        assertThat(events).as("events published").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDrafts")
    @DisplayName("update")
    void update(String description, Supplier<CustomerDraft> draft, String field, ValidationRule rule) {
        Customer existing = customers.findByExternalId("ERP-1").orElseThrow();
        Customer target = customers.register(validOrganisation("Target").build());
        events.clear();

        assertThatThrownBy(() -> customers.update(target.id(), 1, b -> draft.get().toBuilder()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).as("field").isEqualTo(field);
                    assertThat(e.rule()).as("rule").isEqualTo(rule);
                });

        assertThat(customers.get(target.id())).isEqualTo(target);
        assertThat(customers.get(existing.id())).isEqualTo(existing);
        assertThat(events).as("events published").isEmpty();
    }

    @Test
    @DisplayName("a duplicate external id is a DuplicateKeyException")
    void duplicateIsDuplicateKeyException() {
        assertThatThrownBy(
                        () -> customers.register(valid("Ok").externalId("ERP-1").build()))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    @DisplayName("names at the limit pass: 200 CJK characters, 200 emoji (400 UTF-16 chars)")
    void limitsCountCodePoints() {
        Customer cjk = customers.register(valid(repeat("张", 200)).build());
        Customer emoji = customers.register(
                valid(repeat(EMOJI, 200)).legalName(repeat(EMOJI, 200)).build());

        assertThat(cjk.displayName()).hasSize(200);
        assertThat(emoji.displayName()).hasSize(400);
        assertThat(customers.get(emoji.id()).displayName()).isEqualTo(repeat(EMOJI, 200));
    }

    @Test
    @DisplayName("a birthday today or tomorrow (time zones ahead of UTC) passes")
    void birthdayToday() {
        assertThat(customers
                        .register(valid("Baby")
                                .birthday(LocalDate.parse("2026-01-16"))
                                .build())
                        .importantDate(ImportantDateType.BIRTHDAY))
                .isPresent();
    }
}
