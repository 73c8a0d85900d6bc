package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.spi.storage.InteractionRepository;

/** In-memory {@link InteractionRepository}. STUB: to be completed by the interaction work. */
final class MemoryInteractionRepository implements InteractionRepository {
    MemoryInteractionRepository(MemoryTransaction tx) {}
}
