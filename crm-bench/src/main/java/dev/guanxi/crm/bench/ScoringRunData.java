package dev.guanxi.crm.bench;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.NewInvoice;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.NewServiceCase;
import dev.guanxi.crm.service.NewSurveyResponse;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.Severity;
import dev.guanxi.crm.service.SurveyResponse;
import dev.guanxi.crm.service.SurveyResponseId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The tenant of the scoring-run benchmark ({@link ScoringRunBenchmark}), deterministic for a seed: every
 * customer's data comes from its own random stream (seed and index), so the tenant does not depend on batch sizes
 * or on the store.
 *
 * <ul>
 *   <li>{@code customers} customers (person, region, type, owner; 20% with a credit limit); 5% are prospects who
 *       never buy.
 *   <li>Exactly {@code purchases} placed orders of one line in EUR over the {@value #WINDOW_DAYS} days that end on
 *       the second run's day ({@link #RUN_2}): those up to the first run's day ({@link #RUN_1}, 30 days earlier)
 *       and those of the 30 days between the runs can be generated separately, to be loaded between the runs. Each buying customer has an activity span inside the window (35% stop buying before its end) and a
 *       log-normal weight; its purchases are 1 + its share of the rest, proportional to weight × span, on
 *       uniform days of the span; amounts log-normal around a per-customer level (about 40 EUR).
 *   <li>Invoices: 10% of the customers have one overdue invoice (issued 35–154 days before run 1, due 30 days
 *       later, a third of them partly paid); another 15% have one invoice paid 10–60 days after issue.
 *   <li>Service cases: 3% of the customers have one or two (half complaints) opened in the 200 days before run 1,
 *       SLA three days: 60% resolved, 20% in progress, 20% open.
 *   <li>Survey responses: 2% of the customers answered one to three surveys (CSAT and NPS) in the 300 days before
 *       run 1.
 * </ul>
 *
 * <p>Not thread-safe.
 */
final class ScoringRunData {
    static final TenantId TENANT = TenantId.of("scoring-bench");
    static final Currency EUR = Currency.getInstance("EUR");
    /** The first run's as-of day. */
    static final LocalDate RUN_1 = LocalDate.of(2026, 6, 30);
    /** The second run's as-of day, 30 days later. */
    static final LocalDate RUN_2 = RUN_1.plusDays(30);
    /** Purchases lie in this many days ending on {@link #RUN_2}. */
    static final int WINDOW_DAYS = 730;
    /** The first day of the purchase window. */
    static final LocalDate FIRST_DAY = RUN_2.minusDays(WINDOW_DAYS - 1);

    private static final String[] REGIONS = {"north", "south", "east", "west", "central"};
    private static final String[] SKUS = new String[1000];
    /** Noon of every day of the window: the orders' createdAt, shared. */
    private static final Instant[] NOON = new Instant[WINDOW_DAYS];

    static {
        for (int i = 0; i < SKUS.length; i++) {
            SKUS[i] = String.format(Locale.ROOT, "SKU-%04d", i);
        }
        for (int d = 0; d < WINDOW_DAYS; d++) {
            NOON[d] = FIRST_DAY
                    .plusDays(d)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .plusSeconds(43_200);
        }
    }

    private final long seed;
    private final int customers;
    private final long purchases;
    /** Per customer: the first and last day (offsets into the window) it buys on, and its number of purchases. */
    private final int[] start;

    private final int[] end;
    private final int[] count;
    private final int buyers;

    /**
     * Draws every customer's activity span and its number of purchases (exactly {@code purchases} in all).
     *
     * @param seed the seed
     * @param customers how many customers, 1 or more
     * @param purchases how many purchases, 0 or more
     */
    ScoringRunData(long seed, int customers, long purchases) {
        if (customers < 1 || purchases < 0) {
            throw new IllegalArgumentException("need at least one customer and no negative purchases");
        }
        this.seed = seed;
        this.customers = customers;
        this.purchases = purchases;
        this.start = new int[customers];
        this.end = new int[customers];
        this.count = new int[customers];
        double[] weight = new double[customers];
        double sum = 0;
        int b = 0;
        for (int i = 0; i < customers; i++) {
            SplittableRandom r = random(i, 0);
            if (r.nextInt(100) < 5) {
                start[i] = -1; // a prospect
                continue;
            }
            int s = r.nextInt(WINDOW_DAYS);
            int e = r.nextInt(100) < 35 ? s + (int) ((WINDOW_DAYS - 1 - s) * 0.7 * r.nextDouble()) : WINDOW_DAYS - 1;
            start[i] = s;
            end[i] = e;
            weight[i] = Math.exp(r.nextGaussian()) * (e - s + 30);
            sum += weight[i];
            b++;
        }
        this.buyers = b;
        // every buyer buys once, the rest is shared in proportion to the weights (randomised rounding)
        long rest = purchases - b;
        long total = 0;
        for (int i = 0; i < customers; i++) {
            if (start[i] < 0) {
                continue;
            }
            if (rest <= 0) {
                count[i] = 1;
            } else {
                double share = rest * weight[i] / sum;
                int whole = (int) share;
                count[i] = 1 + whole + (random(i, 1).nextDouble() < share - whole ? 1 : 0);
            }
            total += count[i];
        }
        // then the difference to exactly `purchases`, one at a time on customers picked at random
        SplittableRandom fix = random(-1, 2);
        while (total != purchases) {
            int i = fix.nextInt(customers);
            if (total < purchases && start[i] >= 0) {
                count[i]++;
                total++;
            } else if (total > purchases && count[i] > (rest > 0 ? 1 : 0)) {
                count[i]--;
                total--;
            }
        }
    }

    private SplittableRandom random(int index, long salt) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + salt));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static UUID uuid(SplittableRandom r) {
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    /** @return how many customers buy at least once */
    int buyers() {
        return buyers;
    }

    /** @return how many purchases there are in all (exactly the requested number) */
    long purchases() {
        return purchases;
    }

    /**
     * @param i a customer index
     * @return its id
     */
    CustomerId customerId(int i) {
        return BenchData.customerId(seed, i);
    }

    /**
     * Generates the customers in batches.
     *
     * @param batch the batch size
     * @param sink receives each batch
     */
    void customers(int batch, Consumer<List<Customer>> sink) {
        Instant created = FIRST_DAY.minusDays(60).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Customer> list = new ArrayList<>(batch);
        for (int i = 0; i < customers; i++) {
            SplittableRandom r = random(i, 10);
            CustomerDraft.Builder draft = CustomerDraft.person("Customer " + i)
                    .customerType(r.nextInt(4) == 0 ? "business" : "consumer")
                    .region(REGIONS[r.nextInt(REGIONS.length)])
                    .owner(StaffId.of("rep" + r.nextInt(50)));
            if (r.nextInt(5) == 0) {
                draft.creditLimit(Money.ofMinor(100_000L * (1 + r.nextInt(20)), EUR));
            }
            list.add(Customer.create(customerId(i), draft.build(), created.plusSeconds(i % 86_400)));
            if (list.size() == batch) {
                sink.accept(list);
                list = new ArrayList<>(batch);
            }
        }
        if (!list.isEmpty()) {
            sink.accept(list);
        }
    }

    /**
     * Generates the orders in batches (each customer's orders one after the other): either those up to {@link
     * #RUN_1} or those of the 30 days after it (the same orders whichever are asked for first).
     *
     * @param batch the batch size
     * @param sink receives each batch
     * @param afterRun1 whether to generate the orders after {@link #RUN_1} rather than those up to it
     * @return how many orders were generated and the sum of their totals in cents
     */
    long[] orders(int batch, Consumer<List<Order>> sink, boolean afterRun1) {
        long cents = 0;
        long generated = 0;
        int run1 = (int) (RUN_1.toEpochDay() - FIRST_DAY.toEpochDay());
        List<Order> list = new ArrayList<>(batch);
        for (int i = 0; i < customers; i++) {
            if (count[i] == 0) {
                continue;
            }
            SplittableRandom r = random(i, 20);
            CustomerId customer = customerId(i);
            double level = Math.log(4000) + 0.5 * r.nextGaussian();
            int span = end[i] - start[i] + 1;
            for (int k = 0; k < count[i]; k++) {
                int day = start[i] + r.nextInt(span);
                long price = Math.max(99, Math.min(500_000, Math.round(Math.exp(level + 0.6 * r.nextGaussian()))));
                int sku = r.nextInt(SKUS.length);
                UUID id = uuid(r);
                if ((day > run1) != afterRun1) {
                    continue;
                }
                NewOrder draft = NewOrder.builder(customer, FIRST_DAY.plusDays(day))
                        .line(OrderLine.of(SKUS[sku], 1, Money.ofMinor(price, EUR)))
                        .build();
                list.add(Order.place(new OrderId(id), draft, NOON[day]));
                cents += price;
                generated++;
                if (list.size() == batch) {
                    sink.accept(list);
                    list = new ArrayList<>(batch);
                }
            }
        }
        if (!list.isEmpty()) {
            sink.accept(list);
        }
        return new long[] {generated, cents};
    }

    /**
     * Generates the invoices in batches.
     *
     * @param batch the batch size
     * @param sink receives each batch
     * @return how many are overdue on {@link #RUN_1}
     */
    int invoices(int batch, Consumer<List<Invoice>> sink) {
        Instant now = RUN_1.atStartOfDay(ZoneOffset.UTC).toInstant();
        int overdue = 0;
        List<Invoice> list = new ArrayList<>(batch);
        for (int i = 0; i < customers; i++) {
            SplittableRandom r = random(i, 30);
            int kind = r.nextInt(100);
            if (kind >= 25) {
                continue;
            }
            Money amount = Money.ofMinor(5_000L + r.nextInt(500_000), EUR);
            LocalDate issued = RUN_1.minusDays(kind < 10 ? 35 + r.nextInt(120) : 70 + r.nextInt(300));
            Invoice invoice = Invoice.issue(
                    new InvoiceId(uuid(r)),
                    NewInvoice.builder(customerId(i), "INV-" + i, amount)
                            .issuedOn(issued)
                            .dueOn(issued.plusDays(30))
                            .build(),
                    now);
            if (kind < 10) {
                overdue++;
                if (r.nextInt(3) == 0) {
                    invoice =
                            invoice.applyPayment(Money.ofMinor(amount.minorUnits() / 2, EUR), issued.plusDays(20), now);
                }
            } else {
                invoice = invoice.applyPayment(amount, issued.plusDays(10 + r.nextInt(51)), now);
            }
            list.add(invoice);
            if (list.size() == batch) {
                sink.accept(list);
                list = new ArrayList<>(batch);
            }
        }
        if (!list.isEmpty()) {
            sink.accept(list);
        }
        return overdue;
    }

    /**
     * Generates the service cases in batches.
     *
     * @param batch the batch size
     * @param sink receives each batch
     * @return how many are complaints
     */
    int serviceCases(int batch, Consumer<List<ServiceCase>> sink) {
        int complaints = 0;
        Instant base = RUN_1.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<ServiceCase> list = new ArrayList<>(batch);
        for (int i = 0; i < customers; i++) {
            SplittableRandom r = random(i, 40);
            if (r.nextInt(100) >= 3) {
                continue;
            }
            int n = 1 + r.nextInt(2);
            for (int k = 0; k < n; k++) {
                Instant opened = base.minus(Duration.ofDays(1 + r.nextInt(200))).plusSeconds(r.nextInt(86_400));
                CaseKind kind = r.nextBoolean() ? CaseKind.COMPLAINT : CaseKind.REQUEST;
                complaints += kind == CaseKind.COMPLAINT ? 1 : 0;
                NewServiceCase draft = NewServiceCase.builder(
                                customerId(i), kind, Severity.MEDIUM, Channel.EMAIL, "Delivery problem")
                        .openedAt(opened)
                        .build();
                ServiceCase c =
                        ServiceCase.open(new ServiceCaseId(uuid(r)), draft, opened.plus(Duration.ofDays(3)), opened);
                int fate = r.nextInt(10);
                if (fate < 8) {
                    c = c.startWork(StaffId.of("agent" + r.nextInt(20)), opened.plusSeconds(600));
                }
                if (fate < 6) {
                    c = c.resolve("Replacement sent.", opened.plusSeconds(7_200));
                }
                list.add(c);
                if (list.size() == batch) {
                    sink.accept(list);
                    list = new ArrayList<>(batch);
                }
            }
        }
        if (!list.isEmpty()) {
            sink.accept(list);
        }
        return complaints;
    }

    /**
     * Generates the survey responses in batches.
     *
     * @param batch the batch size
     * @param sink receives each batch
     */
    void surveys(int batch, Consumer<List<SurveyResponse>> sink) {
        Instant base = RUN_1.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<SurveyResponse> list = new ArrayList<>(batch);
        for (int i = 0; i < customers; i++) {
            SplittableRandom r = random(i, 50);
            if (r.nextInt(100) >= 2) {
                continue;
            }
            int n = 1 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                Instant at = base.minus(Duration.ofDays(1 + r.nextInt(300)));
                NewSurveyResponse draft = NewSurveyResponse.builder(customerId(i))
                        .csat(1 + r.nextInt(5))
                        .nps(r.nextInt(11))
                        .channel(Channel.EMAIL)
                        .respondedAt(at)
                        .build();
                list.add(SurveyResponse.of(new SurveyResponseId(uuid(r)), draft, at));
                if (list.size() == batch) {
                    sink.accept(list);
                    list = new ArrayList<>(batch);
                }
            }
        }
        if (!list.isEmpty()) {
            sink.accept(list);
        }
    }
}
