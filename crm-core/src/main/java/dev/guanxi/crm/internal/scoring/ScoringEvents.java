package dev.guanxi.crm.internal.scoring;

import dev.guanxi.crm.classification.AbcGrading;
import dev.guanxi.crm.classification.ScoringResult;
import dev.guanxi.crm.event.CustomerGradeChanged;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.EventMetadata;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the difference between a customer's previous and new snapshot into events. */
final class ScoringEvents {
    private ScoringEvents() {}

    /** Detects one kind of change. */
    @FunctionalInterface
    interface Detector {
        Optional<DomainEvent> detect(
                ScoringResult result,
                int i,
                Map<String, String> before,
                ScoreSnapshot after,
                EventMetadata metadata,
                LocalDate asOf);
    }

    /** The 80/20 grade changed (or was given for the first time). */
    static final Detector GRADE = (result, i, before, after, metadata, asOf) -> {
        String now = after.labels().get(AbcGrading.NAME);
        String was = before.get(AbcGrading.NAME);
        if (now == null || now.equals(was)) {
            return Optional.empty();
        }
        return Optional.of(new CustomerGradeChanged(metadata, after.customerId(), AbcGrading.NAME, was, now, asOf));
    };

    static final List<Detector> DETECTORS = List.of(GRADE);
}
