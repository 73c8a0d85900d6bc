/**
 * Durable CRM storage on JDBC through jdbi: {@link dev.guanxi.crm.jdbc.JdbcStorage} for H2 (embedded, the
 * default), PostgreSQL and MariaDB, with versioned migrations per {@link dev.guanxi.crm.jdbc.Dialect}.
 *
 * <p>Everything outside this package ({@code dev.guanxi.crm.jdbc.internal}) is implementation and may change
 * in any release.
 */
package dev.guanxi.crm.jdbc;
