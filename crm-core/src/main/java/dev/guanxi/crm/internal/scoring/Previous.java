package dev.guanxi.crm.internal.scoring;

import dev.guanxi.crm.classification.AbcGrading;
import dev.guanxi.crm.credit.CreditRule;
import dev.guanxi.crm.lifecycle.LifecycleRule;
import dev.guanxi.crm.spi.storage.ScoreView;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What a run keeps of each customer's stored snapshot, by the base's customer index: the result hash (to skip an
 * unchanged customer) and the values the event detectors compare with — the 80/20 grade, the credit grade, the
 * lifecycle stage and whether an arrears warning was raised. Not the rest of the snapshot: a run over a million
 * customers holds about 60 bytes per customer here instead of each snapshot's maps. Equal label texts share one
 * instance. Not thread-safe; used by the run's thread.
 */
final class Previous {
    private static final byte HASHED = 1;
    private static final byte WARNED = 2;

    private final String[] grades;
    private final String[] creditGrades;
    private final String[] stages;
    private final long[] hashes;
    private final byte[] flags;
    private final Map<String, String> texts = new HashMap<>();
    private final long[] scratch = new long[2];

    Previous(int n) {
        this.grades = new String[n];
        this.creditGrades = new String[n];
        this.stages = new String[n];
        this.hashes = new long[2 * n];
        this.flags = new byte[n];
    }

    /** Keeps what the run needs of customer {@code i}'s stored snapshot. */
    void put(int i, ScoreView s) {
        grades[i] = shared(s.label(AbcGrading.NAME));
        creditGrades[i] = shared(s.label(CreditRule.NAME));
        stages[i] = shared(s.label(LifecycleRule.NAME));
        long[] h = scratch;
        byte f;
        if (s instanceof ResultBatch.Row row) { // a view of an earlier run's results: the longs themselves
            row.hash(h);
            f = HASHED;
        } else {
            f = ResultHash.parse(s.inputsHash(), h) ? HASHED : 0;
        }
        hashes[2 * i] = h[0];
        hashes[2 * i + 1] = h[1];
        BigDecimal warned = s.metric(ScoringEvents.WARNED);
        if (warned != null && warned.signum() != 0) {
            f |= WARNED;
        }
        flags[i] = f;
    }

    private String shared(String text) {
        return text == null ? null : texts.computeIfAbsent(text, t -> t);
    }

    /** Whether customer {@code i}'s stored results hash to {@code high, low}. */
    boolean sameHash(int i, long high, long low) {
        return (flags[i] & HASHED) != 0 && hashes[2 * i] == high && hashes[2 * i + 1] == low;
    }

    /** @return the stored 80/20 grade, or null */
    String grade(int i) {
        return grades[i];
    }

    /** @return the stored credit grade, or null */
    String creditGrade(int i) {
        return creditGrades[i];
    }

    /** @return the stored lifecycle stage, or null */
    String stage(int i) {
        return stages[i];
    }

    /** @return whether the stored snapshot had an arrears warning */
    boolean warned(int i) {
        return (flags[i] & WARNED) != 0;
    }
}
