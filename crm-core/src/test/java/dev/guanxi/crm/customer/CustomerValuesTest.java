package dev.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@DisplayName("Customer values")
class CustomerValuesTest {
    static void assertViolation(Executable call, String field, ValidationRule rule) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).as("field").isEqualTo(field);
            assertThat(e.rule()).as("rule").isEqualTo(rule);
        });
    }

    @Nested
    @DisplayName("ContactPoint")
    class ContactPoints {
        @Test
        @DisplayName("normalises phone and fax numbers to + and digits")
        void normalisesNumbers() {
            assertThat(ContactPoint.phone("+86 (10) 6552-9988", ContactPurpose.WORK)
                            .value())
                    .isEqualTo("+861065529988");
            assertThat(ContactPoint.phone("030 / 123.456", ContactPurpose.HOME).value())
                    .isEqualTo("030123456");
            assertThat(ContactPoint.fax(" +49 30 1234567", ContactPurpose.WORK).value())
                    .isEqualTo("+49301234567");
        }

        @Test
        @DisplayName("keeps e-mail addresses and messaging handles exactly as given")
        void keepsOtherValues() {
            assertThat(ContactPoint.email("Wang.Fang@Example.COM", ContactPurpose.WORK)
                            .value())
                    .isEqualTo("Wang.Fang@Example.COM");
            assertThat(ContactPoint.email("用户@例子.广告", ContactPurpose.WORK).value())
                    .isEqualTo("用户@例子.广告");
            ContactPoint wechat = ContactPoint.messaging("WeChat", "wxid_Ab12", ContactPurpose.HOME);
            assertThat(wechat.network()).isEqualTo("WeChat");
            assertThat(wechat.value()).isEqualTo("wxid_Ab12");
        }

        @Test
        @DisplayName("is valid within its validity period, open ends included")
        void validity() {
            ContactPoint p = ContactPoint.email("a@example.com", ContactPurpose.WORK)
                    .withValidity(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"));

            assertThat(p.isValidOn(LocalDate.parse("2024-12-31"))).isFalse();
            assertThat(p.isValidOn(LocalDate.parse("2025-01-01"))).isTrue();
            assertThat(p.isValidOn(LocalDate.parse("2025-12-31"))).isTrue();
            assertThat(p.isValidOn(LocalDate.parse("2026-01-01"))).isFalse();
            assertThat(p.withValidity(null, null).isValidOn(LocalDate.MIN)).isTrue();
        }

        @Test
        @DisplayName("refuses inconsistent components")
        void refuses() {
            assertViolation(
                    () -> ContactPoint.email("a@example.com", ContactPurpose.WORK)
                            .withValidity(LocalDate.parse("2025-02-01"), LocalDate.parse("2025-01-31")),
                    "validTo",
                    ValidationRule.DATE_ORDER);
            assertViolation(
                    () -> new ContactPoint(null, "x", null, null, ContactPurpose.WORK, null, null, false),
                    "type",
                    ValidationRule.REQUIRED);
            assertViolation(
                    () -> new ContactPoint(
                            ContactType.EMAIL, "a@example.com", null, "WeChat", ContactPurpose.WORK, null, null, false),
                    "network",
                    ValidationRule.INVALID_FORMAT);
            assertViolation(
                    () -> new ContactPoint(
                            ContactType.POSTAL_ADDRESS,
                            "Somewhere",
                            PostalAddress.of("DE", null, "Berlin", "Unter den Linden 1"),
                            null,
                            ContactPurpose.WORK,
                            null,
                            null,
                            false),
                    "value",
                    ValidationRule.INVALID_FORMAT);
            assertViolation(
                    () -> new ContactPoint(
                            ContactType.PHONE,
                            "+49301234567",
                            PostalAddress.of("DE", null, "Berlin", "Unter den Linden 1"),
                            null,
                            ContactPurpose.WORK,
                            null,
                            null,
                            false),
                    "address",
                    ValidationRule.INVALID_FORMAT);
        }

        @Test
        @DisplayName("the customer's preferred contact point is the valid primary, else the first valid one")
        void preferred() {
            LocalDate today = LocalDate.parse("2026-01-15");
            ContactPoint expired = ContactPoint.email("old@example.com", ContactPurpose.WORK)
                    .withValidity(null, LocalDate.parse("2025-12-31"))
                    .asPrimary();
            ContactPoint current = ContactPoint.email("new@example.com", ContactPurpose.WORK);
            ContactPoint home = ContactPoint.email("home@example.com", ContactPurpose.HOME);
            Customer c = Customer.create(
                    CustomerId.random(),
                    CustomerDraft.person("Test")
                            .contactPoint(expired)
                            .contactPoint(current)
                            .contactPoint(home)
                            .build(),
                    Instant.EPOCH);

            assertThat(c.preferredContactPoint(ContactType.EMAIL, today)).contains(current);
            assertThat(c.preferredContactPoint(ContactType.EMAIL, LocalDate.parse("2025-06-01")))
                    .contains(expired);
            assertThat(c.preferredContactPoint(ContactType.PHONE, today)).isEmpty();
        }
    }

    @Nested
    @DisplayName("PostalAddress")
    class PostalAddresses {
        @Test
        @DisplayName("holds a structured address in any script")
        void holds() {
            PostalAddress a =
                    PostalAddress.of("JP", "100-0001", "千代田区", "千代田1-1").withAdministrativeArea("東京都");

            assertThat(a.lines()).containsExactly("千代田1-1");
            assertThat(a.administrativeArea()).isEqualTo("東京都");
            assertThat(a.countryCode()).isEqualTo("JP");
        }

        @Test
        @DisplayName("refuses a missing line, an unknown or lower-case country and too many lines")
        void refuses() {
            assertViolation(() -> PostalAddress.of("DE", null, "Berlin"), "lines", ValidationRule.REQUIRED);
            assertViolation(
                    () -> PostalAddress.of("XX", null, "Berlin", "Street 1"),
                    "countryCode",
                    ValidationRule.INVALID_FORMAT);
            assertViolation(
                    () -> PostalAddress.of("de", null, "Berlin", "Street 1"),
                    "countryCode",
                    ValidationRule.INVALID_FORMAT);
            assertViolation(
                    () -> PostalAddress.of(null, null, "Berlin", "Street 1"), "countryCode", ValidationRule.REQUIRED);
            assertViolation(
                    () -> PostalAddress.of("DE", null, "Berlin", "1", "2", "3", "4", "5", "6"),
                    "lines",
                    ValidationRule.TOO_LONG);
            assertViolation(
                    () -> PostalAddress.of("DE", null, "Berlin", "ok", null), "lines[1]", ValidationRule.REQUIRED);
            assertViolation(
                    () -> PostalAddress.of("DE", "1".repeat(21), "Berlin", "Street 1"),
                    "postalCode",
                    ValidationRule.TOO_LONG);
        }

        @Test
        @DisplayName("copies its lines")
        void copies() {
            String[] lines = {"Street 1"};
            List<String> given = Arrays.asList(lines);
            PostalAddress a = new PostalAddress(given, null, null, null, "DE");
            lines[0] = "changed";

            assertThat(a.lines()).containsExactly("Street 1");
        }
    }

    @Nested
    @DisplayName("Preferences and consent")
    class PreferencesTest {
        final Instant jan = Instant.parse("2025-01-01T00:00:00Z");
        final Instant feb = Instant.parse("2025-02-01T00:00:00Z");

        @Test
        @DisplayName("the latest decision per channel counts, whatever the order of the list")
        void latestCounts() {
            Preferences p = Preferences.none()
                    .withConsent(Consent.optOut(Channel.EMAIL, feb, "unsubscribe"))
                    .withConsent(Consent.optIn(Channel.EMAIL, jan, "form"));

            assertThat(p.mayContact(Channel.EMAIL)).isFalse();
            assertThat(p.latestConsent(Channel.EMAIL)).map(Consent::source).contains("unsubscribe");
        }

        @Test
        @DisplayName("among decisions at the same instant the later one in the list counts")
        void tie() {
            Preferences p = Preferences.none()
                    .withConsent(Consent.optOut(Channel.SMS, jan, "a"))
                    .withConsent(Consent.optIn(Channel.SMS, jan, "b"));

            assertThat(p.mayContact(Channel.SMS)).isTrue();
        }

        @Test
        @DisplayName("without a decision nobody may be contacted (opt-in)")
        void noDecision() {
            assertThat(Preferences.none().mayContact(Channel.EMAIL)).isFalse();
            assertThat(Preferences.none().latestConsent(Channel.EMAIL)).isEmpty();
        }

        @Test
        @DisplayName("keeps the preferred language in canonical BCP 47 form")
        void language() {
            Preferences p = Preferences.none().withPreferredLanguage(new Locale("zh", "CN"));

            assertThat(p.preferredLanguage()).isEqualTo(Locale.forLanguageTag("zh-CN"));
            assertThat(p.preferredLanguage().toLanguageTag()).isEqualTo("zh-CN");
        }

        @Test
        @DisplayName("refuses incomplete consent")
        void refuses() {
            assertViolation(() -> Consent.optIn(null, jan, null), "channel", ValidationRule.REQUIRED);
            assertViolation(() -> Consent.optIn(Channel.EMAIL, null, null), "at", ValidationRule.REQUIRED);
            assertViolation(() -> Consent.optIn(Channel.EMAIL, jan, " "), "source", ValidationRule.BLANK);
            assertViolation(() -> new Consent(Channel.EMAIL, null, jan, null), "status", ValidationRule.REQUIRED);
        }
    }

    @Nested
    @DisplayName("ImportantDate")
    class ImportantDates {
        @Test
        @DisplayName("gives the next anniversary, 29 February falling on 28 February in common years")
        void nextOccurrence() {
            ImportantDate birthday = ImportantDate.birthday(LocalDate.parse("1990-07-04"));
            ImportantDate leap = ImportantDate.birthday(LocalDate.parse("2000-02-29"));

            assertThat(birthday.nextOccurrence(LocalDate.parse("2026-01-15"))).isEqualTo("2026-07-04");
            assertThat(birthday.nextOccurrence(LocalDate.parse("2026-07-04"))).isEqualTo("2026-07-04");
            assertThat(birthday.nextOccurrence(LocalDate.parse("2026-07-05"))).isEqualTo("2027-07-04");
            assertThat(leap.nextOccurrence(LocalDate.parse("2026-01-15"))).isEqualTo("2026-02-28");
            assertThat(leap.nextOccurrence(LocalDate.parse("2027-03-01"))).isEqualTo("2028-02-29");
            assertThat(ImportantDate.contractAnniversary(LocalDate.parse("2030-01-01"))
                            .nextOccurrence(LocalDate.parse("2026-01-15")))
                    .isEqualTo("2030-01-01");
        }

        @Test
        @DisplayName("an OTHER date needs a label")
        void otherNeedsLabel() {
            assertViolation(() -> ImportantDate.other(null, LocalDate.EPOCH), "label", ValidationRule.REQUIRED);
            assertThat(ImportantDate.other("春节拜访", LocalDate.EPOCH).label()).isEqualTo("春节拜访");
        }

        @Test
        @DisplayName("the builder's birthday replaces an earlier birthday")
        void builderReplaces() {
            CustomerDraft draft = CustomerDraft.person("Test")
                    .birthday(LocalDate.parse("1990-01-01"))
                    .birthday(LocalDate.parse("1991-01-01"))
                    .build();

            assertThat(draft.importantDates()).containsExactly(ImportantDate.birthday(LocalDate.parse("1991-01-01")));
        }
    }

    @Nested
    @DisplayName("CustomerDraft")
    class Drafts {
        @Test
        @DisplayName("sorts and de-duplicates tags and makes every collection unmodifiable")
        void collections() {
            CustomerDraft draft = CustomerDraft.person("Test")
                    .tag("vip")
                    .tag("VIP")
                    .tag("alpha")
                    .tag("vip")
                    .email("a@example.com", ContactPurpose.WORK)
                    .build();

            assertThat(draft.tags()).containsExactly("VIP", "alpha", "vip");
            assertThatThrownBy(() -> draft.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> draft.contactPoints().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("round-trips through toBuilder unchanged")
        void toBuilder() {
            CustomerDraft draft = CustomersTest.fullOrganisation();

            assertThat(draft.toBuilder().build()).isEqualTo(draft);
        }

        @Test
        @DisplayName("builder edits: untag, removeContactPoints, replace collections")
        void edits() {
            CustomerDraft draft = CustomersTest.fullOrganisation().toBuilder()
                    .untag("vip")
                    .removeContactPoints(p -> p.type() == ContactType.FAX)
                    .contactPersons(List.of())
                    .legalName(null)
                    .build();

            assertThat(draft.tags()).containsExactly("key-account");
            assertThat(draft.contactPoints()).noneMatch(p -> p.type() == ContactType.FAX);
            assertThat(draft.contactPersons()).isEmpty();
            assertThat(draft.legalName()).isNull();
        }

        @Test
        @DisplayName("reports the index of a bad contact point added through the builder")
        void indexes() {
            assertViolation(
                    () -> CustomerDraft.person("Test")
                            .email("a@example.com", ContactPurpose.WORK)
                            .email("b@example.com", ContactPurpose.WORK)
                            .email("broken", ContactPurpose.WORK),
                    "contactPoints[2].value",
                    ValidationRule.INVALID_FORMAT);
        }

        @Test
        @DisplayName("an organisation may have contact persons with their own contact points")
        void contactPersons() {
            ContactPerson buyer = ContactPerson.of("王芳", "采购经理")
                    .withContactPoint(ContactPoint.email("wang@example.com", ContactPurpose.WORK)
                            .asPrimary())
                    .withContactPoint(ContactPoint.phone("+86 138 0013 8000", ContactPurpose.WORK));

            CustomerDraft draft =
                    CustomerDraft.organisation("华联").contactPerson(buyer).build();

            assertThat(draft.contactPersons()).containsExactly(buyer);
            assertViolation(
                    () -> buyer.withContactPoint(ContactPoint.email("x@example.com", ContactPurpose.HOME)
                            .asPrimary()),
                    "contactPoints[2].primary",
                    ValidationRule.DUPLICATE);
            assertViolation(() -> ContactPerson.of(" ", null), "name", ValidationRule.BLANK);
        }
    }

    @Nested
    @DisplayName("Customer")
    class Customers {
        @Test
        @DisplayName("revise keeps id and creation instant and raises the version")
        void revise() {
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            Instant t1 = Instant.parse("2026-01-02T00:00:00Z");
            Customer c = Customer.create(
                    CustomerId.random(), CustomerDraft.person("A").build(), t0);

            Customer next = c.revise(CustomerDraft.person("B").build(), t1);

            assertThat(next.id()).isEqualTo(c.id());
            assertThat(next.version()).isEqualTo(2);
            assertThat(next.createdAt()).isEqualTo(t0);
            assertThat(next.updatedAt()).isEqualTo(t1);
            assertThat(next.displayName()).isEqualTo("B");
        }

        @Test
        @DisplayName("refuses impossible bookkeeping")
        void bookkeeping() {
            Customer c = Customer.create(
                    CustomerId.random(), CustomerDraft.person("A").build(), Instant.EPOCH);

            assertThatThrownBy(() -> c.revise(c.draft(), Instant.EPOCH.minusSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Customer.create(null, c.draft(), Instant.EPOCH))
                    .isInstanceOf(NullPointerException.class);
        }
    }
}
