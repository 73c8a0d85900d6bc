/**
 * The audit trail behind {@link dev.guanxi.crm.audit.AuditTrail}: entities as flat fields and their differences,
 * the recorder of one write, and the read API. Not API.
 */
package dev.guanxi.crm.internal.audit;
