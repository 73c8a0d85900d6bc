package dev.guanxi.crm.spi.storage;

/**
 * What a store can do beyond the SPI's contract.
 *
 * <p>Immutable and thread-safe.
 *
 * @param durable whether committed data survives a restart of the JVM
 * @param description a short human-readable name, e.g. {@code "in-memory"} or {@code "PostgreSQL 18.6"}
 */
public record StorageCapabilities(boolean durable, String description) {
    /** A store that promises nothing beyond the contract. */
    public static final StorageCapabilities NONE = new StorageCapabilities(false, "unknown");
}
