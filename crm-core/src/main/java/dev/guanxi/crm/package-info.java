/**
 * Guanxi CRM: the {@link dev.guanxi.crm.Crm} entry point, tenant scoping ({@link dev.guanxi.crm.TenantId},
 * {@link dev.guanxi.crm.TenantCrm}) and the root of the SDK's unchecked exceptions ({@link
 * dev.guanxi.crm.CrmException}).
 *
 * <p>Start with {@code Crm.builder().build()}: it gives a CRM on the in-memory store, which is what host
 * applications' unit tests use. Production hosts pass a durable {@link dev.guanxi.crm.spi.storage.Storage}.
 *
 * <p>Also here is the vocabulary every area shares: {@link dev.guanxi.crm.Aggregate} (an entity stored as
 * one unit under a version), {@link dev.guanxi.crm.StaffId} (the host's user id of a member of staff),
 * {@link dev.guanxi.crm.Channel} (the contact channels) and the {@link dev.guanxi.crm.Beta} mark for new API.
 * The exceptions say what happened: {@link dev.guanxi.crm.ValidationException} (with its {@link
 * dev.guanxi.crm.Violation}s and their {@link dev.guanxi.crm.ValidationRule}s, and the subclass {@link
 * dev.guanxi.crm.DuplicateKeyException}), {@link dev.guanxi.crm.NotFoundException}, {@link
 * dev.guanxi.crm.StaleVersionException}, {@link dev.guanxi.crm.IllegalTransitionException} and {@link
 * dev.guanxi.crm.TenantMismatchException}.
 *
 * <p>{@code Crm}, {@code TenantCrm} and the APIs obtained from them are thread-safe; ids, value objects,
 * commands, events and aggregates are immutable, most of them records. Builders are not thread-safe.
 */
package dev.guanxi.crm;
