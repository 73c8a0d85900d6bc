package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.stewardship.DuplicateDetector;
import dev.guanxi.crm.stewardship.DuplicateMatcher;
import dev.guanxi.crm.stewardship.MatchEvidence;
import dev.guanxi.crm.stewardship.MatchSubject;
import java.util.List;
import java.util.Optional;

/**
 * A detector's matchers as arrays, for the hot loops: prepares views, hashes blocking keys, and combines
 * evidence with the noisy OR of {@link DuplicateDetector}. Immutable and thread-safe if the matchers are.
 */
public final class Scorer {
    private final DuplicateMatcher<Object>[] matchers;
    private final String[] names;
    private final double[] weights;
    private final double threshold;

    /**
     * @param matchers the detector's matchers with weights
     * @param threshold the detector's threshold
     */
    @SuppressWarnings("unchecked")
    public Scorer(List<DuplicateDetector.WeightedMatcher> matchers, double threshold) {
        int n = matchers.size();
        this.matchers = new DuplicateMatcher[n];
        this.names = new String[n];
        this.weights = new double[n];
        for (int i = 0; i < n; i++) {
            this.matchers[i] = (DuplicateMatcher<Object>) matchers.get(i).matcher();
            this.names[i] = this.matchers[i].name();
            this.weights[i] = matchers.get(i).weight();
        }
        this.threshold = threshold;
    }

    /** @return how many matchers */
    public int size() {
        return matchers.length;
    }

    /**
     * @param m the matcher's index, from 0 to {@link #size()} - 1
     * @return the name of matcher {@code m}
     */
    public String name(int m) {
        return names[m];
    }

    /** @return the threshold */
    public double threshold() {
        return threshold;
    }

    /**
     * @param m the matcher's index, from 0 to {@link #size()} - 1
     * @param subject the customer to prepare
     * @return matcher {@code m}'s prepared view of a subject, or {@code null} if the matcher does not apply to it
     */
    public Object prepare(int m, MatchSubject subject) {
        Optional<Object> f = matchers[m].prepare(subject);
        return f.orElse(null);
    }

    /**
     * Hashes matcher {@code m}'s blocking keys of a prepared view into {@code out} from {@code at}: the top 8 bits
     * are the matcher's index, the low 56 a hash of the key.
     *
     * @param m the matcher's index, from 0 to {@link #size()} - 1
     * @param prepared the matcher's view from {@link #prepare}, not null
     * @param out the buffer of key hashes
     * @param at a one-element holder of the buffer's end: read as the first free slot, advanced past the keys written
     * @return the new end of {@code out} (grown if needed: use the returned array)
     */
    public long[] keys(int m, Object prepared, long[] out, int[] at) {
        List<String> keys = matchers[m].blockingKeys(prepared);
        for (int k = 0; k < keys.size(); k++) {
            if (at[0] == out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            out[at[0]++] = hash(m, keys.get(k));
        }
        return out;
    }

    /** The key hash: FNV-1a over the UTF-16 units, finished by MurmurHash3's fmix64, tagged with the matcher. */
    static long hash(int matcher, String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return ((long) matcher << 56) | (h & 0x00FFFFFFFFFFFFFFL);
    }

    /** @return the index of the matcher a key hash belongs to */
    static int matcherOf(long hash) {
        return (int) (hash >>> 56);
    }

    /**
     * Scores a pair from prepared views held column-wise ({@code views[m][i]}: matcher m's view of customer i).
     *
     * @param views the prepared views, {@code views[m][i]} for matcher m and customer i ({@code null}: the matcher
     *     does not apply to the customer)
     * @param a the index of one customer of the pair in {@code views}
     * @param b the index of the other customer
     * @param fired receives the evidence of the matchers that fired (cleared first)
     * @return the combined score, {@code 1 − Π(1 − w·s)}
     */
    public double score(Object[][] views, int a, int b, List<MatchEvidence> fired) {
        fired.clear();
        double keep = 1.0;
        for (int m = 0; m < matchers.length; m++) {
            Object fa = views[m][a];
            if (fa == null) {
                continue;
            }
            Object fb = views[m][b];
            if (fb == null) {
                continue;
            }
            Optional<MatchEvidence> e = matchers[m].score(fa, fb);
            if (e.isPresent()) {
                keep *= 1.0 - weights[m] * e.get().score();
                fired.add(e.get());
            }
        }
        return 1.0 - keep;
    }

    /**
     * Prepares and scores two subjects directly.
     *
     * @param a one customer
     * @param b the other customer
     * @param fired receives the evidence of the matchers that fired (cleared first)
     * @return the combined score, {@code 1 − Π(1 − w·s)}
     */
    public double compare(MatchSubject a, MatchSubject b, List<MatchEvidence> fired) {
        Object[][] views = new Object[matchers.length][2];
        for (int m = 0; m < matchers.length; m++) {
            views[m][0] = prepare(m, a);
            views[m][1] = views[m][0] == null ? null : prepare(m, b);
        }
        return score(views, 0, 1, fired);
    }
}
