package dev.guanxi.crm.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The JSON rendering of a personal data export")
class PersonalDataExportJsonTest {
    static final CustomerId ID = CustomerId.of("0f8fad5b-d9cb-469f-a165-70867728950e");
    static final Instant AT = Instant.parse("2026-03-02T10:15:30.123456Z");

    static PersonalDataExport export(List<PersonalDataExport.Entry> entries) {
        return new PersonalDataExport(TenantId.of("acme"), ID, AT, entries);
    }

    static SortedMap<String, String> fields(String... keyValues) {
        SortedMap<String, String> m = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    @DisplayName("an export without entries is the header and an empty array")
    void empty() {
        String json = export(List.of()).toJson();

        assertThat(json)
                .isEqualTo("{\"tenant\":\"acme\",\"customerId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\","
                        + "\"exportedAt\":\"2026-03-02T10:15:30.123456Z\",\"entries\":[]}");
    }

    @Test
    @DisplayName("quotes, backslashes, line breaks and other control characters are escaped per RFC 8259")
    void escapes() {
        // value: a "quoted" word, a back\slash, a line break, CR, tab, backspace, form feed, NUL, U+001F, U+2028
        String value = "a \"q\" b\\c\nd\re\tf\bg\fh\u0000i\u001fj\u2028k";
        PersonalDataExport e = export(
                List.of(new PersonalDataExport.Entry("note", "n\"1", null, fields("text", value, "k\\ey", "v"))));

        String json = e.toJson();

        String expected = "{\"tenant\":\"acme\",\"customerId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\","
                + "\"exportedAt\":\"2026-03-02T10:15:30.123456Z\",\"entries\":[\n"
                + "{\"source\":\"note\",\"id\":\"n\\\"1\",\"setAt\":null,\"fields\":{"
                + "\"k\\\\ey\":\"v\","
                + "\"text\":\"a \\\"q\\\" b\\\\c\\nd\\re\\tf\\bg\\fh\\u0000i\\u001fj\\u2028k\"}}]}";
        assertThat(json).isEqualTo(expected);
        // no raw control character is left anywhere in the text (the one newline is between entries)
        assertThat(json.chars().filter(c -> c < 0x20 && c != '\n').count()).isZero();
        assertThat(json.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    @DisplayName("Chinese text, emoji (surrogate pairs) and a forward slash are written as they are")
    void unicodeAsIs() {
        PersonalDataExport e = export(List.of(
                new PersonalDataExport.Entry("customer", "c1", AT, fields("displayName", "张伟 😀 a/b", "empty", ""))));

        String json = e.toJson();

        assertThat(json)
                .endsWith("{\"source\":\"customer\",\"id\":\"c1\",\"setAt\":\"2026-03-02T10:15:30.123456Z\","
                        + "\"fields\":{\"displayName\":\"张伟 😀 a/b\",\"empty\":\"\"}}]}");
    }

    @Test
    @DisplayName("entries keep their order, fields are sorted by name, and entries(source) filters")
    void orderAndFilter() {
        PersonalDataExport e = export(List.of(
                new PersonalDataExport.Entry("order", "o2", AT, fields("b", "2", "a", "1")),
                new PersonalDataExport.Entry("customer", "c1", AT, fields()),
                new PersonalDataExport.Entry("order", "o1", AT, fields())));

        String json = e.toJson();

        assertThat(json.indexOf("\"o2\"")).isLessThan(json.indexOf("\"c1\""));
        assertThat(json.indexOf("\"c1\"")).isLessThan(json.indexOf("\"o1\""));
        assertThat(json).contains("\"fields\":{\"a\":\"1\",\"b\":\"2\"}");
        List<String> orders =
                e.entries("order").stream().map(PersonalDataExport.Entry::id).toList();
        assertThat(orders).containsExactly("o2", "o1");
        assertThat(e.entries("invoice")).isEmpty();
    }
}
