/** Paging for list queries: every query returns its results in a documented, deterministic order. */
package dev.guanxi.crm.query;
