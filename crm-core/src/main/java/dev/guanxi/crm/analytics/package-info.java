/**
 * Customer-base analytics ("buy till you die" models): which customers are still alive, how many purchases they
 * will make, how much they will spend, what they are worth, and the tracking forecast of a cohort's repeat
 * purchases.
 *
 * <p><b>Where to start.</b> Build a {@link dev.guanxi.crm.analytics.TransactionLog} (filled by the host, or from
 * the storage with {@link dev.guanxi.crm.analytics.TransactionLog#fromPurchases(dev.guanxi.crm.TenantCrm)}), turn
 * it into {@link dev.guanxi.crm.analytics.CustomerSummaries} (frequency x, recency t_x, age T, monetary value,
 * holdout) in a {@link dev.guanxi.crm.analytics.PeriodUnit}, and fit a {@link dev.guanxi.crm.analytics.BgNbdModel}
 * first: it is the standard, fast model. Then add the {@link dev.guanxi.crm.analytics.GammaGammaModel} for spend
 * and the {@link dev.guanxi.crm.analytics.CustomerLifetimeValue} for value:
 *
 * <pre>{@code
 * CustomerSummaries s = CustomerSummaries.fromLog(TransactionLog.fromPurchases(tenant), end, PeriodUnit.WEEKS);
 * BgNbdModel purchases = BgNbdModel.fit(s).requireConverged();
 * double alive = purchases.probabilityAlive(s.frequency(0), s.recency(0), s.age(0));
 * GammaGammaModel spend = GammaGammaModel.fit(s.frequencies(), s.monetaryValues()).requireConverged();
 * double[] clv = CustomerLifetimeValue.of(purchases, spend, s.unit(), 12, 0.01)
 *         .values(s.frequencies(), s.recencies(), s.ages(), s.monetaryValues());
 * }</pre>
 *
 * <p><b>The models.</b>
 *
 * <ul>
 *   <li>{@link dev.guanxi.crm.analytics.BgNbdModel} (BG/NBD, Fader, Hardie &amp; Lee 2005): continuous-time
 *       purchases; a customer may drop out right after any purchase. The recommended default.
 *   <li>{@link dev.guanxi.crm.analytics.ParetoNbdModel} (Pareto/NBD, Schmittlein, Morrison &amp; Colombo 1987):
 *       drop-out at any time, not only after a purchase; slower to fit (numerical gradient).
 *   <li>{@link dev.guanxi.crm.analytics.MbgNbdModel} (MBG/NBD, Batislam et al. 2007): BG/NBD where customers
 *       without repeat purchases may also have dropped out.
 *   <li>All three are {@link dev.guanxi.crm.analytics.RepeatPurchaseModel}s (probability alive, conditional
 *       expected purchases), fitted on weighted {@link dev.guanxi.crm.analytics.PurchasePatterns}.
 *   <li>{@link dev.guanxi.crm.analytics.BetaGeometricBetaBinomialModel} (BG/BB, Fader, Hardie &amp; Shang 2010):
 *       discrete-time purchase opportunities (yearly donations, issues of a subscription), on integer patterns
 *       (x, t_x, n).
 *   <li>{@link dev.guanxi.crm.analytics.GammaGammaModel} (Fader &amp; Hardie 2013): the expected average value of
 *       a customer's transactions, assumed independent of the purchase process.
 *   <li>{@link dev.guanxi.crm.analytics.CustomerLifetimeValue}: discounted monthly value over a horizon, from a
 *       repeat-purchase model and the Gamma-Gamma model; start with {@link
 *       dev.guanxi.crm.analytics.CustomerLifetimeValue#of(RepeatPurchaseModel, GammaGammaModel, PeriodUnit, int,
 *       double)}.
 *   <li>{@link dev.guanxi.crm.analytics.PurchaseTracking}: the tracking forecast, expected against actual repeat
 *       purchases of a cohort period by period; synthetic data: {@link dev.guanxi.crm.analytics.BgNbdSimulator}.
 * </ul>
 *
 * <p><b>Fits.</b> Every model is fitted by maximum likelihood (one BFGS optimiser on the logarithms of the
 * parameters) into a {@link dev.guanxi.crm.analytics.ModelFit}: {@code model()} is the final iterate, {@code
 * isConverged()} says whether it is a proper maximum (gradient small, Hessian positive definite, no parameter
 * running to 0 or infinity), and {@code requireConverged()} returns the model or throws {@link
 * dev.guanxi.crm.analytics.FitNotConvergedException}. {@link dev.guanxi.crm.analytics.FitOptions} sets the limits.
 *
 * <p><b>Sales statistics.</b> {@link dev.guanxi.crm.analytics.SalesStatistics} adds up sales, orders, units,
 * payments collected, overdue amounts, invoices issued, service cases opened and resolved and campaign responses
 * in one pass over the stored records (customers first), grouped by the {@link
 * dev.guanxi.crm.analytics.StatisticsDimension}s of a {@link dev.guanxi.crm.analytics.StatisticsRequest} (owner,
 * region, customer type, product, {@link dev.guanxi.crm.analytics.StatisticsPeriod period}); the result is a
 * {@link dev.guanxi.crm.analytics.StatisticsTable} of {@link dev.guanxi.crm.analytics.StatisticsRow}s with a grand
 * total, exact amounts in one base currency, columns per {@link dev.guanxi.crm.analytics.StatisticsMeasure} for
 * charts and a text rendering.
 *
 * <p><b>Market baskets.</b> "Customers who bought beer also bought diapers": collect order lines in {@link
 * dev.guanxi.crm.analytics.Baskets} (one basket per order or per customer, by the key given; from {@link
 * dev.guanxi.crm.sales.Order}s with {@link dev.guanxi.crm.analytics.Baskets#fromOrders(Iterable)}), mine them with
 * {@link dev.guanxi.crm.analytics.AssociationRules#mine(Baskets, AssociationOptions)} (FP-growth; thresholds in
 * {@link dev.guanxi.crm.analytics.AssociationOptions}) into {@link dev.guanxi.crm.analytics.FrequentItemset}s and
 * {@link dev.guanxi.crm.analytics.AssociationRule}s with support, confidence and lift, and ask for {@link
 * dev.guanxi.crm.analytics.Recommendation}s for what a customer has bought. Every itemset, rule and recommendation
 * explains itself with {@code reason()}.
 *
 * <p>Numerics work on primitive arrays in log-space, allocation-free in the inner loops, in a fixed order (the
 * same input gives the same bits). No third-party type appears in a public signature. Invalid input is a {@link
 * dev.guanxi.crm.ValidationException} naming the field ({@code frequency}, {@code recency}, {@code T} or {@code
 * age}, {@code periods}, {@code monetaryValue}, {@code weight}, ...).
 */
@dev.guanxi.crm.Beta
package dev.guanxi.crm.analytics;
