package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.stewardship.DuplicateMatcher;
import dev.guanxi.crm.stewardship.MatchEvidence;
import dev.guanxi.crm.stewardship.MatchSubject;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Fires on the same external id (score 1; only a draft can share one with a stored customer, the id being unique
 * per tenant) or on external ids equal after folding width, case and every character that is not a letter or
 * digit ({@value #FOLDED_SCORE}: {@code ERP-00042} and {@code erp 00042}). Blocks by the folded id. Thread-safe.
 */
public final class ExternalIdMatcher implements DuplicateMatcher<ExternalIdMatcher.Ids> {
    /** The score of external ids that are equal only after folding. */
    public static final double FOLDED_SCORE = 0.9;

    /** The id as stored and folded. */
    record Ids(String raw, String folded) {}

    private final String name;

    /** @param name the matcher's name */
    public ExternalIdMatcher(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Ids> prepare(MatchSubject subject) {
        Optional<String> id = subject.externalId();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String raw = id.get();
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                folded.appendCodePoint(cp);
            }
        }
        return folded.length() == 0 ? Optional.empty() : Optional.of(new Ids(raw, folded.toString()));
    }

    @Override
    public List<String> blockingKeys(Ids prepared) {
        return List.of(prepared.folded());
    }

    @Override
    public Optional<MatchEvidence> score(Ids a, Ids b) {
        if (a.raw().equals(b.raw())) {
            return Optional.of(new MatchEvidence(name, 1.0, "same external id " + a.raw()));
        }
        if (a.folded().equals(b.folded())) {
            return Optional.of(new MatchEvidence(
                    name,
                    FOLDED_SCORE,
                    "external ids " + a.raw() + " and " + b.raw() + " differ only in case, width or punctuation"));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name;
    }
}
