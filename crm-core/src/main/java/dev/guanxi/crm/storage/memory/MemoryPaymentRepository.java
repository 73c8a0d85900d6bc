package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.spi.storage.PaymentRepository;

/** In-memory {@link PaymentRepository}. STUB: to be completed by the sales work. */
final class MemoryPaymentRepository implements PaymentRepository {
    MemoryPaymentRepository(MemoryTransaction tx) {}
}
