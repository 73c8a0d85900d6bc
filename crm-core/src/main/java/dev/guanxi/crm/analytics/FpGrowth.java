package dev.guanxi.crm.analytics;

import java.util.Arrays;

/**
 * FP-growth (Han, Pei &amp; Yin 2000) on primitive arrays: the frequent itemsets of compacted baskets with their
 * counts. The engine of {@link AssociationRules}; not API.
 *
 * <p>Items are ranked by descending count, ties by ascending item id; rank 0 is the most frequent item. Each
 * basket's frequent items, in rank order, are inserted into the FP-tree (shared prefixes share nodes). Mining
 * takes the ranks of a tree from the least to the most frequent: the rank joined to the current suffix is a
 * frequent itemset, and the rank's prefix paths (its conditional pattern base), restricted to the ranks that are
 * frequent in them, build the conditional tree that is mined recursively for longer itemsets. Conditional trees
 * keep the global rank order. The order of the output depends only on the input, never on hashing.
 *
 * <p>Trees are columns ({@code item}, {@code parent}, {@code count}, {@code link}) with an open-addressing table
 * from (parent, rank) to child; one tree per recursion depth is reused, so the inner loops allocate nothing
 * except when a column grows.
 *
 * <p>Not thread-safe; one instance per mining run.
 */
final class FpGrowth {
    private final int minCount;
    private final int maxSize;
    /** rank → item id. */
    private final int[] rankItem;
    /** Per recursion depth, the reused conditional tree (depth 0: the whole tree). */
    private FpTree[] trees = new FpTree[4];
    /** The current suffix, as ranks (the last one joined first). */
    private final int[] suffix;

    // scratch of buildConditional (not live across recursion)
    private final int[] condCount;
    private final boolean[] keep;
    private final int[] touched;
    private int[] path = new int[16];

    // output: itemset s holds item ids outItems[outStart[s] .. outStart[s + 1]), ascending, in outCount[s] baskets
    private int[] outItems = new int[64];
    private int[] outStart = new int[17];
    private int[] outCount = new int[16];
    private int sets;

    private FpGrowth(int[] rankItem, int minCount, int maxSize) {
        this.rankItem = rankItem;
        this.minCount = minCount;
        this.maxSize = maxSize;
        int f = rankItem.length;
        this.suffix = new int[Math.min(maxSize, f) + 1];
        this.condCount = new int[f];
        this.keep = new boolean[f];
        this.touched = new int[f];
    }

    /**
     * Mines the frequent itemsets of the baskets.
     *
     * @param baskets the compacted baskets
     * @param itemCount how many item ids exist
     * @param minCount the least count of a frequent itemset, at least 1
     * @param maxSize the largest itemset, at least 1
     * @return the itemsets
     */
    static Result mine(Baskets.Compacted baskets, int itemCount, int minCount, int maxSize) {
        int[] offsets = baskets.offsets;
        int[] items = baskets.items;
        int n = offsets.length - 1;
        int lines = offsets[n];
        int[] itemCounts = new int[itemCount];
        for (int k = 0; k < lines; k++) {
            itemCounts[items[k]]++;
        }
        // rank the frequent items: count descending, then item id ascending (one long sort, no boxing)
        int f = 0;
        for (int c : itemCounts) {
            if (c >= minCount) {
                f++;
            }
        }
        long[] keys = new long[f];
        for (int item = 0, j = 0; item < itemCount; item++) {
            if (itemCounts[item] >= minCount) {
                keys[j++] = ((long) (Integer.MAX_VALUE - itemCounts[item]) << 32) | item;
            }
        }
        Arrays.sort(keys);
        int[] rankItem = new int[f];
        int[] rankOf = new int[itemCount];
        Arrays.fill(rankOf, -1);
        for (int r = 0; r < f; r++) {
            rankItem[r] = (int) keys[r];
            rankOf[rankItem[r]] = r;
        }
        FpGrowth growth = new FpGrowth(rankItem, minCount, maxSize);
        if (f == 0) {
            return growth.result();
        }

        FpTree tree = growth.tree(0);
        tree.reset(Math.min(lines, 1 << 16));
        int[] buffer = growth.path;
        for (int b = 0; b < n; b++) {
            int len = 0;
            for (int k = offsets[b], end = offsets[b + 1]; k < end; k++) {
                int r = rankOf[items[k]];
                if (r >= 0) {
                    if (len == buffer.length) {
                        buffer = Arrays.copyOf(buffer, len * 2);
                    }
                    buffer[len++] = r;
                }
            }
            if (len > 0) {
                sortDescending(buffer, len);
                tree.insertReversed(buffer, len, 1);
            }
        }
        growth.path = buffer;
        tree.finish();
        growth.mine(tree, 0);
        return growth.result();
    }

    /** Sorts a[0..len) descending: insertion sort for the usual small basket, a library sort otherwise. */
    private static void sortDescending(int[] a, int len) {
        if (len > 32) {
            Arrays.sort(a, 0, len);
            for (int i = 0, j = len - 1; i < j; i++, j--) {
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
            return;
        }
        for (int i = 1; i < len; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] < v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private FpTree tree(int depth) {
        if (depth >= trees.length) {
            trees = Arrays.copyOf(trees, Math.max(depth + 1, trees.length * 2));
        }
        FpTree t = trees[depth];
        if (t == null) {
            t = new FpTree(rankItem.length);
            trees[depth] = t;
        }
        return t;
    }

    /** Emits suffix ∪ {r} for every rank r of the tree, least frequent first, and recurses on its base. */
    private void mine(FpTree tree, int depth) {
        int[] present = tree.present;
        for (int p = tree.presentCount - 1; p >= 0; p--) {
            int r = present[p];
            suffix[depth] = r;
            emit(depth + 1, tree.headCount[r]);
            if (depth + 1 < maxSize) {
                FpTree conditional = tree(depth + 1);
                if (buildConditional(tree, r, conditional)) {
                    mine(conditional, depth + 1);
                }
            }
        }
    }

    /**
     * Builds the conditional tree of rank {@code r}: its prefix paths, each with the count of its node, restricted
     * to the ranks whose count in them reaches the threshold.
     *
     * @return {@code false} if no rank is frequent in the base (the conditional tree is empty)
     */
    private boolean buildConditional(FpTree tree, int r, FpTree into) {
        int[] item = tree.item;
        int[] parent = tree.parent;
        int[] count = tree.count;
        int[] link = tree.link;
        int touchedCount = 0;
        int pathNodes = 0;
        for (int node = tree.headFirst[r]; node != 0; node = link[node]) {
            int c = count[node];
            for (int p = parent[node]; p != 0; p = parent[p]) {
                int q = item[p];
                if (condCount[q] == 0) {
                    touched[touchedCount++] = q;
                }
                condCount[q] += c;
                pathNodes++;
            }
        }
        int kept = 0;
        for (int i = 0; i < touchedCount; i++) {
            int q = touched[i];
            if (condCount[q] >= minCount) {
                keep[q] = true;
                kept++;
            }
        }
        if (kept > 0) {
            into.reset(pathNodes);
            int[] buffer = path;
            for (int node = tree.headFirst[r]; node != 0; node = link[node]) {
                int len = 0;
                for (int p = parent[node]; p != 0; p = parent[p]) {
                    int q = item[p];
                    if (keep[q]) {
                        if (len == buffer.length) {
                            buffer = Arrays.copyOf(buffer, len * 2);
                        }
                        buffer[len++] = q; // walking up: ranks descend
                    }
                }
                if (len > 0) {
                    into.insertReversed(buffer, len, count[node]);
                }
            }
            path = buffer;
            into.finish();
        }
        for (int i = 0; i < touchedCount; i++) {
            int q = touched[i];
            condCount[q] = 0;
            keep[q] = false;
        }
        return kept > 0;
    }

    private void emit(int size, int count) {
        if (sets + 1 == outCount.length) {
            outCount = Arrays.copyOf(outCount, outCount.length * 2);
            outStart = Arrays.copyOf(outStart, outCount.length + 1);
        }
        int start = outStart[sets];
        if (start + size > outItems.length) {
            outItems = Arrays.copyOf(outItems, Math.max(start + size, outItems.length * 2));
        }
        for (int i = 0; i < size; i++) {
            outItems[start + i] = rankItem[suffix[i]];
        }
        Arrays.sort(outItems, start, start + size);
        outCount[sets] = count;
        outStart[sets + 1] = start + size;
        sets++;
    }

    private Result result() {
        return new Result(
                sets,
                Arrays.copyOf(outStart, sets + 1),
                Arrays.copyOf(outItems, outStart[sets]),
                Arrays.copyOf(outCount, sets),
                rankItem.length);
    }

    /**
     * The frequent itemsets: itemset {@code s} holds the item ids {@code items[start[s] .. start[s + 1])},
     * ascending, and is in {@code count[s]} baskets. {@code frequentItems} is how many items are frequent alone.
     */
    record Result(int size, int[] start, int[] items, int[] count, int frequentItems) {}

    /** An FP-tree in columns; node 0 is the root. Reused: {@link #reset} empties it. */
    static final class FpTree {
        int size;
        int[] item;
        int[] parent;
        int[] count;
        /** The next node of the same rank (0: none). */
        int[] link;
        /** Per rank: the first node (0: none) and the sum of the counts of its nodes. */
        final int[] headFirst;

        final int[] headCount;
        /** The ranks that have nodes, ascending after {@link #finish()}. */
        final int[] present;

        int presentCount;
        // (parent, rank) -> child, open addressing; an empty slot holds key -1
        private long[] keys;
        private int[] values;
        private int mask;

        FpTree(int ranks) {
            headFirst = new int[ranks];
            headCount = new int[ranks];
            present = new int[ranks];
            item = new int[16];
            parent = new int[16];
            count = new int[16];
            link = new int[16];
            keys = new long[16];
            values = new int[16];
        }

        /** Empties the tree, sizing the child table for about {@code expectedNodes} nodes. */
        void reset(int expectedNodes) {
            for (int i = 0; i < presentCount; i++) {
                int r = present[i];
                headFirst[r] = 0;
                headCount[r] = 0;
            }
            presentCount = 0;
            size = 1; // the root
            int capacity = Integer.highestOneBit(Math.max(8, expectedNodes) * 2 - 1) << 1;
            if (capacity > keys.length) {
                keys = new long[capacity];
                values = new int[capacity];
            }
            mask = capacity - 1;
            Arrays.fill(keys, 0, capacity, -1L);
        }

        /** Inserts the path {@code ranks[len-1], ..., ranks[0]} (ascending ranks from the root) with a count. */
        void insertReversed(int[] ranks, int len, int c) {
            int node = 0;
            for (int i = len - 1; i >= 0; i--) {
                int r = ranks[i];
                node = child(node, r);
                count[node] += c;
                headCount[r] += c;
            }
        }

        private int child(int from, int r) {
            long key = ((long) from << 32) | r;
            int slot = slot(key);
            long k;
            while ((k = keys[slot]) != -1L) {
                if (k == key) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            int node = size++;
            if (node == item.length) {
                int capacity = node + (node >> 1);
                item = Arrays.copyOf(item, capacity);
                parent = Arrays.copyOf(parent, capacity);
                count = Arrays.copyOf(count, capacity);
                link = Arrays.copyOf(link, capacity);
            }
            item[node] = r;
            parent[node] = from;
            count[node] = 0;
            int first = headFirst[r];
            if (first == 0) {
                present[presentCount++] = r;
            }
            link[node] = first;
            headFirst[r] = node;
            keys[slot] = key;
            values[slot] = node;
            if ((size << 1) > mask) {
                grow();
            }
            return node;
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & mask;
        }

        private void grow() {
            int capacity = (mask + 1) << 1;
            keys = new long[capacity];
            values = new int[capacity];
            mask = capacity - 1;
            Arrays.fill(keys, -1L);
            for (int node = 1; node < size; node++) {
                long key = ((long) parent[node] << 32) | item[node];
                int slot = slot(key);
                while (keys[slot] != -1L) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                values[slot] = node;
            }
        }

        void finish() {
            Arrays.sort(present, 0, presentCount);
        }
    }
}
