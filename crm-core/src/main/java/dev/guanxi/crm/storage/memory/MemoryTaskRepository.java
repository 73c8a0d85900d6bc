package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.spi.storage.TaskRepository;

/** In-memory {@link TaskRepository}. STUB: to be completed by the interaction work. */
final class MemoryTaskRepository implements TaskRepository {
    MemoryTaskRepository(MemoryTransaction tx) {}
}
