/**
 * Satisfaction and loyalty (客户满意, 客户忠诚): the loyalty score with its components, the loyalty type from
 * attitude × behaviour (true, latent, spurious, none; and the very satisfied, very frequent top group),
 * satisfaction as a per-customer time series with a trend, and the membership programme: tiers and the points
 * ledger.
 */
@dev.guanxi.crm.Beta
package dev.guanxi.crm.loyalty;
