package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.Channel;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.ImportantDate;
import dev.guanxi.crm.customer.ImportantDateType;
import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.test.tck.SampleAggregates.Texts;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * V2 and D1 of the reliability catalogue for every repository: an aggregate of each of the fourteen versioned
 * types and the reference codes are stored and read back equal ({@code equals} of the records), on {@code
 * find} and on every list and lookup path of the repository, both with every optional component set
 * ("maximal") and with every optional component empty ("minimal"), and through updates from one to the other.
 *
 * <p>The samples ({@code SampleAggregates}) hold the texts stores get wrong: 张伟, 𠮷野家 (a surrogate pair),
 * an emoji ZWJ sequence, combining marks (which must not be normalised), Turkish İ and ı, Arabic mixed with
 * Latin, several lines with CR LF and tabs; amounts in BHD (three decimals) up to the largest amount {@code
 * Money} allows and in JPY (none); a custom {@code DECIMAL} of scale 4 that must keep its trailing zeros
 * ({@code 12.3400}); instants with microseconds at DST changes, before the epoch and after 2038; dates at DST
 * changes, on a leap day, in 1900 and on 9999-12-31. Dates and instants must not depend on the JVM's default
 * time zone.
 */
public abstract class RoundTripContract extends RepositoryContract {
    /** Creates the contract. */
    protected RoundTripContract() {}

    private <I, A extends Aggregate<I>> void insertAll(AggregateKind<I, A> kind, List<A> samples) {
        run(TENANT_A, uow -> samples.forEach(a -> kind.repository().apply(uow).insert(a)));
    }

    /** Asserts that every read path of each sample returns it, equal. */
    private <I, A extends Aggregate<I>> void assertReadBack(AggregateKind<I, A> kind, List<A> samples) {
        for (A a : samples) {
            Map<String, List<?>> paths = read(TENANT_A, uow -> kind.readAll(uow, a));
            assertThat(List.<Object>copyOf(paths.get("find")))
                    .as("%s find", kind.name())
                    .containsExactly(a);
            paths.forEach((path, rows) -> assertThat(List.<Object>copyOf(rows))
                    .as("%s %s returns the stored aggregate, equal", kind.name(), path)
                    .contains(a));
        }
    }

    private static Stream<DynamicTest> perKind(String what, KindTest test) {
        return AggregateKind.ALL_KINDS.stream()
                .map(kind -> dynamicTest(kind.name() + ": " + what, () -> test.run(kind)));
    }

    @FunctionalInterface
    private interface KindTest {
        void run(AggregateKind<?, ?> kind) throws Exception;
    }

    /**
     * Every aggregate type: an instance with every optional component set, texts in many scripts, is found
     * equal by id and on every list path.
     *
     * @return one test per aggregate type
     */
    @TestFactory
    @DisplayName("V2: maximal aggregates of every type round-trip equal on find and every list path")
    public Stream<DynamicTest> maximalRoundTrip() {
        return perKind("maximal instance round-trips", this::maximal);
    }

    private <I, A extends Aggregate<I>> void maximal(AggregateKind<I, A> kind) {
        List<A> samples = kind.maximal().apply(Texts.unicode());
        insertAll(kind, samples);
        assertReadBack(kind, samples);
    }

    /**
     * Every aggregate type: an instance with every optional component {@code null} or empty comes back with
     * them still {@code null} or empty (not as empty strings, zeros or default values).
     *
     * @return one test per aggregate type
     */
    @TestFactory
    @DisplayName("V2: minimal aggregates of every type round-trip with their nulls and empty collections")
    public Stream<DynamicTest> minimalRoundTrip() {
        return perKind("minimal instance round-trips", this::minimal);
    }

    private <I, A extends Aggregate<I>> void minimal(AggregateKind<I, A> kind) {
        List<A> samples = List.of(kind.minimal().get());
        insertAll(kind, samples);
        assertReadBack(kind, samples);
    }

    /**
     * Every aggregate type: an update from the minimal to the maximal state writes every component, and an
     * update back clears every component again (a store that skips null values or forgets a child table
     * fails).
     *
     * @return one test per aggregate type
     */
    @TestFactory
    @DisplayName("V2: updates from minimal to maximal and back write and clear every component")
    public Stream<DynamicTest> updatesWriteEveryComponent() {
        return perKind("minimal → maximal → minimal by update", this::minimalToMaximalAndBack);
    }

    private <I, A extends Aggregate<I>> void minimalToMaximalAndBack(AggregateKind<I, A> kind) {
        A small = kind.minimal().get();
        insertAll(kind, List.of(small));
        for (A big : kind.maximal().apply(Texts.unicode())) {
            Optional<A> stored =
                    read(TENANT_A, uow -> kind.repository().apply(uow).find(small.id()));
            A current = stored.orElseThrow();
            A grown = copy(big, Map.of("id", small.id(), "version", current.version() + 1));
            run(TENANT_A, uow -> kind.repository().apply(uow).update(current.version(), grown));
            assertReadBack(kind, List.of(grown));
            A shrunk = copy(small, Map.of("version", grown.version() + 1));
            run(TENANT_A, uow -> kind.repository().apply(uow).update(grown.version(), shrunk));
            assertReadBack(kind, List.of(shrunk));
        }
    }

    /**
     * Every aggregate type: every constant of every enum component round-trips (a store's check constraint or
     * enum type that lacks a constant fails). Constants the aggregate itself refuses in its sample's state
     * (a status that needs other components) are skipped. Aggregate types without enum components have no
     * test here.
     *
     * @return one test per aggregate type
     */
    @TestFactory
    @DisplayName("V2: every constant of every enum component of every aggregate round-trips")
    public Stream<DynamicTest> everyEnumConstant() {
        return AggregateKind.ALL_KINDS.stream()
                .filter(kind -> Stream.of(kind.minimal().get().getClass().getRecordComponents())
                        .anyMatch(c -> c.getType().isEnum()))
                .map(kind -> dynamicTest(kind.name() + ": every enum constant round-trips", () -> enumConstants(kind)));
    }

    private <I, A extends Aggregate<I>> void enumConstants(AggregateKind<I, A> kind) {
        List<A> bases = new ArrayList<>(kind.maximal().apply(Texts.unicode()));
        bases.add(kind.minimal().get());
        int stored = 0;
        for (A base : bases) {
            for (RecordComponent component : base.getClass().getRecordComponents()) {
                if (!component.getType().isEnum()) {
                    continue;
                }
                for (Object constant : component.getType().getEnumConstants()) {
                    A variant;
                    try {
                        variant = copy(
                                base,
                                Map.of(
                                        "id",
                                        SampleAggregates.randomId(base.id().getClass()),
                                        component.getName(),
                                        constant));
                    } catch (RuntimeException refusedByTheDomain) {
                        continue;
                    }
                    run(TENANT_A, uow -> kind.repository().apply(uow).insert(variant));
                    Optional<A> found =
                            read(TENANT_A, uow -> kind.repository().apply(uow).find(variant.id()));
                    assertThat(found)
                            .as("%s with %s = %s", kind.name(), component.getName(), constant)
                            .contains(variant);
                    run(TENANT_A, uow -> kind.repository().apply(uow).delete(variant.id(), variant.version()));
                    stored++;
                }
            }
        }
        assertThat(stored).as("variants of %s stored", kind.name()).isPositive();
    }

    /** Reference codes of every table, active and inactive, keep their labels byte for byte. */
    @Test
    @DisplayName("V2: reference codes of every table round-trip, labels byte-identical, active flag kept")
    public void referenceCodesRoundTrip() {
        List<ReferenceCode> codes = SampleAggregates.referenceCodes(Texts.unicode());
        run(TENANT_A, uow -> codes.forEach(uow.referenceCodes()::upsert));

        for (ReferenceCode code : codes) {
            Optional<ReferenceCode> found =
                    read(TENANT_A, uow -> uow.referenceCodes().find(code.type(), code.code()));
            assertThat(found).contains(code);
        }
        for (ReferenceCodeType type : ReferenceCodeType.values()) {
            List<ReferenceCode> listed =
                    read(TENANT_A, uow -> uow.referenceCodes().list(type));
            assertThat(listed)
                    .containsExactlyInAnyOrderElementsOf(
                            codes.stream().filter(c -> c.type() == type).toList());
        }
    }

    /** Every customer query filter set to a maximal customer's own values finds it, and the count agrees. */
    @Test
    @DisplayName("V2: a maximal customer is found, equal, by query and count with each filter set to its values")
    public void customerQueriesFindMaximalCustomer() {
        Customer c = SampleAggregates.maximalCustomer(Texts.unicode());
        Customer other = SampleAggregates.minimalCustomer();
        run(TENANT_A, uow -> {
            uow.customers().insert(c);
            uow.customers().insert(other);
        });

        for (Map.Entry<String, CustomerQuery> q :
                AggregateKind.customerQueries(c).entrySet()) {
            boolean otherMatches = q.getValue().matches(other);
            List<Customer> expected = otherMatches ? sortedByName(c, other) : List.of(c);
            List<Customer> found = read(
                    TENANT_A,
                    uow -> uow.customers()
                            .query(q.getValue(), AggregateKind.ALL)
                            .items());
            long count = read(TENANT_A, uow -> uow.customers().count(q.getValue()));
            assertThat(found).as("query %s", q.getKey()).containsExactlyElementsOf(expected);
            assertThat(count).as("count %s", q.getKey()).isEqualTo(expected.size());
        }
    }

    private static List<Customer> sortedByName(Customer a, Customer b) {
        int c = a.displayName().compareTo(b.displayName());
        if (c == 0) {
            c = a.id().toString().compareTo(b.id().toString());
        }
        return c <= 0 ? List.of(a, b) : List.of(b, a);
    }

    // ---------------------------------------------------------------- D1: time zones

    /**
     * D1: the JVM runs in UTC+14 when the data is written and in UTC−11 when it is read (a day apart);
     * dates and instants of every aggregate type come back identical, the birthday 1990-02-28 included. A
     * durable store is also reopened in UTC−11 and read again.
     */
    @Test
    @DisplayName("D1: dates and instants written in Pacific/Kiritimati read back identical in Pacific/Pago_Pago")
    public void datesIgnoreTheJvmTimeZone() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Customer c = Customer.create(
                    CustomerId.random(),
                    CustomerDraft.person("张伟")
                            .birthday(LocalDate.of(1990, 2, 28))
                            .build(),
                    SampleAggregates.CREATED);
            Map<AggregateKind<?, ?>, List<?>> samples = new HashMap<>();
            for (AggregateKind<?, ?> kind : AggregateKind.ALL_KINDS) {
                List<Object> list = new ArrayList<>(kind.maximal().apply(Texts.unicode()));
                list.add(kind.minimal().get());
                samples.put(kind, list);
            }
            run(TENANT_A, uow -> {
                uow.customers().insert(c);
                samples.forEach((kind, list) -> list.forEach(a -> kind.insert(uow, a)));
            });

            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Pago_Pago"));
            assertSameDates(c, samples);

            if (storage().capabilities().durable()) {
                assertThat(reopenStorage())
                        .as("a durable store can be reopened (implement StorageConformanceKit.reopen)")
                        .isTrue();
                assertSameDates(c, samples);
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    private void assertSameDates(Customer c, Map<AggregateKind<?, ?>, List<?>> samples) {
        Optional<Customer> found = read(TENANT_A, uow -> uow.customers().find(c.id()));
        Customer read = found.orElseThrow();
        assertThat(read.importantDates())
                .filteredOn(d -> d.type() == ImportantDateType.BIRTHDAY)
                .extracting(ImportantDate::date)
                .containsExactly(LocalDate.of(1990, 2, 28));
        assertThat(read.createdAt()).isEqualTo(SampleAggregates.CREATED);
        assertThat(read).isEqualTo(c);
        samples.forEach((kind, list) -> {
            for (Object a : list) {
                Optional<Object> stored =
                        read(TENANT_A, uow -> kind.find(uow, a).map(Object.class::cast));
                assertThat(stored)
                        .as("%s read in another time zone", kind.name())
                        .contains(a);
            }
        });
    }

    /**
     * D1: with the JVM in Europe/Berlin, instants in the repeated autumn hour (02:30 CEST and 02:30 CET on
     * 2025-10-26) and around the spring gap (2025-03-30, 02:00 to 03:00 does not exist) stay distinct and
     * exact; a store that converts through local date-times loses an hour.
     */
    @Test
    @DisplayName("D1: instants in Berlin's repeated autumn hour and around its spring gap stay distinct and exact")
    public void instantsAroundDstChanges() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
            List<Instant> instants = List.of(
                    Instant.parse("2025-10-26T00:30:00Z"),
                    Instant.parse("2025-10-26T01:30:00Z"),
                    Instant.parse("2025-10-26T00:59:59.999999Z"),
                    Instant.parse("2025-10-26T01:00:00.000001Z"),
                    Instant.parse("2025-03-30T00:59:59.999999Z"),
                    Instant.parse("2025-03-30T01:00:00Z"),
                    Instant.parse("2025-03-30T01:30:00.5Z"));
            CustomerId customer = CustomerId.random();
            List<Interaction> interactions = new ArrayList<>();
            for (Instant at : instants) {
                interactions.add(Interaction.of(
                        InteractionId.random(),
                        NewInteraction.builder(customer, Channel.PHONE, Direction.INBOUND, "at " + at)
                                .occurredAt(at)
                                .build(),
                        at));
            }
            run(TENANT_A, uow -> interactions.forEach(uow.interactions()::insert));

            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            List<Interaction> read = read(
                    TENANT_A,
                    uow -> uow.interactions()
                            .listByCustomer(customer, AggregateKind.ALL)
                            .items());
            assertThat(read)
                    .extracting(Interaction::occurredAt)
                    .containsExactlyElementsOf(
                            instants.stream().sorted((a, b) -> b.compareTo(a)).toList());
            assertThat(read).containsExactlyInAnyOrderElementsOf(interactions);
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @SuppressWarnings("unchecked")
    private static <A> A copy(A aggregate, Map<String, ?> replacements) {
        return (A) SampleAggregates.with((Record) aggregate, replacements);
    }
}
