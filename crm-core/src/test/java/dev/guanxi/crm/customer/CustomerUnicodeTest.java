package dev.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.query.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Names in any script round-trip byte-identical")
class CustomerUnicodeTest {
    TenantCrm acme;
    Customers customers;

    @BeforeEach
    void setUp() {
        acme = Crm.builder()
                .clock(Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC))
                .build()
                .tenant("acme");
        customers = acme.customers();
    }

    static Stream<String> names() {
        return Stream.of(
                "张伟",
                "\uD842\uDFB7野家", // 𠮷野家: U+20BB7 lies outside the BMP
                "محمد بن عبد الله", // Arabic, right-to-left without override characters
                "שלום עליכם", // Hebrew
                "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66 Familie", // 👩‍👩‍👧‍👦 ZWJ
                // sequence
                "\uD83C\uDDE8\uD83C\uDDF3 China Trading", // 🇨🇳 flag (regional indicators)
                "Cafe\u0301 de Flore", // e + combining acute accent (NFD), must not become é
                "Café de Flore", // precomposed é (NFC)
                "Z\u0335\u0321a\u0336lg\u0337o", // stacked combining marks
                "İstanbul Iğdır ılık", // Turkish dotted and dotless i
                "Ǆemal ǅ ǆ", // title-case digraphs
                " 前后有空格 ", // leading and trailing spaces are kept
                "Ελληνικά ΣΊΣΥΦΟΣ",
                "नमस्ते दुनिया", // Devanagari with conjuncts
                "한국어 이름");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    @DisplayName("display name, legal name, contact person, tag and address survive register and get")
    void roundTrip(String name) {
        String tag = name.codePointCount(0, name.length()) <= 64 ? name : "long";
        Customer registered = customers.register(CustomerDraft.organisation(name)
                .legalName(name)
                .tag(tag)
                .contactPerson(ContactPerson.of(name, name))
                .postalAddress(PostalAddress.of("CN", null, name, name), ContactPurpose.WORK)
                .messaging(name, name, ContactPurpose.WORK)
                .build());

        Customer read = customers.get(registered.id());

        assertSameBytes(read.displayName(), name);
        assertSameBytes(read.legalName(), name);
        assertSameBytes(read.contactPersons().get(0).name(), name);
        assertSameBytes(read.contactPersons().get(0).role(), name);
        assertSameBytes(read.contactPoints().get(0).address().lines().get(0), name);
        assertSameBytes(read.contactPoints().get(0).address().locality(), name);
        assertSameBytes(read.contactPoints().get(1).value(), name);
        assertSameBytes(read.tags().iterator().next(), tag);
        assertThat(read).isEqualTo(registered);
    }

    @Test
    @DisplayName("composed and decomposed forms stay distinct customers with distinct names")
    void noNormalisation() {
        Customer nfc = customers.register(CustomerDraft.person("Café").build());
        Customer nfd = customers.register(CustomerDraft.person("Cafe\u0301").build());

        assertThat(customers.get(nfc.id()).displayName()).hasSize(4);
        assertThat(customers.get(nfd.id()).displayName()).hasSize(5);
    }

    @Test
    @DisplayName("reference code labels in any script round-trip")
    void labels() {
        acme.referenceCodes().define(ReferenceCodeType.REGION, "mena", "الشرق الأوسط \uD83C\uDF0D");

        assertSameBytes(
                acme.referenceCodes()
                        .find(ReferenceCodeType.REGION, "mena")
                        .orElseThrow()
                        .label(),
                "الشرق الأوسط \uD83C\uDF0D");
    }

    @Test
    @DisplayName("name prefix search finds Turkish İ/ı names whatever the default locale")
    void turkishPrefix() {
        Customer izmir =
                customers.register(CustomerDraft.organisation("İzmir Ticaret").build());
        Customer isparta =
                customers.register(CustomerDraft.organisation("ısparta gül").build());
        Customer info =
                customers.register(CustomerDraft.organisation("INFO GmbH").build());
        Locale saved = Locale.getDefault();
        try {
            for (Locale locale : List.of(Locale.forLanguageTag("tr-TR"), Locale.ROOT, Locale.US)) {
                Locale.setDefault(locale);
                assertThat(prefix("İz")).as("İz in %s", locale).containsExactly(izmir);
                assertThat(prefix("İZMİR")).as("İZMİR in %s", locale).containsExactly(izmir);
                assertThat(prefix("izmir")).as("izmir in %s", locale).containsExactly(izmir);
                assertThat(prefix("IZ")).as("IZ in %s", locale).containsExactly(izmir);
                assertThat(prefix("ISPARTA")).as("ISPARTA in %s", locale).containsExactly(isparta);
                assertThat(prefix("ıSPARTA")).as("ıSPARTA in %s", locale).containsExactly(isparta);
                // the classic Turkish-locale bug: "INFO".toLowerCase() is "ınfo" under tr-TR
                assertThat(prefix("info")).as("info in %s", locale).containsExactly(info);
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    @DisplayName("name prefix search works for CJK, Arabic and supplementary characters")
    void otherScriptsPrefix() {
        Customer zhang = customers.register(CustomerDraft.person("张伟").build());
        Customer yoshinoya =
                customers.register(CustomerDraft.organisation("\uD842\uDFB7野家").build());
        Customer arabic =
                customers.register(CustomerDraft.person("محمد بن عبد الله").build());

        assertThat(prefix("张")).containsExactly(zhang);
        assertThat(prefix("\uD842\uDFB7")).containsExactly(yoshinoya);
        assertThat(prefix("محمد")).containsExactly(arabic);
    }

    private List<Customer> prefix(String prefix) {
        return customers
                .query(CustomerQuery.all().withNamePrefix(prefix), PageRequest.first(10))
                .items();
    }

    private static void assertSameBytes(String actual, String expected) {
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }
}
