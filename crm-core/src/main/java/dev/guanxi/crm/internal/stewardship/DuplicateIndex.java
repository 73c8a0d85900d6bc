package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.stewardship.DuplicateDetector;
import dev.guanxi.crm.stewardship.DuplicateMatch;
import dev.guanxi.crm.stewardship.DuplicateScanOptions;
import dev.guanxi.crm.stewardship.MatchEvidence;
import dev.guanxi.crm.stewardship.MatchSubject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers an import compares new rows with, indexed by the detector's blocking keys (the keys of {@link
 * BlockingScan}): the tenant's customers read before the first batch, then each customer the import creates. A row
 * is compared with the customers sharing a key with it, blocks larger than {@link
 * DuplicateScanOptions#DEFAULT_MAX_BLOCK_SIZE} skipped as in the tenant scan. Entries are appended; {@link
 * #truncate} drops those of a batch that rolled back. O(n · k) memory. Not thread-safe.
 */
final class DuplicateIndex {
    private final Scorer scorer;
    private final int m;
    private final List<CustomerId> ids = new ArrayList<>();
    private final List<Object[]> views = new ArrayList<>();
    private final List<long[]> keysOf = new ArrayList<>();
    private final Map<Long, List<Integer>> blocks = new HashMap<>();

    DuplicateIndex(DuplicateDetector detector) {
        this.scorer = new Scorer(detector.matchers(), detector.threshold());
        this.m = scorer.size();
    }

    int size() {
        return ids.size();
    }

    /** Adds a customer. */
    void add(CustomerId id, MatchSubject subject) {
        Object[] v = new Object[m];
        long[] keys = keys(subject, v);
        int at = ids.size();
        ids.add(id);
        views.add(v);
        keysOf.add(keys);
        for (long k : keys) {
            blocks.computeIfAbsent(k, x -> new ArrayList<>(2)).add(at);
        }
    }

    /** Drops the entries from {@code size} on (those of a batch that rolled back). */
    void truncate(int size) {
        for (int i = ids.size() - 1; i >= size; i--) {
            for (long k : keysOf.get(i)) {
                List<Integer> block = blocks.get(k);
                block.remove(block.size() - 1);
                if (block.isEmpty()) {
                    blocks.remove(k);
                }
            }
            ids.remove(i);
            views.remove(i);
            keysOf.remove(i);
        }
    }

    /**
     * Finds the indexed customers a subject resembles.
     *
     * @return the matches at or above the threshold, best first; equal scores in the order indexed
     */
    List<DuplicateMatch> find(MatchSubject subject) {
        Object[] own = new Object[m];
        long[] keys = keys(subject, own);
        List<Integer> candidates = new ArrayList<>();
        for (long k : keys) {
            List<Integer> block = blocks.get(k);
            if (block != null && block.size() <= DuplicateScanOptions.DEFAULT_MAX_BLOCK_SIZE) {
                candidates.addAll(block);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        int[] sorted = candidates.stream()
                .mapToInt(Integer::intValue)
                .sorted()
                .distinct()
                .toArray();
        List<DuplicateMatch> found = new ArrayList<>();
        Object[][] pair = new Object[m][2];
        List<MatchEvidence> fired = new ArrayList<>();
        for (int c : sorted) {
            Object[] theirs = views.get(c);
            for (int i = 0; i < m; i++) {
                pair[i][0] = own[i];
                pair[i][1] = theirs[i];
            }
            double score = scorer.score(pair, 0, 1, fired);
            if (score >= scorer.threshold()) {
                found.add(new DuplicateMatch(ids.get(c), Math.min(1.0, score), List.copyOf(fired)));
            }
        }
        found.sort((a, b) -> Double.compare(b.score(), a.score())); // stable
        return found;
    }

    private long[] keys(MatchSubject subject, Object[] v) {
        long[] keys = new long[8];
        int[] at = {0};
        for (int i = 0; i < m; i++) {
            v[i] = scorer.prepare(i, subject);
            if (v[i] != null) {
                keys = scorer.keys(i, v[i], keys, at);
            }
        }
        long[] out = Arrays.copyOf(keys, at[0]);
        Arrays.sort(out);
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[n++] = out[i];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
