package dev.guanxi.crm.internal.scoring;

import dev.guanxi.crm.classification.AbcGrading;
import dev.guanxi.crm.classification.ScoringResult;
import dev.guanxi.crm.credit.CreditRule;
import dev.guanxi.crm.event.ArrearsWarningRaised;
import dev.guanxi.crm.event.CreditGradeChanged;
import dev.guanxi.crm.event.CustomerGradeChanged;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.EventMetadata;
import dev.guanxi.crm.event.LifecycleStageChanged;
import dev.guanxi.crm.lifecycle.LifecycleRule;
import dev.guanxi.crm.lifecycle.LifecycleStage;
import dev.guanxi.crm.spi.storage.ScoreView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Turns the difference between a customer's previous and new snapshot into events. */
final class ScoringEvents {
    private ScoringEvents() {}

    /** Detects one kind of change. */
    @FunctionalInterface
    interface Detector {
        Optional<DomainEvent> detect(
                ScoringResult result,
                int i,
                Previous before,
                ScoreView after,
                Supplier<EventMetadata> metadata,
                LocalDate asOf);
    }

    /** The snapshot metric of the arrears warning (1 when raised). */
    static final String WARNED = "credit.arrearsWarning";

    /** The 80/20 grade changed (or was given for the first time). */
    static final Detector GRADE = (result, i, before, after, metadata, asOf) -> {
        String now = after.label(AbcGrading.NAME);
        String was = before.grade(i);
        if (now == null || now.equals(was)) {
            return Optional.empty();
        }
        return Optional.of(
                new CustomerGradeChanged(metadata.get(), after.customerId(), AbcGrading.NAME, was, now, asOf));
    };

    /** The credit grade changed (or was given for the first time). */
    static final Detector CREDIT = (result, i, before, after, metadata, asOf) -> {
        String now = after.label(CreditRule.NAME);
        String was = before.creditGrade(i);
        if (now == null || now.equals(was)) {
            return Optional.empty();
        }
        int score =
                (int) Math.round(result.result(CreditRule.NAME).orElseThrow().score(i));
        return Optional.of(new CreditGradeChanged(metadata.get(), after.customerId(), was, now, score, asOf));
    };

    /** The arrears risk crossed the warning threshold (it was below it, or unknown, before). */
    static final Detector ARREARS = (result, i, before, after, metadata, asOf) -> {
        BigDecimal now = after.metric(CreditRule.NAME + ".arrearsWarning");
        if (now == null || now.signum() == 0 || before.warned(i)) {
            return Optional.empty();
        }
        var credit = result.result(CreditRule.NAME).orElseThrow();
        int risk = (int) Math.round(credit.metric("arrearsRisk", i));
        String reason = credit.reason(i);
        int at = reason.indexOf("arrears warning: ");
        String why = at < 0 ? reason : reason.substring(at + "arrears warning: ".length());
        int threshold = (int) Math.round(credit.metric("arrearsThreshold", i));
        return Optional.of(new ArrearsWarningRaised(
                metadata.get(), after.customerId(), Math.min(100, risk), threshold, why, asOf));
    };

    /** The lifecycle stage changed (or the customer was placed for the first time). */
    static final Detector LIFECYCLE = (result, i, before, after, metadata, asOf) -> {
        String now = after.label(LifecycleRule.NAME);
        String was = before.stage(i);
        if (now == null || now.equals(was)) {
            return Optional.empty();
        }
        String stored = after.label(LifecycleRule.NAME + ".reason");
        String reason = stored == null ? now : stored;
        return Optional.of(new LifecycleStageChanged(
                metadata.get(),
                after.customerId(),
                was == null ? null : LifecycleStage.valueOf(was),
                LifecycleStage.valueOf(now),
                reason,
                asOf));
    };

    static final List<Detector> DETECTORS = List.of(GRADE, CREDIT, ARREARS, LIFECYCLE);
}
