package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.competitor.Competitor;
import dev.guanxi.crm.competitor.CompetitorDealing;
import dev.guanxi.crm.competitor.CompetitorDealingId;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.field.CustomFields;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.interaction.Task;
import dev.guanxi.crm.interaction.TaskId;
import dev.guanxi.crm.loyalty.PointsAccount;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.CampaignResponseId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Contract;
import dev.guanxi.crm.sales.ContractId;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.Opportunity;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.sales.PaymentId;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.SurveyResponse;
import dev.guanxi.crm.service.SurveyResponseId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The table of every aggregate: its name, projections and unique keys. The one place that maps domain fields
 * to columns (the migration scripts create the same columns).
 */
final class Tables {
    private Tables() {}

    static final com.fasterxml.jackson.databind.ObjectWriter CUSTOM_FIELDS = Json.writer(CustomFields.class);

    /**
     * @param text a text
     * @return its UTF-16BE bytes: compared as unsigned bytes they sort like {@link String#compareTo}
     */
    static byte[] utf16Order(String text) {
        return text.getBytes(StandardCharsets.UTF_16BE);
    }

    static String staff(StaffId id) {
        return id == null ? null : id.value();
    }

    static BigDecimal amount(Money m) {
        return m == null ? null : m.amount();
    }

    static final Column<Customer> CUSTOMER_EXTERNAL_ID = Column.of("external_id", String.class, Customer::externalId);

    static final Table<CustomerId, Customer> CUSTOMER = Table.builder(
                    "guanxi_customer", Customer.class, CustomerId::value)
            .column(Column.of("kind", String.class, c -> c.kind().name()))
            .column(Column.of("name_order", byte[].class, c -> utf16Order(c.displayName())))
            .column(Column.of("display_fold", String.class, c -> CustomerQuery.foldCase(c.displayName())))
            .column(Column.of(
                    "legal_fold",
                    String.class,
                    c -> c.legalName() == null ? null : CustomerQuery.foldCase(c.legalName())))
            .column(Column.of("customer_type", String.class, Customer::customerType))
            .column(Column.of("status", String.class, Customer::status))
            .column(Column.of("region", String.class, Customer::region))
            .column(Column.of("industry", String.class, Customer::industry))
            .column(Column.of("owner_id", String.class, c -> staff(c.owner())))
            .column(CUSTOMER_EXTERNAL_ID)
            .column(Column.json("custom_fields", c -> Json.write(CUSTOM_FIELDS, c.customFields())))
            .column(Column.instant("created_at", Customer::createdAt))
            .column(Column.instant("updated_at", Customer::updatedAt))
            .unique("externalId", CUSTOMER_EXTERNAL_ID)
            .children(new CustomerTags())
            .build();

    static final Table<InteractionId, Interaction> INTERACTION = Table.builder(
                    "guanxi_interaction", Interaction.class, InteractionId::value)
            .column(Column.uuid("customer_id", i -> i.customerId().value()))
            .column(Column.of("staff_id", String.class, i -> staff(i.staffId())))
            .column(Column.uuid(
                    "case_id", i -> i.caseId() == null ? null : i.caseId().value()))
            .column(Column.instant("occurred_at", Interaction::occurredAt))
            .build();

    static final Table<TaskId, Task> TASK = Table.builder("guanxi_task", Task.class, TaskId::value)
            .column(Column.uuid(
                    "customer_id",
                    t -> t.customerId() == null ? null : t.customerId().value()))
            .column(Column.of("assignee", String.class, t -> staff(t.assignee())))
            .column(Column.of("status", String.class, t -> t.status().name()))
            .column(Column.of("due_date", LocalDate.class, Task::dueDate))
            .build();

    static final Column<Order> ORDER_NUMBER = Column.of("order_number", String.class, Order::orderNumber);

    static final Table<OrderId, Order> ORDER = Table.builder("guanxi_order", Order.class, OrderId::value)
            .column(Column.uuid("customer_id", o -> o.customerId().value()))
            .column(ORDER_NUMBER)
            .column(Column.of("order_date", LocalDate.class, Order::orderDate))
            .column(Column.of("status", String.class, o -> o.status().name()))
            .column(Column.of("total_amount", BigDecimal.class, o -> o.total().amount()))
            .column(Column.of("currency", String.class, o -> o.currency().getCurrencyCode()))
            .column(Column.of("total_minor", Long.class, o -> o.total().minorUnits()))
            .column(Column.instant("created_at", Order::createdAt))
            .unique("orderNumber", ORDER_NUMBER)
            .children(new OrderLines())
            .build();

    static final Column<Invoice> INVOICE_NUMBER = Column.of("invoice_number", String.class, Invoice::invoiceNumber);

    static final Table<InvoiceId, Invoice> INVOICE = Table.builder("guanxi_invoice", Invoice.class, InvoiceId::value)
            .column(Column.uuid("customer_id", i -> i.customerId().value()))
            .column(INVOICE_NUMBER)
            .column(Column.of("status", String.class, i -> i.status().name()))
            .column(Column.of("open_flag", Boolean.class, i -> i.status().isOpen()))
            .column(Column.of("due_date", LocalDate.class, Invoice::dueDate))
            .column(Column.of("amount", BigDecimal.class, i -> i.amount().amount()))
            .column(Column.of(
                    "paid_amount", BigDecimal.class, i -> i.paidAmount().amount()))
            .column(Column.of(
                    "currency", String.class, i -> i.amount().currency().getCurrencyCode()))
            .unique("invoiceNumber", INVOICE_NUMBER)
            .build();

    static final Table<PaymentId, Payment> PAYMENT = Table.builder("guanxi_payment", Payment.class, PaymentId::value)
            .column(Column.uuid("customer_id", p -> p.customerId().value()))
            .column(Column.uuid(
                    "invoice_id",
                    p -> p.invoiceId() == null ? null : p.invoiceId().value()))
            .column(Column.of("received_on", LocalDate.class, Payment::receivedOn))
            .column(Column.of("amount", BigDecimal.class, p -> p.amount().amount()))
            .column(Column.of(
                    "currency", String.class, p -> p.amount().currency().getCurrencyCode()))
            .column(Column.instant("created_at", Payment::createdAt))
            .build();

    static final Table<OpportunityId, Opportunity> OPPORTUNITY = Table.builder(
                    "guanxi_opportunity", Opportunity.class, OpportunityId::value)
            .column(Column.uuid("customer_id", o -> o.customerId().value()))
            .column(Column.of("pipeline", String.class, Opportunity::pipeline))
            .column(Column.of("status", String.class, o -> o.status().name()))
            .column(Column.of("expected_close_date", LocalDate.class, Opportunity::expectedCloseDate))
            .column(Column.instant("created_at", Opportunity::createdAt))
            .build();

    static final Column<Contract> CONTRACT_NUMBER =
            Column.of("contract_number", String.class, Contract::contractNumber);

    static final Table<ContractId, Contract> CONTRACT = Table.builder(
                    "guanxi_contract", Contract.class, ContractId::value)
            .column(Column.uuid("customer_id", c -> c.customerId().value()))
            .column(CONTRACT_NUMBER)
            .column(Column.of("status", String.class, c -> c.status().name()))
            .column(Column.of("start_date", LocalDate.class, Contract::startDate))
            .column(Column.of("renewal_date", LocalDate.class, Contract::effectiveRenewalDate))
            .unique("contractNumber", CONTRACT_NUMBER)
            .build();

    static final Table<ServiceCaseId, ServiceCase> SERVICE_CASE = Table.builder(
                    "guanxi_service_case", ServiceCase.class, ServiceCaseId::value)
            .column(Column.uuid("customer_id", c -> c.customerId().value()))
            .column(Column.of("status", String.class, c -> c.status().name()))
            .column(Column.of("active", Boolean.class, ServiceCase::isActive))
            .column(Column.instant("opened_at", ServiceCase::openedAt))
            .column(Column.instant("sla_due_at", ServiceCase::slaDueAt))
            .build();

    static final Table<SurveyResponseId, SurveyResponse> SURVEY_RESPONSE = Table.builder(
                    "guanxi_survey_response", SurveyResponse.class, SurveyResponseId::value)
            .column(Column.uuid("customer_id", r -> r.customerId().value()))
            .column(Column.instant("responded_at", SurveyResponse::respondedAt))
            .build();

    static final Column<Campaign> CAMPAIGN_CODE = Column.of("code", String.class, Campaign::code);

    static final Table<CampaignId, Campaign> CAMPAIGN = Table.builder(
                    "guanxi_campaign", Campaign.class, CampaignId::value)
            .column(CAMPAIGN_CODE)
            .column(Column.of("status", String.class, c -> c.status().name()))
            .column(Column.of("start_date", LocalDate.class, Campaign::startDate))
            .unique("code", CAMPAIGN_CODE)
            .build();

    static final Column<CampaignResponse> RESPONSE_CAMPAIGN =
            Column.uuid("campaign_id", r -> r.campaignId().value());
    static final Column<CampaignResponse> RESPONSE_CUSTOMER =
            Column.uuid("customer_id", r -> r.customerId().value());

    static final Table<CampaignResponseId, CampaignResponse> CAMPAIGN_RESPONSE = Table.builder(
                    "guanxi_campaign_response", CampaignResponse.class, CampaignResponseId::value)
            .column(RESPONSE_CAMPAIGN)
            .column(RESPONSE_CUSTOMER)
            .column(Column.of("stage", String.class, r -> r.stage().name()))
            .column(Column.instant("responded_at", CampaignResponse::respondedAt))
            .unique(new UniqueKey<>(
                    "customerId",
                    List.of(RESPONSE_CAMPAIGN, RESPONSE_CUSTOMER),
                    r -> String.valueOf(List.of(r.campaignId(), r.customerId()))))
            .build();

    static final Column<Competitor> COMPETITOR_NAME_KEY = Column.of("name_key", String.class, Competitor::nameKey);

    static final Table<CompetitorId, Competitor> COMPETITOR = Table.builder(
                    "guanxi_competitor", Competitor.class, CompetitorId::value)
            .column(COMPETITOR_NAME_KEY)
            .column(Column.of("name_order", byte[].class, c -> c.nameKey().getBytes(StandardCharsets.UTF_8)))
            .unique(new UniqueKey<>("name", List.of(COMPETITOR_NAME_KEY), Competitor::nameKey))
            .build();

    static final Table<CompetitorDealingId, CompetitorDealing> COMPETITOR_DEALING = Table.builder(
                    "guanxi_competitor_dealing", CompetitorDealing.class, CompetitorDealingId::value)
            .column(Column.uuid("customer_id", d -> d.customerId().value()))
            .column(Column.uuid("competitor_id", d -> d.competitorId().value()))
            .column(Column.of("observed_on", LocalDate.class, CompetitorDealing::observedOn))
            .build();

    /** A customer's tags as rows, so that the tag filter is an indexed lookup. */
    static final Table<CustomerId, PointsAccount> POINTS_ACCOUNT = Table.builder(
                    "guanxi_points_account", PointsAccount.class, CustomerId::value)
            .column(Column.of("balance", Long.class, PointsAccount::balance))
            .column(Column.of("tier", String.class, PointsAccount::tier))
            .column(Column.of("next_expiry", LocalDate.class, PointsAccount::nextExpiry))
            .build();

    private static final class CustomerTags implements Children<Customer> {
        private static final String INSERT =
                "INSERT INTO guanxi_customer_tag (tenant_id, tag, customer_id) VALUES (?, ?, ?)";

        @Override
        public void insert(JdbcUnitOfWork uow, Customer c) {
            insertAll(uow, List.of(c));
        }

        @Override
        public void insertAll(JdbcUnitOfWork uow, List<Customer> customers) {
            SqlDialect sql = uow.sql();
            List<List<org.jdbi.v3.core.argument.Argument>> rows = new java.util.ArrayList<>();
            for (Customer c : customers) {
                for (String tag : c.tags()) {
                    rows.add(List.of(uow.tenantArg(), sql.plain(tag, String.class), sql.id(c.id().value())));
                }
            }
            uow.batch(INSERT, rows);
        }

        @Override
        public void delete(JdbcUnitOfWork uow, java.util.UUID id) {
            uow.update(
                    "DELETE FROM guanxi_customer_tag WHERE tenant_id = ? AND customer_id = ?",
                    List.of(uow.sql().id(id)));
        }
    }

    /** An order's lines as rows, for market-basket analysis and product statistics in SQL. */
    private static final class OrderLines implements Children<Order> {
        private static final String INSERT = "INSERT INTO guanxi_order_line (tenant_id, order_id, line_no, customer_id,"
                + " order_date, product_code, quantity, unit_price, discount, currency)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

        @Override
        public void insert(JdbcUnitOfWork uow, Order o) {
            insertAll(uow, List.of(o));
        }

        @Override
        public void insertAll(JdbcUnitOfWork uow, List<Order> orders) {
            List<List<org.jdbi.v3.core.argument.Argument>> rows = new java.util.ArrayList<>();
            for (Order o : orders) {
                addRows(uow, o, rows);
            }
            uow.batch(INSERT, rows);
        }

        @Override
        public boolean copyAll(JdbcUnitOfWork uow, org.postgresql.copy.CopyManager copy, List<Order> orders) {
            StringBuilder csv = new StringBuilder(orders.size() * 160);
            String tenant = uow.tenant().value();
            for (Order o : orders) {
                int n = 0;
                for (var line : o.lines()) {
                    PostgresCopy.field(csv, Column.Kind.PLAIN, tenant);
                    csv.append(',');
                    PostgresCopy.field(csv, Column.Kind.UUID, o.id().value());
                    csv.append(',').append(++n).append(',');
                    PostgresCopy.field(csv, Column.Kind.UUID, o.customerId().value());
                    csv.append(',').append(o.orderDate()).append(',');
                    PostgresCopy.field(csv, Column.Kind.PLAIN, line.productCode());
                    csv.append(',').append(line.quantity().toPlainString()).append(',');
                    csv.append(line.unitPrice().amount().toPlainString()).append(',');
                    PostgresCopy.field(csv, Column.Kind.PLAIN, amount(line.discount()));
                    csv.append(',')
                            .append(line.unitPrice().currency().getCurrencyCode())
                            .append('\n');
                }
            }
            PostgresCopy.copy(
                    uow,
                    copy,
                    PostgresCopy.statement(
                            "guanxi_order_line",
                            List.of(
                                    "tenant_id",
                                    "order_id",
                                    "line_no",
                                    "customer_id",
                                    "order_date",
                                    "product_code",
                                    "quantity",
                                    "unit_price",
                                    "discount",
                                    "currency")),
                    csv);
            return true;
        }

        private static void addRows(JdbcUnitOfWork uow, Order o, List<List<org.jdbi.v3.core.argument.Argument>> rows) {
            SqlDialect sql = uow.sql();
            int n = 0;
            for (var line : o.lines()) {
                rows.add(List.of(
                        uow.tenantArg(),
                        sql.id(o.id().value()),
                        sql.plain(++n, Integer.class),
                        sql.id(o.customerId().value()),
                        sql.plain(o.orderDate(), LocalDate.class),
                        sql.plain(line.productCode(), String.class),
                        sql.plain(line.quantity(), BigDecimal.class),
                        sql.plain(line.unitPrice().amount(), BigDecimal.class),
                        sql.plain(amount(line.discount()), BigDecimal.class),
                        sql.plain(line.unitPrice().currency().getCurrencyCode(), String.class)));
            }
        }

        @Override
        public void delete(JdbcUnitOfWork uow, java.util.UUID id) {
            uow.update(
                    "DELETE FROM guanxi_order_line WHERE tenant_id = ? AND order_id = ?",
                    List.of(uow.sql().id(id)));
        }
    }
}
