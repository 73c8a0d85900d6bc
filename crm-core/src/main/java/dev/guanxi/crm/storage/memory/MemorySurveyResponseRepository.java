package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.spi.storage.SurveyResponseRepository;

/** In-memory {@link SurveyResponseRepository}. STUB: to be completed by the service work. */
final class MemorySurveyResponseRepository implements SurveyResponseRepository {
    MemorySurveyResponseRepository(MemoryTransaction tx) {}
}
