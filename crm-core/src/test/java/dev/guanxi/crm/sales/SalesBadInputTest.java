package dev.guanxi.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.money.CurrencyMismatchException;
import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input to the sales API, one row each: the exception names the field and the rule, and
 * nothing was stored and no event published.
 */
@DisplayName("Bad input to the sales API")
class SalesBadInputTest extends SalesTestSupport {

    /** One attempt against the API with the test's customer. */
    @FunctionalInterface
    interface Attempt {
        void run(Sales sales, CustomerId customer);
    }

    private static OrderLine line(String price) {
        return OrderLine.of("SKU", 1, usd(price));
    }

    private static void order(Sales s, CustomerId c, OrderLine line) {
        s.recordPurchase(NewOrder.builder(c, TODAY).line(line).build());
    }

    private static NewInvoice.Builder invoice(CustomerId c, String number, Money amount) {
        return NewInvoice.builder(c, number, amount).issuedOn(TODAY);
    }

    private static NewContract.Builder contract(CustomerId c) {
        return NewContract.builder(c, ContractKind.SALES, "C-1", "Supply")
                .period(TODAY, TODAY.plusYears(1))
                .value(usd("10.00"));
    }

    static Stream<Arguments> validationCases() {
        return Stream.of(
                row(
                        "negative quantity",
                        "quantity",
                        ValidationRule.OUT_OF_RANGE,
                        (s, c) -> order(s, c, OrderLine.of("SKU", new BigDecimal("-1"), usd("1.00")))),
                row(
                        "zero quantity",
                        "quantity",
                        ValidationRule.OUT_OF_RANGE,
                        (s, c) -> order(s, c, OrderLine.of("SKU", BigDecimal.ZERO, usd("1.00")))),
                row(
                        "quantity with 7 decimals",
                        "quantity",
                        ValidationRule.SCALE,
                        (s, c) -> order(s, c, OrderLine.of("SKU", new BigDecimal("1.0000001"), usd("1.00")))),
                row(
                        "null quantity",
                        "quantity",
                        ValidationRule.REQUIRED,
                        (s, c) -> order(s, c, OrderLine.of("SKU", (BigDecimal) null, usd("1.00")))),
                row(
                        "negative unit price",
                        "unitPrice",
                        ValidationRule.OUT_OF_RANGE,
                        (s, c) -> order(s, c, line("-0.01"))),
                row(
                        "negative discount",
                        "discount",
                        ValidationRule.OUT_OF_RANGE,
                        (s, c) -> order(s, c, line("1.00").withDiscount(usd("-0.01")))),
                row(
                        "discount above gross",
                        "discount",
                        ValidationRule.OUT_OF_RANGE,
                        (s, c) -> order(s, c, line("1.00").withDiscount(usd("1.01")))),
                row("USD 1.005", "amount", ValidationRule.SCALE, (s, c) -> order(s, c, line("1.005"))),
                row(
                        "JPY 1.5",
                        "amount",
                        ValidationRule.SCALE,
                        (s, c) -> order(s, c, OrderLine.of("SKU", 1, Money.of("1.5", "JPY")))),
                row(
                        "unknown currency",
                        "currency",
                        ValidationRule.UNKNOWN_CURRENCY,
                        (s, c) -> order(s, c, OrderLine.of("SKU", 1, Money.of("1.00", "XYZ")))),
                row(
                        "currency without minor unit",
                        "currency",
                        ValidationRule.UNKNOWN_CURRENCY,
                        (s, c) -> order(s, c, OrderLine.of("SKU", 1, Money.of("1", "XAU")))),
                row("not a number", "amount", ValidationRule.INVALID_FORMAT, (s, c) -> order(s, c, line("1,00"))),
                row(
                        "mixed currencies",
                        "currency",
                        ValidationRule.CURRENCY_MISMATCH,
                        (s, c) -> s.recordPurchase(NewOrder.builder(c, TODAY)
                                .line(line("1.00"))
                                .line(OrderLine.of("EU", 1, eur("1.00")))
                                .build())),
                row(
                        "no lines",
                        "lines",
                        ValidationRule.REQUIRED,
                        (s, c) -> s.recordPurchase(NewOrder.builder(c, TODAY).build())),
                row(
                        "future order date",
                        "orderDate",
                        ValidationRule.FUTURE,
                        (s, c) -> s.recordPurchase(NewOrder.builder(c, TODAY.plusDays(2))
                                .line(line("1.00"))
                                .build())),
                row(
                        "missing order date",
                        "orderDate",
                        ValidationRule.REQUIRED,
                        (s, c) -> s.recordPurchase(
                                NewOrder.builder(c, null).line(line("1.00")).build())),
                row(
                        "NUL in product code",
                        "productCode",
                        ValidationRule.ILLEGAL_CHARACTER,
                        (s, c) -> order(s, c, OrderLine.of("SKU\u0000", 1, usd("1.00")))),
                row(
                        "blank product code",
                        "productCode",
                        ValidationRule.BLANK,
                        (s, c) -> order(s, c, OrderLine.of("  ", 1, usd("1.00")))),
                row(
                        "NUL in description",
                        "description",
                        ValidationRule.ILLEGAL_CHARACTER,
                        (s, c) -> order(s, c, line("1.00").withDescription("a\u0000b"))),
                row(
                        "NUL in order number",
                        "orderNumber",
                        ValidationRule.ILLEGAL_CHARACTER,
                        (s, c) -> s.recordPurchase(NewOrder.builder(c, TODAY)
                                .orderNumber("SO\u0000")
                                .line(line("1.00"))
                                .build())),
                row(
                        "oversize order number",
                        "orderNumber",
                        ValidationRule.TOO_LONG,
                        (s, c) -> s.recordPurchase(NewOrder.builder(c, TODAY)
                                .orderNumber("9".repeat(65))
                                .line(line("1.00"))
                                .build())),
                row(
                        "zero invoice amount",
                        "amount",
                        ValidationRule.OUT_OF_RANGE,
                        (s, c) -> s.issueInvoice(invoice(c, "I-1", usd("0.00")).build())),
                row(
                        "negative invoice amount",
                        "amount",
                        ValidationRule.OUT_OF_RANGE,
                        (s, c) -> s.issueInvoice(invoice(c, "I-1", usd("-5.00")).build())),
                row(
                        "due date before issue date",
                        "dueDate",
                        ValidationRule.DATE_ORDER,
                        (s, c) -> s.issueInvoice(invoice(c, "I-1", usd("5.00"))
                                .dueOn(TODAY.minusDays(1))
                                .build())),
                row(
                        "due date more than 100 years ahead",
                        "dueDate",
                        ValidationRule.FUTURE,
                        (s, c) -> s.issueInvoice(invoice(c, "I-1", usd("5.00"))
                                .dueOn(TODAY.plusYears(100).plusDays(1))
                                .build())),
                row(
                        "future issue date",
                        "issueDate",
                        ValidationRule.FUTURE,
                        (s, c) -> s.issueInvoice(invoice(c, "I-1", usd("5.00"))
                                .issuedOn(TODAY.plusDays(2))
                                .dueOn(TODAY.plusDays(30))
                                .build())),
                row(
                        "blank invoice number",
                        "invoiceNumber",
                        ValidationRule.BLANK,
                        (s, c) -> s.issueInvoice(invoice(c, " ", usd("5.00")).build())),
                row(
                        "NUL in invoice number",
                        "invoiceNumber",
                        ValidationRule.ILLEGAL_CHARACTER,
                        (s, c) -> s.issueInvoice(
                                invoice(c, "I\u0000", usd("5.00")).build())),
                row(
                        "invoice for an unknown order",
                        "orderId",
                        ValidationRule.UNKNOWN_REFERENCE,
                        (s, c) -> s.issueInvoice(invoice(c, "I-1", usd("5.00"))
                                .forOrder(OrderId.random())
                                .build())),
                row(
                        "zero payment",
                        "amount",
                        ValidationRule.OUT_OF_RANGE,
                        (s, c) -> s.recordPayment(
                                NewPayment.builder(c, usd("0.00"), TODAY).build())),
                row(
                        "negative payment",
                        "amount",
                        ValidationRule.OUT_OF_RANGE,
                        (s, c) -> s.recordPayment(
                                NewPayment.builder(c, usd("-1.00"), TODAY).build())),
                row(
                        "future payment date",
                        "receivedOn",
                        ValidationRule.FUTURE,
                        (s, c) -> s.recordPayment(NewPayment.builder(c, usd("1.00"), TODAY.plusDays(2))
                                .build())),
                row(
                        "payment for an unknown invoice",
                        "invoiceId",
                        ValidationRule.UNKNOWN_REFERENCE,
                        (s, c) -> s.recordPayment(NewPayment.builder(c, usd("1.00"), TODAY)
                                .forInvoice(InvoiceId.random())
                                .build())),
                row(
                        "NUL in payment reference",
                        "reference",
                        ValidationRule.ILLEGAL_CHARACTER,
                        (s, c) -> s.recordPayment(NewPayment.builder(c, usd("1.00"), TODAY)
                                .reference("R\u0000")
                                .build())),
                row(
                        "missing payment method",
                        "method",
                        ValidationRule.REQUIRED,
                        (s, c) -> s.recordPayment(NewPayment.builder(c, usd("1.00"), TODAY)
                                .method(null)
                                .build())),
                row(
                        "unknown pipeline",
                        "pipeline",
                        ValidationRule.UNKNOWN_CODE,
                        (s, c) -> s.openOpportunity(NewOpportunity.builder(c, "Deal", usd("1.00"))
                                .pipeline("nope")
                                .build())),
                row(
                        "unknown stage",
                        "stage",
                        ValidationRule.UNKNOWN_CODE,
                        (s, c) -> s.openOpportunity(NewOpportunity.builder(c, "Deal", usd("1.00"))
                                .stage("WON")
                                .build())),
                row(
                        "badly formed stage",
                        "stage",
                        ValidationRule.INVALID_FORMAT,
                        (s, c) -> s.openOpportunity(NewOpportunity.builder(c, "Deal", usd("1.00"))
                                .stage("no spaces")
                                .build())),
                row(
                        "probability above 100",
                        "probability",
                        ValidationRule.OUT_OF_RANGE,
                        (s, c) -> s.openOpportunity(NewOpportunity.builder(c, "Deal", usd("1.00"))
                                .probability(101)
                                .build())),
                row(
                        "negative opportunity amount",
                        "amount",
                        ValidationRule.OUT_OF_RANGE,
                        (s, c) -> s.openOpportunity(
                                NewOpportunity.builder(c, "Deal", usd("-1.00")).build())),
                row(
                        "expected close date 101 years ahead",
                        "expectedCloseDate",
                        ValidationRule.FUTURE,
                        (s, c) -> s.openOpportunity(NewOpportunity.builder(c, "Deal", usd("1.00"))
                                .expectedCloseDate(TODAY.plusYears(101))
                                .build())),
                row(
                        "NUL in opportunity name",
                        "name",
                        ValidationRule.ILLEGAL_CHARACTER,
                        (s, c) -> s.openOpportunity(NewOpportunity.builder(c, "De\u0000al", usd("1.00"))
                                .build())),
                row(
                        "oversize opportunity name",
                        "name",
                        ValidationRule.TOO_LONG,
                        (s, c) -> s.openOpportunity(NewOpportunity.builder(c, "名".repeat(201), usd("1.00"))
                                .build())),
                row(
                        "contract ending before it starts",
                        "endDate",
                        ValidationRule.DATE_ORDER,
                        (s, c) -> s.createContract(
                                contract(c).period(TODAY, TODAY.minusDays(1)).build())),
                row(
                        "renewal date before the start",
                        "renewalDate",
                        ValidationRule.DATE_ORDER,
                        (s, c) -> s.createContract(
                                contract(c).renewalDate(TODAY.minusDays(1)).build())),
                row(
                        "contract ending 101 years ahead",
                        "endDate",
                        ValidationRule.FUTURE,
                        (s, c) -> s.createContract(
                                contract(c).period(TODAY, TODAY.plusYears(101)).build())),
                row(
                        "negative contract value",
                        "value",
                        ValidationRule.OUT_OF_RANGE,
                        (s, c) ->
                                s.createContract(contract(c).value(usd("-1.00")).build())),
                row(
                        "missing contract value",
                        "value",
                        ValidationRule.REQUIRED,
                        (s, c) -> s.createContract(contract(c).value(null).build())),
                row(
                        "NUL in contract title",
                        "title",
                        ValidationRule.ILLEGAL_CHARACTER,
                        (s, c) -> s.createContract(NewContract.builder(c, ContractKind.SALES, "C-1", "Sup\u0000ply")
                                .period(TODAY, TODAY.plusYears(1))
                                .value(usd("1.00"))
                                .build())),
                row(
                        "missing contract kind",
                        "kind",
                        ValidationRule.REQUIRED,
                        (s, c) -> s.createContract(NewContract.builder(c, null, "C-1", "Supply")
                                .period(TODAY, TODAY.plusYears(1))
                                .value(usd("1.00"))
                                .build())));
    }

    static Stream<Arguments> unknownCustomerCases() {
        CustomerId stranger = CustomerId.random();
        return Stream.of(
                Arguments.of("purchase", (Attempt) (s, c) -> order(s, stranger, line("1.00"))),
                Arguments.of("invoice", (Attempt) (s, c) ->
                        s.issueInvoice(invoice(stranger, "I-1", usd("1.00")).build())),
                Arguments.of("payment", (Attempt) (s, c) -> s.recordPayment(
                        NewPayment.builder(stranger, usd("1.00"), TODAY).build())),
                Arguments.of("opportunity", (Attempt) (s, c) -> s.openOpportunity(
                        NewOpportunity.builder(stranger, "Deal", usd("1.00")).build())),
                Arguments.of("contract", (Attempt)
                        (s, c) -> s.createContract(contract(stranger).build())),
                Arguments.of("list orders", (Attempt) (s, c) -> s.listOrders(stranger, ALL)),
                Arguments.of("list invoices", (Attempt) (s, c) -> s.listOpenInvoices(stranger, ALL)),
                Arguments.of("list payments", (Attempt) (s, c) -> s.listPayments(stranger, ALL)),
                Arguments.of("list opportunities", (Attempt) (s, c) -> s.listOpportunities(stranger, ALL)),
                Arguments.of("list contracts", (Attempt) (s, c) -> s.listContracts(stranger, ALL)));
    }

    private static Arguments row(String name, String field, ValidationRule rule, Attempt attempt) {
        return Arguments.of(name, field, rule, attempt);
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("validationCases")
    @DisplayName("bad input is a ValidationException naming field and rule, and nothing is stored")
    void validation(String name, String field, ValidationRule rule, Attempt attempt) {
        assertThatThrownBy(() -> attempt.run(sales, customer))
                .as(name)
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).as("field").isEqualTo(field);
                    assertThat(e.rule()).as("rule").isEqualTo(rule);
                    if (rule == ValidationRule.CURRENCY_MISMATCH) {
                        assertThat(e).isInstanceOf(CurrencyMismatchException.class);
                    }
                });
        assertNothingStored();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownCustomerCases")
    @DisplayName("a customer unknown in this tenant is NoSuchCustomerException, and nothing is stored")
    void unknownCustomer(String name, Attempt attempt) {
        assertThatThrownBy(() -> attempt.run(sales, customer)).as(name).isInstanceOf(NoSuchCustomerException.class);
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(sales.listOrders(customer, ALL).items()).isEmpty();
        assertThat(sales.listInvoices(customer, ALL).items()).isEmpty();
        assertThat(sales.listPayments(customer, ALL).items()).isEmpty();
        assertThat(sales.listOpportunities(customer, ALL).items()).isEmpty();
        assertThat(sales.listContracts(customer, ALL).items()).isEmpty();
        assertThat(sales.listOpenOpportunities(ALL).items()).isEmpty();
        assertThat(sales.listOverdueInvoices(LocalDate.MAX, ALL).items()).isEmpty();
        assertThat(sales.scanPurchases((c, d, a, cur) -> {})).isZero();
        assertThat(events()).isEmpty();
    }
}
