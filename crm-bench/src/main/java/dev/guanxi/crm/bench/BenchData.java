package dev.guanxi.crm.bench;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.PostalAddress;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.interaction.Outcome;
import dev.guanxi.crm.interaction.OutcomeKind;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.NewServiceCase;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The storage benchmark's synthetic data, deterministic for a seed: customers (ids derived from their index, so
 * any phase can name them without storing them), orders of one line in EUR, and for the customer-360 read 50
 * interactions and 0–3 service cases per customer. Every generator can be created again with the same seed to
 * produce exactly the same objects, which is how the SDK and the plain-JDBC baseline insert the same rows.
 *
 * <p>Not thread-safe.
 */
final class BenchData {
    static final TenantId TENANT = TenantId.of("bench");
    static final Currency EUR = Currency.getInstance("EUR");
    /** Order dates lie in the two years from here. */
    static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    /** Bookkeeping instants (createdAt) start here. */
    static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    private static final String[] FIRST = {
        "Anna", "Ben", "Chen", "Dmitri", "Elif", "Fatima", "Giulia", "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Mei",
        "Noah", "Olga", "Pierre", "Qing", "Rosa", "Sven", "Tariq", "Ursula", "Vikram", "Wen", "Yara", "Zoë"
    };
    private static final String[] LAST = {
        "Müller",
        "Schmidt",
        "Wang",
        "Li",
        "García",
        "Rossi",
        "Dubois",
        "Nowak",
        "Yılmaz",
        "Kowalski",
        "Jensen",
        "Silva",
        "Tanaka",
        "Kim",
        "Novák",
        "Smith",
        "Andersson",
        "Papadopoulos",
        "Horvat",
        "O'Brien"
    };
    private static final String[] CITIES = {"Berlin", "Hamburg", "München", "Wien", "Zürich", "Paris", "Milano"};
    private static final String[] REGIONS = {"north", "south", "east", "west", "central"};
    private static final String[] INDUSTRIES = {"retail", "manufacturing", "services", "public", "health"};
    private static final String[] TAGS = {"vip", "newsletter", "b2c", "loyalty", "churn-risk", "wholesale"};
    private static final String[] SUBJECTS = {
        "Follow-up on quote",
        "Delivery question",
        "Invoice clarification",
        "Product demo",
        "Renewal call",
        "Complaint about delay",
        "Feedback on service",
        "Upsell conversation"
    };
    private static final String NOTES = "Customer asked about delivery times and the new price list; we agreed to"
            + " send a written offer by Friday and to call again next week. Contact was friendly, no open issues.";

    private BenchData() {}

    /**
     * @param seed the data set's seed
     * @param index a customer index, 0 ≤ index
     * @return that customer's id (a random-looking version-4 UUID, fixed for the seed and index)
     */
    static CustomerId customerId(long seed, int index) {
        long hi = mix(seed * 0x9E3779B97F4A7C15L + index);
        long lo = mix(hi ^ 0xD1B54A32D192ED03L ^ index);
        return new CustomerId(uuid4(hi, lo));
    }

    private static UUID uuid4(long hi, long lo) {
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static UUID randomUuid(SplittableRandom rnd) {
        return uuid4(rnd.nextLong(), rnd.nextLong());
    }

    /**
     * Builds a customer: a person with an e-mail address, a phone number, a postal address, one or two tags,
     * region, industry, owner and an external id; about 1 KB of JSON.
     *
     * @param seed the data set's seed
     * @param index the customer index
     * @return the customer, version 1
     */
    static Customer customer(long seed, int index) {
        SplittableRandom rnd = new SplittableRandom(mix(seed ^ (0x5DEECE66DL * (index + 1))));
        String first = FIRST[rnd.nextInt(FIRST.length)];
        String last = LAST[rnd.nextInt(LAST.length)];
        String city = CITIES[rnd.nextInt(CITIES.length)];
        CustomerDraft.Builder draft = CustomerDraft.person(first + " " + last)
                .email(
                        (first + "." + last).toLowerCase(Locale.ROOT).replace("'", "") + index + "@example.com",
                        ContactPurpose.HOME)
                .phone(String.format(Locale.ROOT, "+49 30 %08d", rnd.nextInt(100_000_000)), ContactPurpose.HOME)
                .postalAddress(
                        PostalAddress.of(
                                "DE",
                                String.format(Locale.ROOT, "%05d", rnd.nextInt(1000, 99_999)),
                                city,
                                "Hauptstraße " + (1 + rnd.nextInt(200))),
                        ContactPurpose.SHIPPING)
                .customerType("consumer")
                .status("active")
                .region(REGIONS[rnd.nextInt(REGIONS.length)])
                .industry(INDUSTRIES[rnd.nextInt(INDUSTRIES.length)])
                .tag(TAGS[rnd.nextInt(TAGS.length)])
                .owner(StaffId.of("rep" + rnd.nextInt(50)))
                .externalId("ERP-" + index);
        if (rnd.nextBoolean()) {
            draft.tag(TAGS[rnd.nextInt(TAGS.length)]);
        }
        return Customer.create(customerId(seed, index), draft.build(), EPOCH.plusSeconds(index));
    }

    /**
     * @param seed the data set's seed
     * @param from the first index
     * @param count how many
     * @return customers {@code from .. from + count - 1}
     */
    static List<Customer> customers(long seed, int from, int count) {
        List<Customer> list = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            list.add(customer(seed, i));
        }
        return list;
    }

    /**
     * The 50 interactions of a customer of the customer-360 subset, one every few days, newest last.
     *
     * @param seed the data set's seed
     * @param index the customer index
     * @param count how many
     * @return the interactions
     */
    static List<Interaction> interactions(long seed, int index, int count) {
        SplittableRandom rnd = new SplittableRandom(mix(seed ^ 0x1A2B3C4DL ^ ((long) index << 20)));
        CustomerId customer = customerId(seed, index);
        List<Interaction> list = new ArrayList<>(count);
        Instant at = EPOCH.minus(Duration.ofDays(400));
        for (int i = 0; i < count; i++) {
            at = at.plusSeconds(3600L + rnd.nextInt(8 * 86_400));
            NewInteraction draft = NewInteraction.builder(
                            customer,
                            Channel.values()[rnd.nextInt(Channel.values().length)],
                            rnd.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND,
                            SUBJECTS[rnd.nextInt(SUBJECTS.length)])
                    .occurredAt(at)
                    .notes(NOTES)
                    .outcome(Outcome.of(OutcomeKind.values()[rnd.nextInt(OutcomeKind.values().length)]))
                    .staff(StaffId.of("rep" + rnd.nextInt(50)))
                    .build();
            list.add(Interaction.of(new InteractionId(randomUuid(rnd)), draft, at));
        }
        return list;
    }

    /**
     * The 0–3 service cases of a customer of the customer-360 subset: some open, some in progress, some resolved.
     *
     * @param seed the data set's seed
     * @param index the customer index
     * @return the cases
     */
    static List<ServiceCase> cases(long seed, int index) {
        SplittableRandom rnd = new SplittableRandom(mix(seed ^ 0x7F4A7C15L ^ ((long) index << 24)));
        CustomerId customer = customerId(seed, index);
        int n = rnd.nextInt(4);
        List<ServiceCase> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant opened = EPOCH.minus(Duration.ofDays(1 + rnd.nextInt(300))).plusSeconds(rnd.nextInt(86_400));
            NewServiceCase draft = NewServiceCase.builder(
                            customer,
                            rnd.nextBoolean() ? CaseKind.COMPLAINT : CaseKind.REQUEST,
                            Severity.MEDIUM,
                            Channel.EMAIL,
                            "Parcel arrived damaged")
                    .description("The parcel of order 4711 arrived with a broken corner; customer wants a replacement.")
                    .openedAt(opened)
                    .build();
            ServiceCase c = ServiceCase.open(
                    new ServiceCaseId(randomUuid(rnd)), draft, opened.plus(Duration.ofDays(3)), opened);
            int fate = rnd.nextInt(3);
            if (fate >= 1) {
                c = c.startWork(StaffId.of("agent" + rnd.nextInt(20)), opened.plusSeconds(600));
            }
            if (fate == 2) {
                c = c.resolve("Replacement sent.", opened.plusSeconds(7200));
            }
            list.add(c);
        }
        return list;
    }

    /**
     * Generates orders one batch at a time (so memory stays bounded however many there are) and keeps what the
     * purchase scan must then report: their count, the sum of their totals in minor units and the set of
     * customers that bought.
     */
    static final class Orders {
        private final long seed;
        private final int customers;
        private final SplittableRandom rnd;
        private final BitSet buyers;
        private long generated;
        private long sumMinor;

        /**
         * @param seed the data set's seed (the same seed gives the same orders)
         * @param customers how many customers the orders are spread over (uniformly)
         */
        Orders(long seed, int customers) {
            this.seed = seed;
            this.customers = customers;
            this.rnd = new SplittableRandom(mix(seed ^ 0x0DDBA11L));
            this.buyers = new BitSet(customers);
        }

        /**
         * @param n how many orders
         * @return the next {@code n} orders: one line each, EUR, 1–3 units at a log-normal price around 30 EUR
         *     (0.99 to 2,000 EUR), dated in 2023–2024, all PLACED
         */
        List<Order> next(int n) {
            List<Order> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long k = generated++;
                int customer = rnd.nextInt(customers);
                buyers.set(customer);
                LocalDate date = FIRST_DAY.plusDays(rnd.nextInt(731));
                long cents = Math.round(Math.exp(Math.log(3000) + 0.9 * rnd.nextGaussian()));
                cents = Math.max(99, Math.min(200_000, cents));
                int quantity = 1 + rnd.nextInt(3);
                OrderLine line = OrderLine.of(
                        String.format(Locale.ROOT, "SKU-%05d", rnd.nextInt(20_000)),
                        quantity,
                        Money.ofMinor(cents, EUR));
                NewOrder draft = NewOrder.builder(customerId(seed, customer), date)
                        .orderNumber(String.format(Locale.ROOT, "SO-%010d", k))
                        .line(line)
                        .build();
                Order order = Order.place(new OrderId(randomUuid(rnd)), draft, EPOCH.plusMillis(k * 7));
                sumMinor += order.total().minorUnits();
                batch.add(order);
            }
            return batch;
        }

        /** @return how many orders were generated so far */
        long generated() {
            return generated;
        }

        /** @return the sum of their totals in minor units */
        long sumMinor() {
            return sumMinor;
        }

        /** @return how many distinct customers they were placed by */
        int buyers() {
            return buyers.cardinality();
        }
    }
}
