/**
 * The implementation of {@link dev.guanxi.crm.jdbc.JdbcStorage}: tables, repositories, JSON documents,
 * migrations. Not an API: public only where the parent package needs it; may change in any release.
 */
package dev.guanxi.crm.jdbc.internal;
