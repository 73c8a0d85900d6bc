package dev.guanxi.crm.competitor;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A competitor (竞争对手): basic data, what it is good and bad at, its products and its key people. Its
 * dealings with our customers are {@link CompetitorDealing}s.
 *
 * <p>The name is unique per tenant ignoring case, Unicode compatibility forms and white space at either
 * end: two names clash when their {@link #nameKey(String) name keys} are equal ("ACME" and " Acme" do). The
 * name itself is kept exactly as given.
 *
 * <p>Immutable and thread-safe; changes are made through {@link Competitors}.
 *
 * @param id the competitor's id, assigned by the CRM at registration, not null
 * @param name the name, in any script, 1 to 200 characters
 * @param website the web site, or {@code null}: an {@code http} or {@code https} URL or a bare host name with
 *     an optional path ({@code example.com/products}), up to 2,000 characters
 * @param strengths what they are good at, free text, or {@code null}
 * @param weaknesses where they are weak, free text, or {@code null}
 * @param products their products, up to 500, names unique by {@link #nameKey(String)}
 * @param people their key people, up to 200
 * @param version the version, 1 when registered
 * @param createdAt when it was registered
 * @param updatedAt when it was last changed
 */
public record Competitor(
        CompetitorId id,
        String name,
        String website,
        String strengths,
        String weaknesses,
        List<CompetitorProduct> products,
        List<CompetitorContact> people,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<CompetitorId> {
    /** The most products a competitor may list. */
    public static final int MAX_PRODUCTS = 500;
    /** The most key people a competitor may list. */
    public static final int MAX_PEOPLE = 200;
    /** The longest web site address. */
    public static final int WEBSITE_MAX = 2_000;

    // An optional http(s) scheme, a host name of two or more labels (letters in any script), an optional
    // port, then an optional path, query or fragment without white space.
    private static final Pattern WEBSITE = Pattern.compile(
            "(?iU)(https?://)?(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}\\.?(?::\\d{1,5})?(?:[/?#]\\S*)?");

    /**
     * Validates the components and copies the lists.
     *
     * @param id the competitor's id, assigned by the CRM at registration, not null
     * @param name the name, in any script, 1 to 200 characters
     * @param website the web site, or {@code null}: an {@code http} or {@code https} URL or a bare host name with an
     *     optional path ({@code example.com/products}), up to 2,000 characters
     * @param strengths what they are good at, free text, or {@code null}
     * @param weaknesses where they are weak, free text, or {@code null}
     * @param products their products, up to 500, names unique by {@link #nameKey(String)}
     * @param people their key people, up to 200
     * @param version the version, 1 when registered
     * @param createdAt when it was registered
     * @param updatedAt when it was last changed
     * @throws ValidationException naming the first field that breaks a rule
     * @throws NullPointerException if {@code id}, {@code createdAt} or {@code updatedAt} is null
     * @throws IllegalArgumentException if {@code version} is less than 1
     */
    public Competitor {
        Objects.requireNonNull(id, "id");
        validateProfile(name, website, strengths, weaknesses, products, people);
        products = List.copyOf(products);
        people = List.copyOf(people);
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The rules a competitor's profile obeys; shared with {@link NewCompetitor}. */
    static void validateProfile(
            String name,
            String website,
            String strengths,
            String weaknesses,
            List<CompetitorProduct> products,
            List<CompetitorContact> people) {
        Check.text("name", name, Check.NAME_MAX);
        validateWebsite(website);
        Check.optionalMultiline("strengths", strengths, Check.TEXT_MAX);
        Check.optionalMultiline("weaknesses", weaknesses, Check.TEXT_MAX);
        Check.list("products", products, MAX_PRODUCTS);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < products.size(); i++) {
            Integer first = seen.putIfAbsent(nameKey(products.get(i).name()), i);
            if (first != null) {
                throw Check.fail(
                        "products[" + i + "].name",
                        ValidationRule.DUPLICATE,
                        "product '" + products.get(i).name() + "' is listed twice (also at " + first + ")");
            }
        }
        Check.list("people", people, MAX_PEOPLE);
    }

    private static void validateWebsite(String website) {
        if (website == null) {
            return;
        }
        Check.text("website", website, WEBSITE_MAX);
        if (!WEBSITE.matcher(website).matches()) {
            throw Check.fail(
                    "website",
                    ValidationRule.INVALID_FORMAT,
                    "'" + website + "' is not an http(s) address or host name such as example.com");
        }
    }

    /**
     * Returns the key under which a competitor's or product's name is unique: the name in Unicode
     * compatibility form (NFKC), without white space at either end, in lower case ({@link Locale#ROOT}).
     * Stores keep it to enforce uniqueness and to order lists.
     *
     * @param name a name
     * @return its key
     */
    public static String nameKey(String name) {
        Objects.requireNonNull(name, "name");
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** @return the key under which this competitor's name is unique per tenant, see {@link #nameKey(String)} */
    public String nameKey() {
        return nameKey(name);
    }

    /**
     * Creates a competitor from a profile.
     *
     * @param id the new id
     * @param profile what the host supplied
     * @param now the instant of registration
     * @return the competitor at version 1
     */
    public static Competitor register(CompetitorId id, NewCompetitor profile, Instant now) {
        Objects.requireNonNull(profile, "profile");
        return new Competitor(
                id,
                profile.name(),
                profile.website(),
                profile.strengths(),
                profile.weaknesses(),
                profile.products(),
                profile.people(),
                1,
                now,
                now);
    }

    /**
     * Returns this competitor with its whole profile replaced, one version later.
     *
     * @param profile the new profile
     * @param now the instant of the change
     * @return the changed competitor
     */
    public Competitor revise(NewCompetitor profile, Instant now) {
        Objects.requireNonNull(profile, "profile");
        return new Competitor(
                id,
                profile.name(),
                profile.website(),
                profile.strengths(),
                profile.weaknesses(),
                profile.products(),
                profile.people(),
                version + 1,
                createdAt,
                now);
    }

    /**
     * Returns this competitor with one more product, one version later.
     *
     * @param product the product
     * @param now the instant of the change
     * @return the changed competitor
     * @throws ValidationException on {@code product.name} with rule {@link ValidationRule#DUPLICATE} if a
     *     product of that name is listed; on {@code products} with rule {@link ValidationRule#TOO_LONG} if
     *     the list is full
     */
    public Competitor withProduct(CompetitorProduct product, Instant now) {
        Check.required("product", product);
        String key = nameKey(product.name());
        if (products.stream().anyMatch(p -> nameKey(p.name()).equals(key))) {
            throw Check.fail(
                    "product.name", ValidationRule.DUPLICATE, "product '" + product.name() + "' is already listed");
        }
        List<CompetitorProduct> more = new ArrayList<>(products);
        more.add(product);
        return new Competitor(id, name, website, strengths, weaknesses, more, people, version + 1, createdAt, now);
    }
}
