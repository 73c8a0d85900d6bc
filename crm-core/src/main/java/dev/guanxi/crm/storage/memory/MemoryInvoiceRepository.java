package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.spi.storage.InvoiceRepository;

/** In-memory {@link InvoiceRepository}. STUB: to be completed by the sales work. */
final class MemoryInvoiceRepository implements InvoiceRepository {
    MemoryInvoiceRepository(MemoryTransaction tx) {}
}
