package dev.guanxi.crm.examples;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.NewInvoice;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A host application's own CRM rule and how the host tests it. The rule, {@link OverdueInvoiceRule}, is host code
 * written against the SDK's public API: customers with an invoice more than 60 days overdue get the tag {@value
 * OverdueInvoiceRule#TAG}, and lose it once nothing is that late any more.
 *
 * <p>Its test, {@code HostCrmRuleTest} in {@code crm-examples/src/test/java}, shows the testing kit of {@code
 * crm-test} (a test-scoped dependency, {@code dev.guanxi:crm-test}): {@code @ExtendWith(CrmExtension.class)} gives
 * each test a fresh in-memory CRM whose clock is a {@code MutableClock}, the {@code Fixtures} builders fill in
 * valid data so a test states only what it is about, and {@code RecordedEvents} holds every event the CRM
 * delivered. Time moves only when the test says so ({@code clock.advance(Duration.ofDays(31))}), so "61 days
 * overdue" is exact and the test never sleeps.
 *
 * <p>{@link #main} runs the rule once on a fixed day:
 *
 * <pre>
 * java -cp crm-examples/target/crm-examples.jar dev.guanxi.crm.examples.HostRuleTestingExample
 * </pre>
 */
public final class HostRuleTestingExample {
    private HostRuleTestingExample() {}

    /**
     * Runs the rule over two customers on 2026-04-01: one invoice is 61 days overdue, one 30.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Clock clock = Clock.fixed(Instant.parse("2026-04-01T08:00:00Z"), ZoneOffset.UTC);
        try (Crm crm = Crm.builder().clock(clock).build()) {
            TenantCrm acme = crm.tenant("acme");
            Customer late = acme.customers()
                    .register(CustomerDraft.organisation("迟付公司 Late Payers Ltd").build());
            Customer fine = acme.customers()
                    .register(CustomerDraft.organisation("准时公司 On Time Ltd").build());
            invoice(acme, late, "INV-1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 30)); // 61 days overdue
            invoice(acme, fine, "INV-2", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 2)); // 30 days overdue
            for (OverdueInvoiceRule.Change change : new OverdueInvoiceRule(60).apply(acme, LocalDate.now(clock))) {
                out.println(acme.customers().get(change.customerId()).displayName() + ": " + change.reason());
            }
        }
    }

    private static void invoice(TenantCrm acme, Customer c, String number, LocalDate issued, LocalDate due) {
        acme.sales()
                .issueInvoice(NewInvoice.builder(c.id(), number, Money.of("1000.00", "CNY"))
                        .issuedOn(issued)
                        .dueOn(due)
                        .build());
    }

    /**
     * Flags customers with an invoice more than a number of days overdue by tagging them {@value #TAG}, and
     * removes the tag from customers who no longer have one. Idempotent: a second application on the same day
     * changes nothing. Reads the overdue invoices (through the SDK's index of them) and the tagged customers:
     * O(overdue invoices + tagged customers). Immutable and thread-safe.
     */
    public static final class OverdueInvoiceRule {
        /** The tag of flagged customers. */
        public static final String TAG = "overdue-60";

        private final int days;

        /**
         * Creates the rule.
         *
         * @param days the days overdue an invoice must exceed, 1 or more
         * @throws IllegalArgumentException if {@code days} is less than 1
         */
        public OverdueInvoiceRule(int days) {
            if (days < 1) {
                throw new IllegalArgumentException("days must be 1 or more, got " + days);
            }
            this.days = days;
        }

        /**
         * Applies the rule on a day.
         *
         * @param crm the tenant
         * @param asOf the day
         * @return the customers flagged and unflagged, flagged first, each with its reason
         */
        public List<Change> apply(TenantCrm crm, LocalDate asOf) {
            Objects.requireNonNull(crm, "crm");
            Objects.requireNonNull(asOf, "asOf");
            Map<CustomerId, Invoice> worst = new LinkedHashMap<>();
            PageRequest page = PageRequest.first(500);
            while (page != null) {
                Page<Invoice> overdue = crm.sales().listOverdueInvoices(asOf, page);
                for (Invoice invoice : overdue.items()) {
                    if (invoice.daysOverdue(asOf) > days) {
                        worst.merge(
                                invoice.customerId(),
                                invoice,
                                (a, b) -> a.daysOverdue(asOf) >= b.daysOverdue(asOf) ? a : b);
                    }
                }
                page = overdue.nextRequest().orElse(null);
            }
            List<Change> changes = new ArrayList<>();
            List<CustomerId> late = new ArrayList<>(worst.keySet());
            late.sort(Comparator.comparing(CustomerId::toString));
            for (CustomerId id : late) {
                Customer c = crm.customers().get(id);
                if (!c.tags().contains(TAG)) {
                    crm.customers().update(id, c.version(), d -> d.tag(TAG));
                    Invoice invoice = worst.get(id);
                    changes.add(new Change(
                            id,
                            true,
                            "flagged " + TAG + ": invoice " + invoice.invoiceNumber() + " is "
                                    + invoice.daysOverdue(asOf) + " days overdue"));
                }
            }
            Set<CustomerId> stillLate = new HashSet<>(late);
            List<Customer> tagged = new ArrayList<>();
            PageRequest t = PageRequest.first(500);
            while (t != null) {
                Page<Customer> p = crm.customers().query(CustomerQuery.all().withTag(TAG), t);
                tagged.addAll(p.items());
                t = p.nextRequest().orElse(null);
            }
            for (Customer c : tagged) {
                if (!stillLate.contains(c.id())) {
                    crm.customers().update(c.id(), c.version(), d -> d.untag(TAG));
                    changes.add(new Change(
                            c.id(), false, "unflagged: no invoice more than " + days + " days overdue any more"));
                }
            }
            return changes;
        }

        /**
         * One change the rule made.
         *
         * @param customerId the customer
         * @param flagged {@code true} if the tag was added, {@code false} if it was removed
         * @param reason why, one line
         */
        public record Change(CustomerId customerId, boolean flagged, String reason) {
            /**
             * Rejects nulls.
             *
             * @param customerId the customer
             * @param flagged {@code true} if the tag was added, {@code false} if it was removed
             * @param reason why, one line
             */
            public Change {
                Objects.requireNonNull(customerId, "customerId");
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
