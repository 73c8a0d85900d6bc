/**
 * The storage SPI: what a store must provide so that {@link dev.guanxi.crm.Crm} can run on it.
 *
 * <p>A {@link dev.guanxi.crm.spi.storage.Storage} runs {@link dev.guanxi.crm.spi.storage.UnitOfWork units of
 * work}; a unit of work is one transaction in one tenant and hands out one repository per aggregate. Every
 * repository call is scoped to that tenant. Updates and deletes name the version they expect and fail with
 * {@link dev.guanxi.crm.StaleVersionException} when it is no longer current; a value that must be unique per
 * tenant fails with {@link dev.guanxi.crm.DuplicateKeyException}. Lists are paged and ordered
 * deterministically. Failures of the underlying store are translated to {@link
 * dev.guanxi.crm.spi.storage.StorageException}; no driver exception escapes.
 *
 * <p>Threading: a {@code Storage} is shared by every thread of the host and must be thread-safe; a unit of
 * work, its repositories and its {@link dev.guanxi.crm.spi.storage.EventOutbox outbox} belong to the one
 * thread running its {@link dev.guanxi.crm.spi.storage.TransactionWork work} and need not be.
 *
 * <p>Besides the aggregates' repositories, a unit of work hands out the journals of the stewardship features, e.g.
 * the {@link dev.guanxi.crm.spi.storage.ImportJournalRepository import journal}, which the SDK writes in the same
 * transaction as the rows it describes.
 *
 * <p>The SPI only grows, by default methods. The conformance kit in {@code crm-test}
 * ({@code dev.guanxi.crm.test.tck.StorageConformanceKit}) checks an implementation against this contract.
 */
package dev.guanxi.crm.spi.storage;
