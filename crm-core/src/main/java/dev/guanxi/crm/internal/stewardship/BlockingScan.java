package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.stewardship.DuplicateCandidate;
import dev.guanxi.crm.stewardship.DuplicateScanListener;
import dev.guanxi.crm.stewardship.DuplicateScanListener.Phase;
import dev.guanxi.crm.stewardship.DuplicateScanListener.Progress;
import dev.guanxi.crm.stewardship.DuplicateScanReport;
import dev.guanxi.crm.stewardship.MatchEvidence;
import dev.guanxi.crm.stewardship.MatchSubject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole-tenant duplicate scan with blocking. {@link #add} prepares each customer's views once and records
 * its blocking keys as 64-bit hashes (the matcher in the top 8 bits); {@link #finish} radix-sorts the (hash,
 * customer) entries, so each block is a run of equal hashes with its customers in scan order, and scores each
 * pair of a block of 2 to {@code maxBlockSize} customers. A pair sharing several blocks is scored only in the
 * first of them (by hash): each customer's list of scored blocks is kept in ascending hash order, and the pair is
 * scored when the first hash the two lists share is the block's own. Hash collisions only merge blocks, i.e.
 * cost comparisons, never miss one.
 *
 * <p>O(E) to sort the E = n·k entries, O(Σ b²) to score blocks of size b, O(E) memory for the entries and the
 * per-customer lists plus the prepared views. Not thread-safe: one scan, one thread.
 */
public final class BlockingScan {
    private final Scorer scorer;
    private final int maxBlockSize;

    private CustomerId[] ids = new CustomerId[1024];
    private final Object[][] views;
    private int n;

    private long[] hashes = new long[4096];
    private int[] owners = new int[4096];
    private int entries;

    private long[] buffer = new long[16];
    private final int[] bufferEnd = new int[1];

    /**
     * @param scorer the detector's matchers
     * @param maxBlockSize the largest block scored
     */
    public BlockingScan(Scorer scorer, int maxBlockSize) {
        this.scorer = scorer;
        this.maxBlockSize = maxBlockSize;
        this.views = new Object[scorer.size()][1024];
    }

    /**
     * Prepares one customer's views and records its blocking keys. Customers must be added in scan order.
     *
     * @param id the customer's id, reported in the pairs found
     * @param subject the customer's fields the matchers compare
     */
    public void add(CustomerId id, MatchSubject subject) {
        if (n == ids.length) {
            int capacity = n * 2;
            ids = Arrays.copyOf(ids, capacity);
            for (int m = 0; m < views.length; m++) {
                views[m] = Arrays.copyOf(views[m], capacity);
            }
        }
        ids[n] = id;
        bufferEnd[0] = 0;
        for (int m = 0; m < views.length; m++) {
            Object view = scorer.prepare(m, subject);
            views[m][n] = view;
            if (view != null) {
                buffer = scorer.keys(m, view, buffer, bufferEnd);
            }
        }
        int k = bufferEnd[0];
        if (k > 0) {
            Arrays.sort(buffer, 0, k);
            if (entries + k > hashes.length) {
                int capacity = Math.max(entries + k, hashes.length * 2);
                hashes = Arrays.copyOf(hashes, capacity);
                owners = Arrays.copyOf(owners, capacity);
            }
            long previous = 0;
            for (int i = 0; i < k; i++) {
                if (i > 0 && buffer[i] == previous) {
                    continue; // the same key twice (two e-mails that normalise alike)
                }
                previous = buffer[i];
                hashes[entries] = buffer[i];
                owners[entries] = n;
                entries++;
            }
        }
        n++;
    }

    /** @return how many customers were added */
    public int size() {
        return n;
    }

    /**
     * Groups, scores and reports.
     *
     * @param listener receives BLOCKED and SCORING progress
     * @return the report, candidates best first
     */
    public DuplicateScanReport finish(DuplicateScanListener listener) {
        RadixSort.sort(hashes, owners, entries);
        long[] oversized = new long[scorer.size()];
        long oversizedMembers = 0;
        long blocks = 0;
        int[] start = new int[n + 1];
        for (int s = 0, e; s < entries; s = e) {
            e = runEnd(s);
            int size = e - s;
            if (size < 2) {
                continue;
            }
            if (size > maxBlockSize) {
                oversized[Scorer.matcherOf(hashes[s])]++;
                oversizedMembers += size;
                continue;
            }
            blocks++;
            for (int x = s; x < e; x++) {
                start[owners[x] + 1]++;
            }
        }
        listener.progress(new Progress(Phase.BLOCKED, blocks, blocks));
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        // each customer's scored blocks, in ascending hash order (the entries are sorted by hash)
        long[] memberOf = new long[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int s = 0, e; s < entries; s = e) {
            e = runEnd(s);
            int size = e - s;
            if (size >= 2 && size <= maxBlockSize) {
                for (int x = s; x < e; x++) {
                    memberOf[fill[owners[x]]++] = hashes[s];
                }
            }
        }
        fill = null;
        List<Found> found = new ArrayList<>();
        List<MatchEvidence> fired = new ArrayList<>();
        long pairs = 0;
        long done = 0;
        long step = Math.max(1, blocks / 20);
        double threshold = scorer.threshold();
        for (int s = 0, e; s < entries; s = e) {
            e = runEnd(s);
            int size = e - s;
            if (size < 2 || size > maxBlockSize) {
                continue;
            }
            long h = hashes[s];
            for (int x = s; x < e - 1; x++) {
                int a = owners[x];
                for (int y = x + 1; y < e; y++) {
                    int b = owners[y];
                    if (a == b || firstCommon(memberOf, start, a, b) != h) {
                        continue;
                    }
                    pairs++;
                    double score = scorer.score(views, a, b, fired);
                    if (score >= threshold) {
                        found.add(new Found(a, b, Math.min(1.0, score), List.copyOf(fired)));
                    }
                }
            }
            done++;
            if (done % step == 0) {
                listener.progress(new Progress(Phase.SCORING, done, blocks));
            }
        }
        found.sort((p, q) -> p.score != q.score
                ? Double.compare(q.score, p.score)
                : p.a != q.a ? Integer.compare(p.a, q.a) : Integer.compare(p.b, q.b));
        List<DuplicateCandidate> candidates = new ArrayList<>(found.size());
        for (Found f : found) {
            candidates.add(new DuplicateCandidate(ids[f.a], ids[f.b], f.score, f.fired));
        }
        Map<String, Long> oversizedByMatcher = new TreeMap<>();
        for (int m = 0; m < oversized.length; m++) {
            if (oversized[m] > 0) {
                oversizedByMatcher.put(scorer.name(m), oversized[m]);
            }
        }
        return new DuplicateScanReport(n, blocks, pairs, oversizedByMatcher, oversizedMembers, candidates);
    }

    private int runEnd(int s) {
        int e = s + 1;
        long h = hashes[s];
        while (e < entries && hashes[e] == h) {
            e++;
        }
        return e;
    }

    /** The smallest hash in both customers' ascending lists of scored blocks. */
    private static long firstCommon(long[] memberOf, int[] start, int a, int b) {
        int i = start[a];
        int ie = start[a + 1];
        int j = start[b];
        int je = start[b + 1];
        while (i < ie && j < je) {
            long x = memberOf[i];
            long y = memberOf[j];
            if (x == y) {
                return x;
            } else if (Long.compareUnsigned(x, y) < 0) {
                i++;
            } else {
                j++;
            }
        }
        throw new IllegalStateException("two customers of one block share no block");
    }

    /** A pair at or above the threshold, by scan index. */
    private record Found(int a, int b, double score, List<MatchEvidence> fired) {}
}
