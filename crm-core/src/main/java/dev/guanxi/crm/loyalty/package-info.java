/**
 * Satisfaction and loyalty (客户满意, 客户忠诚): the loyalty score with its components, the loyalty type from
 * attitude × behaviour (true, latent, spurious, none; and the very satisfied, very frequent top group),
 * satisfaction as a per-customer time series with a trend, and the membership programme: tiers and the points
 * ledger. The score side is pure computation fed by the host or the scoring run: {@link
 * dev.guanxi.crm.loyalty.SatisfactionTrend} per customer, {@link dev.guanxi.crm.loyalty.LoyaltyScoring} (the policy)
 * turning {@link dev.guanxi.crm.loyalty.LoyaltyInputs} into a {@link dev.guanxi.crm.loyalty.LoyaltyScore}, and
 * {@link dev.guanxi.crm.loyalty.LoyaltyScores} for many customers in primitive columns.
 */
@dev.guanxi.crm.Beta
package dev.guanxi.crm.loyalty;
