package dev.guanxi.crm.customer;

import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.Violations;
import java.util.ArrayList;
import java.util.List;

/**
 * A person to deal with at an organisation customer (联系人): a buyer, an accountant, a managing director,
 * with their own contact points. Only organisations have contact persons.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the person's name in any script, 1 to 200 characters, kept exactly as given
 * @param role the person's role or title (e.g. {@code 采购经理}, {@code Buyer}), or {@code null}
 * @param contactPoints the person's own contact points, at most {@value #MAX_CONTACT_POINTS}, at most one
 *     primary per type
 */
public record ContactPerson(String name, String role, List<ContactPoint> contactPoints) {
    /** The most contact points a contact person may have. */
    public static final int MAX_CONTACT_POINTS = 20;

    /**
     * Validates the components.
     *
     * @param name the person's name in any script, 1 to 200 characters, kept exactly as given
     * @param role the person's role or title (e.g. {@code 采购经理}, {@code Buyer}), or {@code null}
     * @param contactPoints the person's own contact points, at most {@value #MAX_CONTACT_POINTS}, at most one primary
     *     per type
     * @throws dev.guanxi.crm.ValidationException naming every offending component ({@code name}, {@code role},
     *     {@code contactPoints[i]...})
     */
    public ContactPerson {
        Violations v = new Violations();
        v.run(() -> Check.text("name", name, Check.NAME_MAX));
        v.run(() -> Check.optionalText("role", role, Check.NAME_MAX));
        contactPoints = ContactPoint.checkList(v, "contactPoints", contactPoints, MAX_CONTACT_POINTS);
        v.throwIfAny();
    }

    /**
     * Creates a contact person without contact points.
     *
     * @param name the name
     * @param role the role, or {@code null}
     * @return the contact person
     */
    public static ContactPerson of(String name, String role) {
        return new ContactPerson(name, role, List.of());
    }

    /**
     * Returns this contact person with one more contact point.
     *
     * @param contactPoint the contact point to add
     * @return a new contact person
     */
    public ContactPerson withContactPoint(ContactPoint contactPoint) {
        List<ContactPoint> more = new ArrayList<>(contactPoints);
        more.add(contactPoint);
        return new ContactPerson(name, role, more);
    }
}
