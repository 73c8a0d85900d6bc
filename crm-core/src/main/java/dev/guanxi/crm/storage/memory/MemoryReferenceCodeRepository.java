package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.spi.storage.ReferenceCodeRepository;

/** In-memory {@link ReferenceCodeRepository}. STUB: to be completed by the customer work. */
final class MemoryReferenceCodeRepository implements ReferenceCodeRepository {
    MemoryReferenceCodeRepository(MemoryTransaction tx) {}
}
