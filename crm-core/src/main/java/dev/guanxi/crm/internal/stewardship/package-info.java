/**
 * Duplicate detection behind {@link dev.guanxi.crm.stewardship.Stewardship}: the built-in matchers, string
 * similarity, and the blocking scan. Not API.
 */
package dev.guanxi.crm.internal.stewardship;
