package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.customer.PartyKind;
import dev.guanxi.crm.customer.PostalAddress;
import dev.guanxi.crm.stewardship.DuplicateMatcher;
import dev.guanxi.crm.stewardship.MatchEvidence;
import dev.guanxi.crm.stewardship.MatchSubject;
import dev.guanxi.crm.stewardship.NameNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares postal addresses: in the same country, with the same postal code (folded: width, case, spaces), or,
 * where one has none, in the same folded locality, the similarity is the Dice coefficient of the folded words of
 * the street lines. Fires at or above the minimum similarity. Proposes no pairs (no blocking keys): an address
 * alone does not make a duplicate (households, office buildings), it only adds evidence to pairs that names,
 * e-mail or phone propose. Thread-safe.
 */
public final class AddressMatcher implements DuplicateMatcher<AddressMatcher.Address[]> {
    /** One folded address. */
    public record Address(String country, String postalCode, String locality, String[] street) {}

    private final String name;
    private final NameNormalizer normalizer;
    private final double minSimilarity;

    /**
     * @param name the matcher's name
     * @param normalizer how street words and localities are folded
     * @param minSimilarity the street-word similarity at which the matcher fires
     */
    public AddressMatcher(String name, NameNormalizer normalizer, double minSimilarity) {
        this.name = Objects.requireNonNull(name, "name");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.minSimilarity = minSimilarity;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Address[]> prepare(MatchSubject subject) {
        List<PostalAddress> addresses = subject.addresses();
        if (addresses.isEmpty()) {
            return Optional.empty();
        }
        List<Address> out = new ArrayList<>(addresses.size());
        for (PostalAddress a : addresses) {
            TreeSet<String> words = new TreeSet<>();
            for (String line : a.lines()) {
                words.addAll(normalizer.tokens(line, PartyKind.PERSON));
            }
            String postal = a.postalCode() == null
                    ? null
                    : String.join("", normalizer.tokens(a.postalCode(), PartyKind.PERSON));
            String locality = a.locality() == null ? null : normalizer.fold(a.locality());
            out.add(new Address(
                    a.countryCode(),
                    postal == null || postal.isEmpty() ? null : postal,
                    locality == null || locality.isEmpty() ? null : locality,
                    words.toArray(new String[0])));
        }
        return Optional.of(out.toArray(new Address[0]));
    }

    @Override
    public List<String> blockingKeys(Address[] prepared) {
        return List.of();
    }

    @Override
    public Optional<MatchEvidence> score(Address[] a, Address[] b) {
        double best = -1;
        Address ba = null;
        for (Address x : a) {
            for (Address y : b) {
                if (!x.country().equals(y.country())) {
                    continue;
                }
                boolean sameArea = x.postalCode() != null && y.postalCode() != null
                        ? x.postalCode().equals(y.postalCode())
                        : x.locality() != null && x.locality().equals(y.locality());
                if (!sameArea) {
                    continue;
                }
                double s = Similarity.dice(x.street(), y.street());
                if (s > best) {
                    best = s;
                    ba = x;
                }
            }
        }
        if (ba == null || best < minSimilarity) {
            return Optional.empty();
        }
        String area = ba.postalCode() != null ? "postal code " + ba.postalCode() : "locality " + ba.locality();
        return Optional.of(new MatchEvidence(
                name, best, "same " + area + ", street words alike (" + Similarity.twoDecimals(best) + ")"));
    }

    @Override
    public String toString() {
        return name + "(min " + minSimilarity + ")";
    }
}
