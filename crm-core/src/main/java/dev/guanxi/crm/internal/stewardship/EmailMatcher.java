package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.ContactType;
import dev.guanxi.crm.stewardship.DuplicateMatcher;
import dev.guanxi.crm.stewardship.EmailNormalizer;
import dev.guanxi.crm.stewardship.MatchEvidence;
import dev.guanxi.crm.stewardship.MatchSubject;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** Fires on a shared normalised e-mail address (score 1); blocks by each address. Thread-safe. */
public final class EmailMatcher implements DuplicateMatcher<String[]> {
    private final String name;
    private final EmailNormalizer normalizer;

    /**
     * @param name the matcher's name
     * @param normalizer how addresses are normalised
     */
    public EmailMatcher(String name, EmailNormalizer normalizer) {
        this.name = Objects.requireNonNull(name, "name");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String[]> prepare(MatchSubject subject) {
        List<String> values = subject.values(ContactType.EMAIL);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<String> addresses = new TreeSet<>();
        for (String v : values) {
            try {
                addresses.add(normalizer.normalize(v));
            } catch (ValidationException e) {
                // a stored value the normaliser cannot read is left out of the comparison
            }
        }
        return addresses.isEmpty() ? Optional.empty() : Optional.of(addresses.toArray(new String[0]));
    }

    @Override
    public List<String> blockingKeys(String[] prepared) {
        return Arrays.asList(prepared);
    }

    @Override
    public Optional<MatchEvidence> score(String[] a, String[] b) {
        String common = Sorted.firstCommon(a, b);
        return common == null ? Optional.empty() : Optional.of(new MatchEvidence(name, 1.0, "same e-mail " + common));
    }

    @Override
    public String toString() {
        return name + "(" + normalizer + ")";
    }
}
