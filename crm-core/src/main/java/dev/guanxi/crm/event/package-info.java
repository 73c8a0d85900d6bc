/**
 * Domain events: immutable records under one sealed hierarchy, appended to the outbox in the transaction
 * that caused them and delivered to {@link dev.guanxi.crm.event.EventListener typed listeners} after commit.
 * A listener that throws is logged and skipped; it never undoes the commit nor keeps other listeners from
 * their events.
 *
 * <p>{@link dev.guanxi.crm.event.DomainEvent} has one sealed sub-interface per area ({@link
 * dev.guanxi.crm.event.CustomerEvent}, {@link dev.guanxi.crm.event.InteractionEvent}, {@link
 * dev.guanxi.crm.event.SalesEvent}, {@link dev.guanxi.crm.event.ServiceEvent}, {@link
 * dev.guanxi.crm.event.MarketingEvent}, {@link dev.guanxi.crm.event.CompetitorEvent}); every event carries
 * its {@link dev.guanxi.crm.event.EventMetadata} (id, tenant, time). Events are immutable and thread-safe.
 * Listeners run synchronously, in registration order, on the thread that made the change, once it has
 * committed; delivery is at least once.
 */
package dev.guanxi.crm.event;
