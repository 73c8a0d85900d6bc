package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.spi.storage.OrderRepository;

/** In-memory {@link OrderRepository}. STUB: to be completed by the sales work. */
final class MemoryOrderRepository implements OrderRepository {
    MemoryOrderRepository(MemoryTransaction tx) {}
}
