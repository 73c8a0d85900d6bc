package dev.guanxi.crm.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The policies behind {@link SlaPolicy}'s factories; records, so that they print what they do. */
final class BuiltInSla {
    static final SlaPolicy STANDARD = SlaPolicy.bySeverity(Map.of(
                    Severity.CRITICAL, Duration.ofHours(4),
                    Severity.HIGH, Duration.ofDays(1),
                    Severity.MEDIUM, Duration.ofDays(3),
                    Severity.LOW, Duration.ofDays(5)))
            .forKind(
                    CaseKind.COMPLAINT,
                    SlaPolicy.bySeverity(Map.of(
                            Severity.CRITICAL, Duration.ofHours(2),
                            Severity.HIGH, Duration.ofHours(12),
                            Severity.MEDIUM, Duration.ofHours(36),
                            Severity.LOW, Duration.ofHours(60))));

    private BuiltInSla() {}

    /** Same duration for every case. */
    record Fixed(Duration duration) implements SlaPolicy {
        @Override
        public Instant dueAt(SlaContext context) {
            return context.startsAt().plus(duration);
        }
    }

    /** A duration per severity (an unmodifiable map holding every severity). */
    record BySeverity(Map<Severity, Duration> durations) implements SlaPolicy {
        @Override
        public Instant dueAt(SlaContext context) {
            return context.startsAt().plus(durations.get(context.severity()));
        }
    }

    /** One kind decided by one policy, the rest by another. */
    record ForKind(CaseKind kind, SlaPolicy policy, SlaPolicy otherwise) implements SlaPolicy {
        @Override
        public Instant dueAt(SlaContext context) {
            return (context.kind() == kind ? policy : otherwise).dueAt(context);
        }
    }
}
