/**
 * The audit trail: every change to every entity, recorded in the transaction that makes it — who, when, what,
 * the value of each field before and after, and the call's correlation id. Read it through {@link
 * dev.guanxi.crm.audit.AuditTrail} ({@code crm.tenant(id).audit()}): a customer's timeline, an entity's history,
 * a call's changes. Records are {@link dev.guanxi.crm.audit.AuditRecord}s of {@link
 * dev.guanxi.crm.audit.FieldChange}s; they cannot be changed or deleted through the API.
 *
 * <p>Everything here is immutable and thread-safe.
 */
package dev.guanxi.crm.audit;
