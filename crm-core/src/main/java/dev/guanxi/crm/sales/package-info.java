/**
 * The sales area (销售): purchases ({@link dev.guanxi.crm.sales.Order} with {@link
 * dev.guanxi.crm.sales.OrderLine}s), receivables ({@link dev.guanxi.crm.sales.Invoice}) and {@link
 * dev.guanxi.crm.sales.Payment}s — the payment history credit grading works from —, opportunities on
 * configurable {@link dev.guanxi.crm.sales.Pipeline}s (opportunity → project → maintenance), and {@link
 * dev.guanxi.crm.sales.Contract}s.
 *
 * <p>The API is {@link dev.guanxi.crm.sales.Sales}, obtained from {@code crm.tenant(id).sales()}. Aggregates
 * are immutable records that validate themselves; hosts create them through draft records ({@code NewOrder},
 * {@code NewInvoice}, {@code NewPayment}, {@code NewOpportunity}, {@code NewContract}) that carry no id,
 * version or timestamp. Each status is an enum with its transition table. The purchase scan ({@link
 * dev.guanxi.crm.sales.PurchaseVisitor}) streams purchases to the analytics without domain objects.
 *
 * <p>Money is exact ({@link dev.guanxi.crm.money.Money}); the only rounding is a line's {@code quantity ×
 * unitPrice}, {@link java.math.RoundingMode#HALF_UP HALF_UP} to the currency's scale.
 */
package dev.guanxi.crm.sales;
