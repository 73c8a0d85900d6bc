package dev.guanxi.crm.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.audit.FieldChange;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.field.CustomFields;
import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An entity as flat fields, and the changes between two states")
class FlatStateTest {
    static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID REF = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final Instant AT = Instant.parse("2026-03-01T09:00:00.000001Z");

    enum Status {
        OPEN,
        CLOSED
    }

    record Ref(UUID value) {}

    record Pair(String left, String right) {}

    record Line(String sku, BigDecimal quantity, Optional<String> note) {}

    record Sample(
            UUID id,
            String name,
            List<Line> lines,
            Set<String> tags,
            Map<String, Object> attributes,
            Money price,
            Ref ref,
            Instant at,
            LocalDate day,
            Status status,
            Integer count,
            boolean active,
            Set<Pair> pairs) {}

    static Sample sample() {
        Map<String, Object> attributes = new TreeMap<>();
        attributes.put("z", 1L);
        attributes.put("a.b", "x");
        return new Sample(
                ID,
                "张伟",
                List.of(
                        new Line("TEA", new BigDecimal("2.50"), Optional.empty()),
                        new Line("CUP", BigDecimal.ONE, Optional.of("gift"))),
                Set.of("vip", "a]b"),
                attributes,
                Money.of("128.00", "CNY"),
                new Ref(REF),
                AT,
                LocalDate.of(2024, 2, 29),
                Status.OPEN,
                null,
                true,
                Set.of(new Pair("q", "r"), new Pair("b", "c")));
    }

    @Test
    @DisplayName(
            "records by component, lists by index, sets and maps by key, ids and money as their text, absent values left out")
    void flattensEveryShape() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "00000000-0000-0000-0000-00000000000a");
        expected.put("name", "张伟");
        expected.put("lines[0].sku", "TEA");
        expected.put("lines[0].quantity", "2.50"); // the scale is kept
        // lines[0].note is an empty optional: absent
        expected.put("lines[1].sku", "CUP");
        expected.put("lines[1].quantity", "1");
        expected.put("lines[1].note", "gift");
        expected.put("tags[a\\]b]", "a]b"); // sorted by text; ']' escaped in the key
        expected.put("tags[vip]", "vip");
        expected.put("attributes[a.b]", "x");
        expected.put("attributes[z]", "1");
        expected.put("price.amount", "128.00");
        expected.put("price.currency", "CNY");
        expected.put("ref", "00000000-0000-0000-0000-00000000000b"); // a record of one component is its value
        expected.put("at", "2026-03-01T09:00:00.000001Z");
        expected.put("day", "2024-02-29");
        expected.put("status", "OPEN");
        // count is null: absent
        expected.put("active", "true");
        // a set of records: sorted by their own flat text ({left=b, right=c} < {left=q, right=r}), by position
        expected.put("pairs[0].left", "b");
        expected.put("pairs[0].right", "c");
        expected.put("pairs[1].left", "q");
        expected.put("pairs[1].right", "r");

        Map<String, String> flat = FlatState.of(sample());

        assertThat(flat).containsExactlyEntriesOf(expected);
    }

    @Test
    @DisplayName("the differences: changed values, new fields and removed fields, in that order")
    void diffsTwoStates() {
        Sample before = sample();
        Sample after = new Sample(
                ID,
                "张伟",
                List.of(new Line("TEA", new BigDecimal("2.5"), Optional.empty())), // 2.50 -> 2.5 is a change
                Set.of("vip"),
                before.attributes(),
                before.price(),
                before.ref(),
                before.at(),
                before.day(),
                Status.CLOSED,
                7,
                true,
                before.pairs());

        List<FieldChange> changes = FlatState.diff(FlatState.of(before), FlatState.of(after));

        assertThat(changes)
                .containsExactly(
                        new FieldChange("lines[0].quantity", "2.50", "2.5"),
                        new FieldChange("status", "OPEN", "CLOSED"),
                        new FieldChange("count", null, "7"),
                        new FieldChange("lines[1].sku", "CUP", null),
                        new FieldChange("lines[1].quantity", "1", null),
                        new FieldChange("lines[1].note", "gift", null),
                        new FieldChange("tags[a\\]b]", "a]b", null));
    }

    @Test
    @DisplayName("the update path groups the changes by top-level field, in the entity's order")
    void diffsTwoRecords() {
        Sample before = sample();
        Sample after = new Sample(
                ID,
                "张伟",
                List.of(new Line("TEA", new BigDecimal("2.5"), Optional.empty())),
                Set.of("vip"),
                before.attributes(),
                before.price(),
                before.ref(),
                before.at(),
                before.day(),
                Status.CLOSED,
                7,
                true,
                before.pairs());

        List<FieldChange> changes = FlatState.diff((Object) before, (Object) after);

        assertThat(changes)
                .containsExactly(
                        new FieldChange("lines[0].quantity", "2.50", "2.5"),
                        new FieldChange("lines[1].sku", "CUP", null),
                        new FieldChange("lines[1].quantity", "1", null),
                        new FieldChange("lines[1].note", "gift", null),
                        new FieldChange("tags[a\\]b]", "a]b", null),
                        new FieldChange("status", "OPEN", "CLOSED"),
                        new FieldChange("count", null, "7"));
        assertThat(FlatState.diff((Object) before, (Object) sample())).isEmpty();
    }

    @Test
    @DisplayName(
            "a create lists every field with a value and a delete every field it had; equal states differ in nothing")
    void createAndDelete() {
        Map<String, String> all = FlatState.of(sample());

        List<FieldChange> created = FlatState.diff(Map.of(), all);
        List<FieldChange> deleted = FlatState.diff(all, Map.of());
        assertThat(FlatState.created(sample())).isEqualTo(created);
        assertThat(FlatState.deleted(sample())).isEqualTo(deleted);

        assertThat(created)
                .hasSize(all.size())
                .allSatisfy(c -> assertThat(c.oldValue()).isNull());
        assertThat(deleted)
                .hasSize(all.size())
                .allSatisfy(c -> assertThat(c.newValue()).isNull());
        assertThat(FlatState.diff(all, FlatState.of(sample()))).isEmpty();
    }

    @Test
    @DisplayName("ids render as their canonical text; a record of several values joins them with '/'")
    void idText() {
        assertThat(FlatState.text(new CustomerId(ID))).isEqualTo("00000000-0000-0000-0000-00000000000a");
        assertThat(FlatState.text(new Pair("a", "b"))).isEqualTo("a/b");
        assertThat(FlatState.text(new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(FlatState.text(null)).isNull();
    }

    @Test
    @DisplayName(
            "a customer: its id, tags by name, credit limit as amount and currency, custom fields by qualified name")
    void customer() {
        Instant now = Instant.parse("2026-03-01T09:00:00Z");
        Customer c = Customer.create(
                new CustomerId(ID),
                CustomerDraft.organisation("Acme 有限公司")
                        .tag("vip")
                        .creditLimit("5000.00", "CNY")
                        .customFields(CustomFields.of(Map.of("erp.segment", "A")))
                        .build(),
                now);

        Map<String, String> flat = FlatState.of(c);

        assertThat(flat)
                .containsEntry("id", "00000000-0000-0000-0000-00000000000a")
                .containsEntry("kind", "ORGANISATION")
                .containsEntry("displayName", "Acme 有限公司")
                .containsEntry("tags[vip]", "vip")
                .containsEntry("creditLimit.amount", "5000.00")
                .containsEntry("creditLimit.currency", "CNY")
                .containsEntry("customFields[erp.segment]", "A")
                .containsEntry("version", "1")
                .containsEntry("createdAt", "2026-03-01T09:00:00Z")
                .doesNotContainKey("owner")
                .doesNotContainKey("legalName");
    }

    @Test
    @DisplayName(
            "property: states that differ have different flat fields, and equal states equal ones (2,000 seeded pairs)")
    void injective() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            Sample a = random(random);
            Sample b = random(random);
            Map<String, String> fa = FlatState.of(a);
            Map<String, String> fb = FlatState.of(b);
            assertThat(fa.equals(fb)).as("%s vs %s", a, b).isEqualTo(a.equals(b));
            // the update path diffs only the fields that differ: the same changes, grouped by field
            assertThat(FlatState.diff(a, b)).containsExactlyInAnyOrderElementsOf(FlatState.diff(fa, fb));
        }
    }

    /** Small value ranges, so that equal pairs and near misses are common. */
    private static Sample random(Random r) {
        List<Line> lines = r.nextBoolean()
                ? List.of()
                : List.of(new Line(
                        r.nextBoolean() ? "A" : "B",
                        new BigDecimal(r.nextInt(3)).movePointLeft(r.nextInt(2)),
                        r.nextBoolean() ? Optional.empty() : Optional.of("n")));
        Set<String> tags = r.nextBoolean() ? Set.of() : r.nextBoolean() ? Set.of("x") : Set.of("x", "y]");
        return new Sample(
                ID,
                r.nextBoolean() ? "" : "n",
                lines,
                tags,
                r.nextBoolean() ? Map.of() : Map.of("k", r.nextBoolean() ? "v" : (Object) 1L),
                r.nextBoolean() ? null : Money.of(r.nextBoolean() ? "1.00" : "2.00", "EUR"),
                r.nextBoolean() ? null : new Ref(REF),
                AT,
                null,
                r.nextBoolean() ? Status.OPEN : Status.CLOSED,
                r.nextBoolean() ? null : r.nextInt(2),
                r.nextBoolean(),
                Set.of());
    }

    @Test
    @DisplayName("only records can be flattened; a field change needs a field and a value on one side")
    void badInput() {
        assertThatThrownBy(() -> FlatState.of("text")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldChange(" ", "a", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldChange("f", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldChange(null, "a", null)).isInstanceOf(NullPointerException.class);
    }
}
