package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.customer.PartyKind;
import dev.guanxi.crm.stewardship.DuplicateMatcher;
import dev.guanxi.crm.stewardship.MatchEvidence;
import dev.guanxi.crm.stewardship.MatchSubject;
import dev.guanxi.crm.stewardship.NameNormalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares display and legal names folded by a {@link NameNormalizer}. The similarity of two names is the
 * larger Jaro-Winkler similarity of their word-sorted keys ({@code fang wang}: word order does not matter) and
 * of their folded forms in written order (a typo that moves a word in the sorted order, {@code lopez} to {@code
 * mopez}, still compares well as written); of two customers, the best over their names. Romanised forms (if the
 * normaliser has a romanizer) count {@value #ROMANIZED_FACTOR} of their similarity. Fires at or above the
 * minimum similarity; never between a person and an organisation.
 *
 * <p>Blocks by two keys per name, each robust to a different typo and to word order: the words sorted, each cut
 * to its first {@value #KEY_CHARS} characters ({@code fan wan}); and the words' last {@value #KEY_CHARS}
 * characters, sorted ({@code ang ang}). A Chinese name as written is one word ({@code 王芳}).
 *
 * <p>Thread-safe.
 */
public final class NameMatcher implements DuplicateMatcher<NameMatcher.Names> {
    /** The share of their similarity that names compared only by their romanised forms count. */
    public static final double ROMANIZED_FACTOR = 0.9;
    /** The characters per word in a blocking key. */
    public static final int KEY_CHARS = 3;

    /** One customer's folded names. */
    public static final class Names {
        final PartyKind kind;
        final String[] written;
        final String[] sorted;
        final boolean[] romanized;

        Names(PartyKind kind, String[] written, String[] sorted, boolean[] romanized) {
            this.kind = kind;
            this.written = written;
            this.sorted = sorted;
            this.romanized = romanized;
        }
    }

    private final String name;
    private final NameNormalizer normalizer;
    private final double minSimilarity;

    /**
     * @param name the matcher's name
     * @param normalizer how names are folded
     * @param minSimilarity the similarity at which the matcher fires
     */
    public NameMatcher(String name, NameNormalizer normalizer, double minSimilarity) {
        this.name = Objects.requireNonNull(name, "name");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.minSimilarity = minSimilarity;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Names> prepare(MatchSubject subject) {
        List<List<String>> variants = new ArrayList<>(2);
        List<Boolean> romanized = new ArrayList<>(2);
        add(variants, romanized, normalizer.tokens(subject.displayName(), subject.kind()), false);
        subject.legalName().ifPresent(n -> add(variants, romanized, normalizer.tokens(n, subject.kind()), false));
        int written = variants.size();
        for (int i = 0; i < written; i++) {
            String original =
                    i == 0 ? subject.displayName() : subject.legalName().orElseThrow();
            normalizer
                    .romanizedTokens(original, subject.kind())
                    .ifPresent(t -> add(variants, romanized, new ArrayList<>(t), true));
        }
        if (variants.isEmpty()) {
            return Optional.empty();
        }
        int n = variants.size();
        String[] asWritten = new String[n];
        String[] sorted = new String[n];
        boolean[] roman = new boolean[n];
        for (int i = 0; i < n; i++) {
            List<String> words = variants.get(i);
            asWritten[i] = String.join(" ", words);
            Collections.sort(words);
            sorted[i] = String.join(" ", words);
            roman[i] = romanized.get(i);
        }
        return Optional.of(new Names(subject.kind(), asWritten, sorted, roman));
    }

    private static void add(List<List<String>> variants, List<Boolean> romanized, List<String> words, boolean roman) {
        if (words.isEmpty() || variants.contains(words)) {
            return;
        }
        variants.add(words);
        romanized.add(roman);
    }

    @Override
    public List<String> blockingKeys(Names prepared) {
        List<String> keys = new ArrayList<>(prepared.sorted.length * 2);
        for (String key : prepared.sorted) {
            String[] words = key.split(" ");
            StringBuilder prefixes = new StringBuilder(key.length());
            String[] suffixes = new String[words.length];
            for (int w = 0; w < words.length; w++) {
                String word = words[w];
                if (w > 0) {
                    prefixes.append(' ');
                }
                prefixes.append(word, 0, Math.min(KEY_CHARS, word.length()));
                suffixes[w] = word.length() <= KEY_CHARS ? word : word.substring(word.length() - KEY_CHARS);
            }
            java.util.Arrays.sort(suffixes);
            keys.add("p:" + prefixes);
            keys.add("s:" + String.join(" ", suffixes));
        }
        return keys;
    }

    @Override
    public Optional<MatchEvidence> score(Names a, Names b) {
        if (a.kind != b.kind) {
            return Optional.empty();
        }
        double best = 0;
        int bi = 0;
        int bj = 0;
        for (int i = 0; i < a.sorted.length; i++) {
            for (int j = 0; j < b.sorted.length; j++) {
                double s;
                if (a.sorted[i].equals(b.sorted[j])) {
                    s = 1.0;
                } else {
                    s = Similarity.jaroWinkler(a.sorted[i], b.sorted[j]);
                    if (!a.written[i].equals(a.sorted[i]) || !b.written[j].equals(b.sorted[j])) {
                        s = Math.max(s, Similarity.jaroWinkler(a.written[i], b.written[j]));
                    }
                }
                if (a.romanized[i] || b.romanized[j]) {
                    s *= ROMANIZED_FACTOR;
                }
                if (s > best) {
                    best = s;
                    bi = i;
                    bj = j;
                }
            }
        }
        if (best < minSimilarity) {
            return Optional.empty();
        }
        String how = a.romanized[bi] || b.romanized[bj] ? " by romanised form" : "";
        // plain concatenation, no String.format: this runs for every pair of alike names in a block
        String detail = a.sorted[bi].equals(b.sorted[bj]) && best >= ROMANIZED_FACTOR
                ? "same name '" + a.sorted[bi] + "'" + how
                : "names '" + a.written[bi] + "' and '" + b.written[bj] + "' alike (" + Similarity.twoDecimals(best)
                        + ")" + how;
        return Optional.of(new MatchEvidence(name, best, detail));
    }

    @Override
    public String toString() {
        return name + "(" + normalizer + ", min " + minSimilarity + ")";
    }
}
