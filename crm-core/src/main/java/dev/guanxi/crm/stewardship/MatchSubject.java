package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.ContactPoint;
import dev.guanxi.crm.customer.ContactType;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.PartyKind;
import dev.guanxi.crm.customer.PostalAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link DuplicateMatcher} sees of one customer, or of a draft not yet stored: the context object of the
 * matcher SPI, so that more can be offered later without breaking matchers. It holds the customer's own values
 * (not its contact persons': the buyer of an organisation is not the organisation) as stored, unnormalised.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public final class MatchSubject {
    private final CustomerId id;
    private final PartyKind kind;
    private final String displayName;
    private final String legalName;
    private final List<ContactPoint> contactPoints;
    private final String externalId;

    private MatchSubject(
            CustomerId id,
            PartyKind kind,
            String displayName,
            String legalName,
            List<ContactPoint> contactPoints,
            String externalId) {
        this.id = id;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.legalName = legalName;
        this.contactPoints = List.copyOf(contactPoints);
        this.externalId = externalId;
    }

    /**
     * The subject of a stored customer.
     *
     * @param customer the customer
     * @return its subject, with its id
     */
    public static MatchSubject of(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        return new MatchSubject(
                customer.id(),
                customer.kind(),
                customer.displayName(),
                customer.legalName(),
                customer.contactPoints(),
                customer.externalId());
    }

    /**
     * The subject of a draft (a customer about to be registered).
     *
     * @param draft the draft
     * @return its subject, without id
     */
    public static MatchSubject of(CustomerDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return new MatchSubject(
                null, draft.kind(), draft.displayName(), draft.legalName(), draft.contactPoints(), draft.externalId());
    }

    /** @return the customer's id, or empty for a draft */
    public Optional<CustomerId> id() {
        return Optional.ofNullable(id);
    }

    /** @return person or organisation */
    public PartyKind kind() {
        return kind;
    }

    /** @return the display name, as stored */
    public String displayName() {
        return displayName;
    }

    /** @return the legal name, as stored, or empty */
    public Optional<String> legalName() {
        return Optional.ofNullable(legalName);
    }

    /** @return the customer's own contact points, unmodifiable */
    public List<ContactPoint> contactPoints() {
        return contactPoints;
    }

    /** @return the external id, as stored, or empty */
    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    /**
     * Returns the values of the contact points of one type, in stored order.
     *
     * @param type {@code PHONE}, {@code FAX}, {@code EMAIL} or {@code MESSAGING}
     * @return the values (phone and fax numbers as stored: {@code +} and digits, or digits only)
     * @throws IllegalArgumentException for {@code POSTAL_ADDRESS}, which has no value (see {@link #addresses()})
     */
    public List<String> values(ContactType type) {
        Objects.requireNonNull(type, "type");
        if (type == ContactType.POSTAL_ADDRESS) {
            throw new IllegalArgumentException("postal contact points have addresses, not values");
        }
        List<String> out = new ArrayList<>(2);
        for (ContactPoint p : contactPoints) {
            if (p.type() == type) {
                out.add(p.value());
            }
        }
        return out;
    }

    /** @return the postal addresses, in stored order */
    public List<PostalAddress> addresses() {
        List<PostalAddress> out = new ArrayList<>(1);
        for (ContactPoint p : contactPoints) {
            if (p.type() == ContactType.POSTAL_ADDRESS) {
                out.add(p.address());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "MatchSubject[" + (id == null ? "draft" : id) + ", " + kind + "]";
    }
}
