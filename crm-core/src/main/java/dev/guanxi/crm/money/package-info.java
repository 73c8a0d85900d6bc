/**
 * Exact money: {@link dev.guanxi.crm.money.Money} is a {@code BigDecimal} at its ISO 4217 currency's scale.
 * No {@code double} is used for money anywhere in the SDK, amounts of different currencies are never
 * combined silently, and rounding happens only where a caller names a {@link java.math.RoundingMode}.
 */
package dev.guanxi.crm.money;
