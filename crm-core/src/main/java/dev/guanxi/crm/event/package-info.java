/**
 * Domain events: immutable records under one sealed hierarchy, appended to the outbox in the transaction
 * that caused them and delivered to {@link dev.guanxi.crm.event.EventListener typed listeners} after commit.
 * A listener that throws is logged and skipped; it never undoes the commit nor keeps other listeners from
 * their events.
 */
package dev.guanxi.crm.event;
