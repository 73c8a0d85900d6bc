/**
 * Who makes a call: the {@link dev.guanxi.crm.access.Principal} a host binds to a tenant's CRM ({@code
 * crm.tenant(id).as(principal)}), recorded as the author of every change in the audit trail.
 *
 * <p>Everything here is immutable and thread-safe.
 */
package dev.guanxi.crm.access;
