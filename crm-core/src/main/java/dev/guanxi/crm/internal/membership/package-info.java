/**
 * The implementation of the membership programme: the points ledger's posting with idempotency and optimistic
 * retries, first-in-first-out expiry, and tier evaluation. Not API.
 */
package dev.guanxi.crm.internal.membership;
