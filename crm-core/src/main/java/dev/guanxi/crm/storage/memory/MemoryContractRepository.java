package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.spi.storage.ContractRepository;

/** In-memory {@link ContractRepository}. STUB: to be completed by the sales work. */
final class MemoryContractRepository implements ContractRepository {
    MemoryContractRepository(MemoryTransaction tx) {}
}
