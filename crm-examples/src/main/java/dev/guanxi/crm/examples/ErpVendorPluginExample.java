package dev.guanxi.crm.examples;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.classification.ClassificationContext;
import dev.guanxi.crm.classification.ClassificationRule;
import dev.guanxi.crm.classification.Classifications;
import dev.guanxi.crm.classification.Contribution;
import dev.guanxi.crm.classification.CustomerBase;
import dev.guanxi.crm.classification.CustomerScoring;
import dev.guanxi.crm.classification.ScoringReport;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.classification.StandardRules;
import dev.guanxi.crm.credit.CreditRule;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.ArrearsWarningRaised;
import dev.guanxi.crm.event.CustomerGradeChanged;
import dev.guanxi.crm.event.EventMetadata;
import dev.guanxi.crm.field.FieldDefinition;
import dev.guanxi.crm.jdbc.JdbcStorage;
import dev.guanxi.crm.lifecycle.LifecycleContext;
import dev.guanxi.crm.lifecycle.LifecycleEngine;
import dev.guanxi.crm.lifecycle.LifecycleFacts;
import dev.guanxi.crm.lifecycle.LifecycleGuard;
import dev.guanxi.crm.lifecycle.LifecycleOutcome;
import dev.guanxi.crm.lifecycle.LifecycleRule;
import dev.guanxi.crm.lifecycle.LifecycleStage;
import dev.guanxi.crm.lifecycle.StageTransition;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewInvoice;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.spi.storage.Storage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How an ERP vendor plugs its product into the SDK without changing it, on the transactional outbox of an H2
 * database ({@link JdbcStorage#h2InMemory}):
 *
 * <ol>
 *   <li><b>Custom fields</b> under the vendor's namespace {@value #NAMESPACE}: the ERP account code (required,
 *       pattern-checked) and the end of the service contract ({@link #ACCOUNT_CODE}, {@link #CONTRACT_END}).
 *   <li><b>A classification rule</b> of its own, {@link PriceListRule} ({@value PriceListRule#NAME}): the ERP
 *       price list of each customer from the SDK's 80/20 grade and arrears warning, explained like the built-in
 *       rules. It runs inside the SDK's scoring run, after the built-in rules.
 *   <li><b>A lifecycle guard</b>, {@link ContractGuard}: a customer under contract is not moved to {@code
 *       AT_RISK} or {@code LOST}, whatever the purchase pattern says (the ERP bills the contract monthly). The
 *       veto and its reason are kept in the customer's lifecycle result.
 *   <li><b>An event listener</b>, {@link BillingBridge}: "customer graded" ({@link CustomerGradeChanged}) and
 *       "arrears warning" ({@link ArrearsWarningRaised}) go to the ERP's billing module ({@link BillingPort})
 *       — appended to the outbox in the transaction of the scoring batch, delivered after it committed, at
 *       least once (the bridge drops redeliveries by event id).
 * </ol>
 *
 * The scenario: four customers, scored at the end of 2025 and again at the end of June 2026, with purchases
 * and an invoice synchronised from the ERP in between. Run it with {@code java -cp
 * crm-examples/target/crm-examples.jar dev.guanxi.crm.examples.ErpVendorPluginExample}.
 *
 * <p>Not thread-safe as a whole (it is a program); the plugin parts say their own thread-safety.
 */
public final class ErpVendorPluginExample {
    /** The vendor's namespace of custom fields. */
    public static final String NAMESPACE = "acmeerp";

    /** The ERP account code, e.g. {@code EC-1001}: required on every customer. */
    public static final FieldDefinition<String> ACCOUNT_CODE = FieldDefinition.string(NAMESPACE, "account_code")
            .pattern("[A-Z]{2}-\\d{4}")
            .required();

    /** The last day of the customer's service contract, if it has one. */
    public static final FieldDefinition<LocalDate> CONTRACT_END = FieldDefinition.date(NAMESPACE, "contract_end");

    /** The tenant of the scenario. */
    public static final String TENANT = "acme";

    /** The first scoring day of the scenario. */
    public static final LocalDate FIRST_RUN = LocalDate.of(2025, 12, 31);

    /** The second scoring day of the scenario. */
    public static final LocalDate SECOND_RUN = LocalDate.of(2026, 6, 30);

    /** The clock of the scenario: the evening of the second scoring day. */
    public static final Instant NOW = Instant.parse("2026-06-30T20:00:00Z");

    private static final Currency CNY = Currency.getInstance("CNY");

    private ErpVendorPluginExample() {}

    /**
     * Runs the scenario on a new in-memory H2 database and prints what the billing module received.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        RecordingBillingPort billing = new RecordingBillingPort();
        ErpPlugin plugin = new ErpPlugin(billing);
        try (Crm crm = open(
                JdbcStorage.h2InMemory("erp-plugin-" + System.nanoTime()), Clock.fixed(NOW, ZoneOffset.UTC), plugin)) {
            run(crm, plugin, out);
        }
        out.println("billing received " + billing.messages().size() + " messages:");
        billing.messages().forEach(m -> out.println("  " + m));
    }

    /**
     * Builds a CRM with the plugin installed.
     *
     * @param storage the store (the example uses H2; any store with an outbox works the same)
     * @param clock the clock
     * @param plugin the plugin
     * @return the CRM, owning the store
     */
    public static Crm open(Storage storage, Clock clock, ErpPlugin plugin) {
        Crm crm = plugin.configure(Crm.builder().storage(storage).clock(clock)).build();
        plugin.attach(crm);
        return crm;
    }

    /**
     * The plugin: its custom fields, contract guard, price-list rule and billing bridge, installed on a {@link
     * Crm.Builder} by {@link #configure} and given to every scoring run through {@link #scoring()}. Thread-safe.
     */
    public static final class ErpPlugin {
        private final ContractGuard contracts = new ContractGuard();
        private final LifecycleEngine engine =
                LifecycleEngine.builder().guard(contracts).build();
        private final BillingBridge bridge;

        /**
         * Creates the plugin.
         *
         * @param billing where grades and arrears warnings go
         */
        public ErpPlugin(BillingPort billing) {
            this.bridge = new BillingBridge(billing);
        }

        /**
         * Installs the custom fields, the lifecycle engine with the contract guard (for manual moves) and the
         * billing listeners.
         *
         * @param builder the host's CRM builder
         * @return the same builder
         */
        public Crm.Builder configure(Crm.Builder builder) {
            return builder.customField(ACCOUNT_CODE)
                    .customField(CONTRACT_END)
                    .lifecycle(engine)
                    .listener(CustomerGradeChanged.class, bridge::onGraded)
                    .listener(ArrearsWarningRaised.class, bridge::onArrearsWarning);
        }

        /**
         * Connects the billing bridge to the CRM it reads account codes from.
         *
         * @param crm the CRM built with {@link #configure}
         */
        public void attach(Crm crm) {
            bridge.attach(crm);
        }

        /** @return the contract register the guard consults */
        public ContractGuard contracts() {
            return contracts;
        }

        /**
         * The rules of the plugin's scoring runs: the built-in ones, the lifecycle rule with the contract guard (the
         * same engine as manual moves), and the price-list rule last (it reads the 80/20 grade and the credit
         * rule's arrears warning).
         *
         * @return the composition
         */
        public CustomerScoring scoring() {
            return StandardRules.all().toBuilder()
                    .replace(LifecycleRule.of(engine))
                    .add(new PriceListRule())
                    .build();
        }
    }

    /**
     * Runs the scenario: registers four customers with their ERP fields, records a year of purchases, scores at
     * {@link #FIRST_RUN}, synchronises the first half of 2026 (purchases and an invoice that uses a customer's whole
     * credit limit), scores at {@link #SECOND_RUN}, and tries to move the contract customer to {@code LOST} by hand.
     *
     * @param crm a CRM made by {@link #open}, empty, with a clock at or after {@link #NOW}
     * @param plugin the plugin installed in it
     * @param out where the steps are reported
     * @return the scenario's customers and the two scoring reports
     */
    public static Scenario run(Crm crm, ErpPlugin plugin, PrintStream out) {
        TenantCrm acme = crm.tenant(TENANT);
        Customer east =
                register(acme, plugin, "华东电子 East China Electronics", "EC-1001", LocalDate.of(2027, 12, 31), null);
        Customer north = register(acme, plugin, "北风贸易 Northwind Trading", "NW-2002", null, null);
        Customer tea = register(acme, plugin, "小杨茶铺 Yang's Tea Shop", "YT-3003", null, null);
        Customer lake =
                register(acme, plugin, "西湖物流 West Lake Logistics", "WL-4004", null, Money.of("50000.00", "CNY"));
        try {
            register(acme, plugin, "Bad Account Ltd", "not-a-code", null, null);
        } catch (ValidationException e) {
            out.println("refused: " + e.getMessage());
        }

        purchase(acme, east, LocalDate.of(2025, 7, 15), "100000.00");
        purchase(acme, east, LocalDate.of(2025, 9, 15), "100000.00");
        purchase(acme, east, LocalDate.of(2025, 11, 15), "100000.00");
        purchase(acme, north, LocalDate.of(2025, 4, 1), "20000.00");
        purchase(acme, north, LocalDate.of(2025, 8, 1), "20000.00");
        purchase(acme, tea, LocalDate.of(2025, 10, 1), "2000.00");
        purchase(acme, lake, LocalDate.of(2025, 11, 15), "8000.00");
        ScoringReport first = score(acme, plugin, FIRST_RUN, out);

        // The first half of 2026, synchronised from the ERP.
        purchase(acme, tea, LocalDate.of(2026, 3, 1), "2000.00");
        purchase(acme, tea, LocalDate.of(2026, 5, 1), "2000.00");
        purchase(acme, lake, LocalDate.of(2026, 6, 15), "50000.00");
        acme.sales()
                .issueInvoice(NewInvoice.builder(lake.id(), "ERP-INV-2026-0615", Money.of("50000.00", "CNY"))
                        .issuedOn(LocalDate.of(2026, 6, 15))
                        .dueOn(LocalDate.of(2026, 7, 15))
                        .build());
        ScoringReport second = score(acme, plugin, SECOND_RUN, out);

        LifecycleOutcome manual =
                acme.lifecycle().move(east.id(), LifecycleStage.LOST, "sales asked to close the account");
        out.println("manual move of " + east.displayName() + " to LOST: " + manual.kind() + " ("
                + manual.veto().orElse("") + ")");
        return new Scenario(east, north, tea, lake, first, second);
    }

    /**
     * The scenario's customers and scoring reports.
     *
     * @param underContract the customer under contract until 2027-12-31
     * @param fading the customer whose purchases stop in August 2025
     * @param growing the small customer who buys again in 2026
     * @param arrears the customer whose 2026 invoice uses its whole credit limit
     * @param first the report of the run at {@link #FIRST_RUN}
     * @param second the report of the run at {@link #SECOND_RUN}
     */
    public record Scenario(
            Customer underContract,
            Customer fading,
            Customer growing,
            Customer arrears,
            ScoringReport first,
            ScoringReport second) {
        /**
         * Rejects nulls.
         *
         * @param underContract the customer under contract until 2027-12-31
         * @param fading the customer whose purchases stop in August 2025
         * @param growing the small customer who buys again in 2026
         * @param arrears the customer whose 2026 invoice uses its whole credit limit
         * @param first the report of the run at {@link #FIRST_RUN}
         * @param second the report of the run at {@link #SECOND_RUN}
         */
        public Scenario {
            Objects.requireNonNull(underContract, "underContract");
            Objects.requireNonNull(fading, "fading");
            Objects.requireNonNull(growing, "growing");
            Objects.requireNonNull(arrears, "arrears");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }
    }

    private static Customer register(
            TenantCrm acme,
            ErpPlugin plugin,
            String name,
            String accountCode,
            LocalDate contractEnd,
            Money creditLimit) {
        CustomerDraft.Builder draft = CustomerDraft.organisation(name)
                .externalId(accountCode)
                .customField(ACCOUNT_CODE.key(), accountCode)
                .customField(CONTRACT_END.key(), contractEnd)
                .creditLimit(creditLimit);
        Customer c = acme.customers().register(draft.build());
        if (contractEnd != null) {
            plugin.contracts().underContract(c.id(), contractEnd);
        }
        return c;
    }

    private static void purchase(TenantCrm acme, Customer customer, LocalDate day, String amount) {
        acme.sales()
                .recordPurchase(NewOrder.builder(customer.id(), day)
                        .line(OrderLine.of("SERVICE-PLAN", 1, Money.of(amount, "CNY")))
                        .build());
    }

    private static ScoringReport score(TenantCrm acme, ErpPlugin plugin, LocalDate asOf, PrintStream out) {
        ScoringReport report = acme.scoring().run(ScoringRequest.of(asOf, CNY).withScoring(plugin.scoring()));
        Classifications prices = report.result().result(PriceListRule.NAME).orElseThrow();
        Classifications stages = report.result().result(LifecycleRule.NAME).orElseThrow();
        out.println("scored " + report.customers() + " customers as of " + asOf + ":");
        for (int i = 0; i < prices.size(); i++) {
            String name =
                    acme.customers().get(report.result().base().customerId(i)).displayName();
            out.println("  " + name + ": " + prices.reason(i) + "; lifecycle " + stages.reason(i));
        }
        return report;
    }

    /**
     * The ERP's billing module, as the plugin sees it: told when a customer's 80/20 grade changes (the price
     * list follows it) and when a customer is warned of arrears (billing holds deliveries on credit).
     */
    public interface BillingPort {
        /**
         * A customer's 80/20 grade changed.
         *
         * @param accountCode the ERP account code
         * @param previousGrade the grade before, or {@code null} for a first grading
         * @param grade the new grade
         * @param asOf the day of the grading
         */
        void customerGraded(String accountCode, String previousGrade, String grade, LocalDate asOf);

        /**
         * A customer crossed the arrears warning threshold.
         *
         * @param accountCode the ERP account code
         * @param risk the arrears risk, 0 to 100
         * @param reasons why, one line
         * @param asOf the day of the assessment
         */
        void arrearsWarning(String accountCode, int risk, String reasons, LocalDate asOf);
    }

    /**
     * A billing port that records what it receives as lines like {@code graded EC-1001 null->KEY 2025-12-31}, in
     * place of the ERP's billing module. Thread-safe.
     */
    public static final class RecordingBillingPort implements BillingPort {
        private final List<String> messages = new ArrayList<>();

        /** Creates an empty port. */
        public RecordingBillingPort() {}

        @Override
        public synchronized void customerGraded(
                String accountCode, String previousGrade, String grade, LocalDate asOf) {
            messages.add("graded " + accountCode + " " + previousGrade + "->" + grade + " " + asOf);
        }

        @Override
        public synchronized void arrearsWarning(String accountCode, int risk, String reasons, LocalDate asOf) {
            messages.add("arrears " + accountCode + " risk " + risk + " " + asOf + ": " + reasons);
        }

        /** @return the messages received so far, in order */
        public synchronized List<String> messages() {
            return List.copyOf(messages);
        }
    }

    /**
     * Forwards the CRM's events to the billing port, translating CRM customer ids into ERP account codes (read
     * from the customer's {@link #ACCOUNT_CODE} field). The SDK appends the events to its outbox in the
     * transaction that caused them and delivers them after commit, at least once: a redelivered event (same
     * {@link EventMetadata#eventId()}) is dropped here. Thread-safe.
     */
    public static final class BillingBridge {
        private final BillingPort billing;
        private final Set<java.util.UUID> delivered = ConcurrentHashMap.newKeySet();
        private volatile Crm crm;

        /**
         * Creates a bridge; {@link #attach} it to the CRM it listens to before events flow.
         *
         * @param billing the port
         */
        public BillingBridge(BillingPort billing) {
            this.billing = Objects.requireNonNull(billing, "billing");
        }

        /**
         * Gives the bridge the CRM it reads account codes from.
         *
         * @param value the CRM whose events the bridge receives
         */
        public void attach(Crm value) {
            this.crm = Objects.requireNonNull(value, "crm");
        }

        /**
         * Forwards a grade change of the 80/20 grading.
         *
         * @param event the event
         */
        public void onGraded(CustomerGradeChanged event) {
            if (delivered.add(event.metadata().eventId())) {
                billing.customerGraded(
                        accountCode(event.metadata(), event.customerId()),
                        event.previousGrade(),
                        event.newGrade(),
                        event.asOf());
            }
        }

        /**
         * Forwards an arrears warning.
         *
         * @param event the event
         */
        public void onArrearsWarning(ArrearsWarningRaised event) {
            if (delivered.add(event.metadata().eventId())) {
                billing.arrearsWarning(
                        accountCode(event.metadata(), event.customerId()), event.risk(), event.reasons(), event.asOf());
            }
        }

        private String accountCode(EventMetadata metadata, CustomerId id) {
            return crm.tenant(metadata.tenant())
                    .customers()
                    .get(id)
                    .customFields()
                    .get(ACCOUNT_CODE.key())
                    .orElseThrow();
        }
    }

    /**
     * Vetoes moves into {@code AT_RISK} and {@code LOST} of customers under a service contract: the ERP bills them
     * every month whatever they order, so a pause in orders is no sign of leaving. Reads an in-memory contract
     * register (the ERP fills it from its contracts; here, from the {@link #CONTRACT_END} field at
     * registration). Thread-safe; O(1) per proposed move.
     */
    public static final class ContractGuard implements LifecycleGuard {
        private final Map<CustomerId, LocalDate> contracts = new ConcurrentHashMap<>();

        /** Creates a guard with an empty register. */
        public ContractGuard() {}

        /**
         * Registers a customer's contract.
         *
         * @param customer the customer
         * @param lastDay the last day of the contract
         */
        public void underContract(CustomerId customer, LocalDate lastDay) {
            contracts.put(Objects.requireNonNull(customer, "customer"), Objects.requireNonNull(lastDay, "lastDay"));
        }

        @Override
        public Optional<String> veto(StageTransition proposed, LifecycleFacts facts, LifecycleContext context) {
            if (proposed.to() != LifecycleStage.AT_RISK && proposed.to() != LifecycleStage.LOST) {
                return Optional.empty();
            }
            LocalDate end = contracts.get(proposed.customerId());
            return end != null && !end.isBefore(context.asOf())
                    ? Optional.of("under contract until " + end)
                    : Optional.empty();
        }
    }

    /**
     * The ERP's price list of each customer: {@code P1} (8% discount) for key customers, {@code P2} (4%) for
     * ordinary ones, {@code P3} (list price) for small ones, and {@code P3} for anyone with an arrears warning
     * (the discount is suspended). Reads the results of the 80/20 grading ({@code abc}) and the credit rule, so
     * it must come after both. Score = the discount in percent; contributions: the grade's discount and the
     * suspension. Immutable and thread-safe; O(n).
     */
    public static final class PriceListRule implements ClassificationRule {
        /** The rule's name: its label is stored in score snapshots as {@code priceList}. */
        public static final String NAME = "priceList";

        private static final String[] LISTS = {"P1", "P2", "P3"};
        private static final double[] DISCOUNT = {8, 4, 0};

        /** Creates the rule. */
        public PriceListRule() {}

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Classifications classify(CustomerBase base, ClassificationContext context) {
            Classifications abc = context.result("abc")
                    .orElseThrow(() -> new IllegalStateException(NAME + " needs the abc rule before it"));
            Classifications credit = context.result(CreditRule.NAME)
                    .orElseThrow(() -> new IllegalStateException(NAME + " needs the credit rule before it"));
            int n = base.size();
            String[] labels = new String[n];
            double[] scores = new double[n];
            int[] byGrade = new int[n];
            boolean[] suspended = new boolean[n];
            int warning = credit.metricIndex("arrearsWarning");
            for (int i = 0; i < n; i++) {
                byGrade[i] = switch (abc.label(i)) {
                    case "KEY" -> 0;
                    case "ORDINARY" -> 1;
                    default -> 2;
                };
                suspended[i] = credit.metric(warning, i) > 0;
                int list = suspended[i] ? 2 : byGrade[i];
                labels[i] = LISTS[list];
                scores[i] = DISCOUNT[list];
            }
            return Classifications.builder(NAME, base)
                    .labels(labels)
                    .scores(scores)
                    .explainer(new Classifications.Explainer() {
                        @Override
                        public List<Contribution> contributions(int i) {
                            double gradeDiscount = DISCOUNT[byGrade[i]];
                            return List.of(
                                    new Contribution("grade", byGrade[i], 1, gradeDiscount, abc.label(i) + " customer"),
                                    new Contribution(
                                            "arrearsWarning",
                                            suspended[i] ? 1 : 0,
                                            1,
                                            suspended[i] ? -gradeDiscount : 0,
                                            suspended[i] ? "discount suspended" : "no arrears warning"));
                        }

                        @Override
                        public String reason(int i) {
                            String base = labels[i] + " (" + (int) scores[i] + "% off): " + abc.label(i) + " customer";
                            return suspended[i] ? base + ", discount suspended by an arrears warning" : base;
                        }
                    })
                    .build();
        }
    }
}
