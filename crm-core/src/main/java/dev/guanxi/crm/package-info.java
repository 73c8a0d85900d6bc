/**
 * Guanxi CRM: the {@link dev.guanxi.crm.Crm} entry point, tenant scoping ({@link dev.guanxi.crm.TenantId},
 * {@link dev.guanxi.crm.TenantCrm}) and the root of the SDK's unchecked exceptions ({@link
 * dev.guanxi.crm.CrmException}).
 *
 * <p>Start with {@code Crm.builder().build()}: it gives a CRM on the in-memory store, which is what host
 * applications' unit tests use. Production hosts pass a durable {@link dev.guanxi.crm.spi.storage.Storage}.
 */
package dev.guanxi.crm;
