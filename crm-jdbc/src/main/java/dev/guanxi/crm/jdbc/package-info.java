/**
 * Durable storage on JDBC (H2, PostgreSQL, MariaDB). Not yet implemented: this module builds empty until the
 * storage issue lands; until then use the in-memory store of {@code crm-core}.
 */
package dev.guanxi.crm.jdbc;
