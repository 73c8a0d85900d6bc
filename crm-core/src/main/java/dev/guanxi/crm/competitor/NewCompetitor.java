package dev.guanxi.crm.competitor;

import dev.guanxi.crm.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A competitor's profile as a host supplies it, to register a competitor or to replace the profile of one.
 * Holds no id, version or timestamps: those are the CRM's. Validated on construction (see {@link Competitor}
 * for the rules). Immutable and thread-safe.
 *
 * @param name the name, 1 to 200 characters, unique per tenant
 * @param website the web site, or {@code null}
 * @param strengths what they are good at, or {@code null}
 * @param weaknesses where they are weak, or {@code null}
 * @param products their products, up to 500, names unique by {@link Competitor#nameKey(String)}; copied
 * @param people their key people
 */
public record NewCompetitor(
        String name,
        String website,
        String strengths,
        String weaknesses,
        List<CompetitorProduct> products,
        List<CompetitorContact> people) {
    /**
     * Validates the components and copies the lists.
     *
     * @param name the name, 1 to 200 characters, unique per tenant
     * @param website the web site, or {@code null}
     * @param strengths what they are good at, or {@code null}
     * @param weaknesses where they are weak, or {@code null}
     * @param products their products, up to 500, names unique by {@link Competitor#nameKey(String)}; copied
     * @param people their key people
     */
    public NewCompetitor {
        Competitor.validateProfile(name, website, strengths, weaknesses, products, people);
        products = List.copyOf(products);
        people = List.copyOf(people);
    }

    /**
     * Starts a profile.
     *
     * @param name the competitor's name
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Starts a profile filled in from a stored competitor, to change some of it with {@link
     * Competitors#update}.
     *
     * @param competitor the stored competitor
     * @return a builder holding the competitor's current profile
     */
    public static Builder from(Competitor competitor) {
        Builder b = new Builder(competitor.name());
        b.website = competitor.website();
        b.strengths = competitor.strengths();
        b.weaknesses = competitor.weaknesses();
        b.products.addAll(competitor.products());
        b.people.addAll(competitor.people());
        return b;
    }

    /** Builds a {@link NewCompetitor}; validation happens in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private String website;
        private String strengths;
        private String weaknesses;
        private final List<CompetitorProduct> products = new ArrayList<>();
        private final List<CompetitorContact> people = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * @param name the competitor's name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * @param website an http(s) address or host name, or {@code null}
         * @return this builder
         */
        public Builder website(String website) {
            this.website = website;
            return this;
        }

        /**
         * @param strengths what they are good at, or {@code null}
         * @return this builder
         */
        public Builder strengths(String strengths) {
            this.strengths = strengths;
            return this;
        }

        /**
         * @param weaknesses where they are weak, or {@code null}
         * @return this builder
         */
        public Builder weaknesses(String weaknesses) {
            this.weaknesses = weaknesses;
            return this;
        }

        /**
         * @param product a product to list
         * @return this builder
         */
        public Builder product(CompetitorProduct product) {
            products.add(product);
            return this;
        }

        /**
         * @param person a key person to list
         * @return this builder
         */
        public Builder person(CompetitorContact person) {
            people.add(person);
            return this;
        }

        /**
         * @return the profile
         * @throws ValidationException if a value breaks a rule
         */
        public NewCompetitor build() {
            return new NewCompetitor(name, website, strengths, weaknesses, products, people);
        }
    }
}
