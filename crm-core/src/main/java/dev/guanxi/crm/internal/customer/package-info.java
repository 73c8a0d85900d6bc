/**
 * Implementation of the customer archive and the reference code tables: {@link
 * dev.guanxi.crm.internal.customer.DefaultCustomers}, {@link dev.guanxi.crm.internal.customer.DefaultReferenceCodes}
 * and the checks a customer write makes against the tenant and the clock. Not API.
 */
package dev.guanxi.crm.internal.customer;
