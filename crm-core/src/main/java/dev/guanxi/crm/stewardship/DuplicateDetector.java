package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.Contribution;
import dev.guanxi.crm.internal.stewardship.Scorer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether two customers are the same party: {@link DuplicateMatcher}s with weights, and a threshold.
 *
 * <p><b>How scores combine.</b> Each matcher that fires gives a score {@code s} (0 to 1) and has a weight {@code
 * w} (0 to 1): {@code w · s} is read as the probability that this evidence alone means "same party" (a shared
 * e-mail address: 0.95 · 1). The pair's score is the probability that at least one piece of evidence is right,
 * taking them as independent (a "noisy OR"):
 *
 * <pre>{@code score = 1 − Π (1 − w_i · s_i)   over the matchers that fired}</pre>
 *
 * <p>Why this and not a weighted average or the maximum: evidence accumulates (a similar name, 0.7 · 0.95 =
 * 0.665, and the same street, 0.6 · 1, give 1 − 0.335 · 0.4 = 0.866, more than either), one strong signal is
 * enough on its own (the same e-mail gives 0.95 whatever else is missing), and a matcher with nothing to compare
 * (no phone on one side) neither helps nor hurts, where a weighted average would punish missing data. The score
 * stays within 0 to 1, does not depend on the matchers' order, and only grows with more evidence. Its limit:
 * matchers are not independent (the same person tends to reuse a name and an address together), so the score
 * is a ranking, not a calibrated probability; the threshold is what turns it into a decision.
 *
 * <p>{@link #defaults()} uses the built-in matchers with weights external id 1.0, e-mail 0.95, phone 0.9, name
 * 0.7 (minimum similarity 0.9), address 0.6 (minimum 0.5), and the threshold {@value #DEFAULT_THRESHOLD}: an
 * e-mail, a phone number or an external id is enough; a name is not (0.7 is below the threshold: two people
 * may share a name), but a name with the same address (0.88) or a phone number is.
 *
 * <p>Immutable and thread-safe if its matchers are; the {@link Builder} is not thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public final class DuplicateDetector {
    /** The default threshold: 0.8. */
    public static final double DEFAULT_THRESHOLD = 0.8;
    /** The default weight of {@link DuplicateMatchers#externalId()}. */
    public static final double EXTERNAL_ID_WEIGHT = 1.0;
    /** The default weight of {@link DuplicateMatchers#email}. */
    public static final double EMAIL_WEIGHT = 0.95;
    /** The default weight of {@link DuplicateMatchers#phone}. */
    public static final double PHONE_WEIGHT = 0.9;
    /** The default weight of {@link DuplicateMatchers#name}. */
    public static final double NAME_WEIGHT = 0.7;
    /** The default weight of {@link DuplicateMatchers#address}. */
    public static final double ADDRESS_WEIGHT = 0.6;
    /** The most matchers a detector may have. */
    public static final int MAX_MATCHERS = 64;

    /**
     * A matcher and its weight.
     *
     * @param matcher the matcher whose score the weight scales, not null
     * @param weight how much its evidence counts, above 0 and at most 1
     */
    public record WeightedMatcher(DuplicateMatcher<?> matcher, double weight) {
        /**
         * Validates the weight.
         *
         * @param matcher the matcher whose score the weight scales, not null
         * @param weight how much its evidence counts, above 0 and at most 1
         * @throws ValidationException on {@code weight} with {@link ValidationRule#OUT_OF_RANGE}
         */
        public WeightedMatcher {
            Objects.requireNonNull(matcher, "matcher");
            DuplicateMatchers.checkSimilarity("weight", weight);
        }
    }

    private final List<WeightedMatcher> matchers;
    private final double threshold;
    private final Scorer scorer;

    private DuplicateDetector(List<WeightedMatcher> matchers, double threshold) {
        this.matchers = List.copyOf(matchers);
        this.threshold = threshold;
        this.scorer = new Scorer(this.matchers, threshold);
    }

    /**
     * The built-in matchers with the default weights and threshold; phone numbers are read only with their
     * country code ({@link PhoneNormalizer#international()}): use {@link #defaults(String)} where customers'
     * numbers are stored without one.
     *
     * @return the detector
     */
    public static DuplicateDetector defaults() {
        return defaults(PhoneNormalizer.international());
    }

    /**
     * The built-in matchers with the default weights and threshold, reading numbers without country code as
     * numbers of a region.
     *
     * @param defaultPhoneRegion the ISO 3166-1 alpha-2 code of the tenant's home region, e.g. {@code CN}
     * @return the detector
     * @throws ValidationException on {@code defaultRegion} for an unknown region
     */
    public static DuplicateDetector defaults(String defaultPhoneRegion) {
        return defaults(PhoneNormalizer.forRegion(defaultPhoneRegion));
    }

    private static DuplicateDetector defaults(PhoneNormalizer phones) {
        return builder()
                .matcher(DuplicateMatchers.externalId(), EXTERNAL_ID_WEIGHT)
                .matcher(DuplicateMatchers.email(EmailNormalizer.standard()), EMAIL_WEIGHT)
                .matcher(DuplicateMatchers.phone(phones), PHONE_WEIGHT)
                .matcher(
                        DuplicateMatchers.name(NameNormalizer.defaults(), DuplicateMatchers.DEFAULT_NAME_SIMILARITY),
                        NAME_WEIGHT)
                .matcher(DuplicateMatchers.address(DuplicateMatchers.DEFAULT_ADDRESS_SIMILARITY), ADDRESS_WEIGHT)
                .build();
    }

    /** @return a builder without matchers and with the default threshold */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the matchers with their weights, in the order given; unmodifiable */
    public List<WeightedMatcher> matchers() {
        return matchers;
    }

    /** @return the score at which two customers are candidate duplicates */
    public double threshold() {
        return threshold;
    }

    /**
     * Compares two customers (or drafts) directly, without blocking.
     *
     * @param a one customer
     * @param b the other
     * @return the combined score and the evidence of the matchers that fired
     */
    public DuplicateScore compare(MatchSubject a, MatchSubject b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        List<MatchEvidence> fired = new ArrayList<>();
        double score = scorer.compare(a, b, fired);
        return new DuplicateScore(score, threshold, fired);
    }

    /**
     * Explains a score as contributions whose points add up to it: the evidence ordered by {@code w · s}
     * (largest first, ties in matcher order), each contributing what it adds to the noisy OR of those before it,
     * {@code (1 − P_before) · w · s}.
     *
     * @param fired evidence of this detector's matchers, e.g. {@link DuplicateCandidate#fired()}
     * @return one contribution per piece of evidence: factor = matcher, value = its score, weight = its weight,
     *     points = its share of the combined score, note = its detail
     * @throws IllegalArgumentException if a piece of evidence names a matcher this detector does not have
     */
    public List<Contribution> contributions(List<MatchEvidence> fired) {
        Objects.requireNonNull(fired, "fired");
        List<MatchEvidence> ordered = new ArrayList<>(fired);
        ordered.sort(Comparator.comparingDouble((MatchEvidence e) -> -weightOf(e.matcher()) * e.score())
                .thenComparingInt(e -> indexOf(e.matcher())));
        List<Contribution> out = new ArrayList<>(ordered.size());
        double before = 0;
        for (MatchEvidence e : ordered) {
            double w = weightOf(e.matcher());
            double points = (1 - before) * w * e.score();
            before += points;
            out.add(new Contribution(e.matcher(), e.score(), w, points, e.detail()));
        }
        return out;
    }

    private double weightOf(String matcher) {
        return matchers.get(indexOf(matcher)).weight();
    }

    private int indexOf(String matcher) {
        for (int i = 0; i < matchers.size(); i++) {
            if (matchers.get(i).matcher().name().equals(matcher)) {
                return i;
            }
        }
        throw new IllegalArgumentException("the detector has no matcher named " + matcher);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("DuplicateDetector[threshold ").append(threshold);
        for (WeightedMatcher m : matchers) {
            s.append(", ").append(m.matcher().name()).append(" × ").append(m.weight());
        }
        return s.append(']').toString();
    }

    /**
     * Builds a detector. Fail-fast: a second matcher with a name already given, or a second threshold, throws at
     * once. Not thread-safe.
     */
    public static final class Builder {
        private final List<WeightedMatcher> matchers = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private Double threshold;

        private Builder() {}

        /**
         * Adds a matcher.
         *
         * @param matcher the matcher
         * @param weight how much its evidence counts, above 0 and at most 1
         * @return this builder
         * @throws ValidationException on {@code weight} with {@link ValidationRule#OUT_OF_RANGE}; on {@code
         *     matchers} with {@link ValidationRule#TOO_LONG} beyond {@value #MAX_MATCHERS} matchers
         * @throws IllegalStateException if a matcher of the same name was added
         */
        public Builder matcher(DuplicateMatcher<?> matcher, double weight) {
            Objects.requireNonNull(matcher, "matcher");
            String name = Objects.requireNonNull(matcher.name(), "matcher.name()");
            if (name.isBlank()) {
                throw new ValidationException("matchers", ValidationRule.BLANK, "a matcher's name is blank");
            }
            WeightedMatcher added = new WeightedMatcher(matcher, weight);
            if (!names.add(name)) {
                throw new IllegalStateException("a matcher named " + name + " was already added");
            }
            if (matchers.size() == MAX_MATCHERS) {
                throw new ValidationException(
                        "matchers", ValidationRule.TOO_LONG, "a detector has at most " + MAX_MATCHERS + " matchers");
            }
            matchers.add(added);
            return this;
        }

        /**
         * Sets the threshold (default {@value DuplicateDetector#DEFAULT_THRESHOLD}).
         *
         * @param value the score at which two customers are candidate duplicates, above 0 and at most 1
         * @return this builder
         * @throws ValidationException on {@code threshold} with {@link ValidationRule#OUT_OF_RANGE}
         * @throws IllegalStateException if the threshold was already set
         */
        public Builder threshold(double value) {
            if (threshold != null) {
                throw new IllegalStateException("threshold was already set to " + threshold);
            }
            threshold = DuplicateMatchers.checkSimilarity("threshold", value);
            return this;
        }

        /**
         * Builds the detector.
         *
         * @return the detector
         * @throws ValidationException on {@code matchers} with {@link ValidationRule#REQUIRED} if none was added
         */
        public DuplicateDetector build() {
            if (matchers.isEmpty()) {
                throw new ValidationException("matchers", ValidationRule.REQUIRED, "a detector needs a matcher");
            }
            return new DuplicateDetector(matchers, threshold == null ? DEFAULT_THRESHOLD : threshold);
        }
    }
}
