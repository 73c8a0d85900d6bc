/**
 * Paging for list queries: a {@link dev.guanxi.crm.query.PageRequest} (offset and limit) asks for a slice, a
 * {@link dev.guanxi.crm.query.Page} returns it with whether more follow. Every query returns its results in a
 * documented, deterministic order, so consecutive pages neither skip nor repeat results while the data does
 * not change. Both types are immutable and thread-safe.
 */
package dev.guanxi.crm.query;
