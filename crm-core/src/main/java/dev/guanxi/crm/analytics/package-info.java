/**
 * Customer-base analytics ("buy till you die" models): which customers are still alive, how much they will
 * buy, and the tracking forecast of a cohort's repeat purchases.
 *
 * <ul>
 *   <li>Input: {@link dev.guanxi.crm.analytics.TransactionLog} (columnar purchases a host fills, or built from
 *       the storage's streaming purchase scan) and {@link dev.guanxi.crm.analytics.CustomerSummaries}
 *       (frequency, recency, T, monetary value, holdout), compressed to weighted {@link
 *       dev.guanxi.crm.analytics.PurchasePatterns} for fitting.
 *   <li>Models: {@link dev.guanxi.crm.analytics.BgNbdModel}, {@link dev.guanxi.crm.analytics.ParetoNbdModel},
 *       {@link dev.guanxi.crm.analytics.MbgNbdModel}, all {@link dev.guanxi.crm.analytics.RepeatPurchaseModel}s,
 *       fitted by maximum likelihood into a {@link dev.guanxi.crm.analytics.ModelFit} that says whether it
 *       converged.
 *   <li>Forecast: {@link dev.guanxi.crm.analytics.PurchaseTracking}; synthetic data: {@link
 *       dev.guanxi.crm.analytics.BgNbdSimulator}.
 * </ul>
 *
 * <p>Numerics work on primitive arrays in log-space, allocation-free in the inner loops, in a fixed order
 * (the same input gives the same bits). No third-party type appears in a public signature. Invalid summaries
 * are {@link dev.guanxi.crm.ValidationException}s naming {@code frequency}, {@code recency} or {@code T}.
 */
@dev.guanxi.crm.Beta
package dev.guanxi.crm.analytics;
