/**
 * Credit (信用等级) and arrears (欠费风险): a credit grade from payment history, the collection policy that maps
 * each grade to actions, and the arrears early warning that flags a customer before an invoice is overdue.
 *
 * <p>Pure computation, no storage access: a host (or the scoring run) feeds the customers' invoices and credit
 * limits in.
 *
 * <ul>
 *   <li>{@link dev.guanxi.crm.credit.PaymentBehaviour} — one customer's features on a day, computed from the
 *       invoices ({@link dev.guanxi.crm.credit.PaymentBehaviour#of PaymentBehaviour.of}) or supplied by the
 *       host; {@link dev.guanxi.crm.credit.PaymentBehaviours} holds them for n customers in primitive columns.
 *   <li>{@link dev.guanxi.crm.credit.CreditScoring} — the policy that turns features into a score from 0 to 100
 *       and a grade of a {@link dev.guanxi.crm.credit.CreditScale}, explained by a {@link
 *       dev.guanxi.crm.credit.CreditAssessment}; {@code scoreAll} scores a batch into arrays.
 *   <li>{@link dev.guanxi.crm.credit.CollectionPolicy} — the {@link dev.guanxi.crm.credit.CollectionAction}s
 *       of each grade: convenience for good grades, then reminders, time-limited deferral (限时缓缴), dunning
 *       visits (上门促缴), suspension of service (停电催缴) and prepayment (预缴).
 *   <li>{@link dev.guanxi.crm.credit.ArrearsEarlyWarning} — the early warning: an {@link
 *       dev.guanxi.crm.credit.ArrearsWarning} (and its {@link dev.guanxi.crm.event.ArrearsWarningRaised} event)
 *       for a customer whose days to pay rise or whose credit limit is nearly used, before anything is overdue.
 * </ul>
 *
 * <p>Every type here is immutable and thread-safe except the builders.
 */
@dev.guanxi.crm.Beta
package dev.guanxi.crm.credit;
