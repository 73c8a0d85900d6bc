package dev.guanxi.crm.customer;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.Violations;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One way to reach a customer or a contact person: a phone or fax number, an e-mail address, a postal
 * address or a messaging handle, with its purpose, an optional validity period and a primary flag.
 *
 * <p>By {@link #type()}:
 *
 * <ul>
 *   <li>{@code PHONE}, {@code FAX}: {@code value} is the number, checked and <em>normalised</em> to {@code +}
 *       and digits (or digits only when given without {@code +}): {@code "+86 (10) 6552-9988"} is stored as
 *       {@code "+861065529988"};
 *   <li>{@code EMAIL}: {@code value} is the address, kept as given;
 *   <li>{@code MESSAGING}: {@code network} names the network (e.g. {@code WeChat}) and {@code value} is the
 *       handle, kept as given;
 *   <li>{@code POSTAL_ADDRESS}: {@code address} holds the address and {@code value} is {@code null}.
 * </ul>
 *
 * <p>Use the factories ({@link #phone}, {@link #email}, {@link #postal}, {@link #messaging}...) and the
 * {@code with...} methods. Immutable and thread-safe.
 *
 * @param type the kind of contact point
 * @param value the number, address or handle; {@code null} for a postal address
 * @param address the postal address; {@code null} for every other type
 * @param network the messaging network, 1 to 64 characters; {@code null} for every other type
 * @param purpose what it is used for
 * @param validFrom the first day it may be used, or {@code null} for "always has been"
 * @param validTo the last day it may be used, or {@code null} for "until further notice"
 * @param primary whether it is the preferred contact point of its type (at most one per type and owner)
 */
public record ContactPoint(
        ContactType type,
        String value,
        PostalAddress address,
        String network,
        ContactPurpose purpose,
        LocalDate validFrom,
        LocalDate validTo,
        boolean primary) {
    /** The longest messaging network name. */
    public static final int NETWORK_MAX = 64;

    /**
     * Validates the components and normalises phone and fax numbers.
     *
     * @param type the kind of contact point
     * @param value the number, address or handle; {@code null} for a postal address
     * @param address the postal address; {@code null} for every other type
     * @param network the messaging network, 1 to 64 characters; {@code null} for every other type
     * @param purpose what it is used for
     * @param validFrom the first day it may be used, or {@code null} for "always has been"
     * @param validTo the last day it may be used, or {@code null} for "until further notice"
     * @param primary whether it is the preferred contact point of its type (at most one per type and owner)
     * @throws ValidationException naming every offending component ({@code type}, {@code value}, {@code
     *     address}, {@code network}, {@code purpose}, {@code validTo})
     */
    public ContactPoint {
        Violations v = new Violations();
        if (type == null) {
            v.add("type", ValidationRule.REQUIRED, "type is required");
        } else {
            String given = value;
            switch (type) {
                case PHONE, FAX -> value = v.check(() -> Check.phone("value", given));
                case EMAIL -> v.run(() -> Check.email("value", given));
                case MESSAGING -> v.run(() -> Check.text("value", given, Check.NAME_MAX));
                case POSTAL_ADDRESS -> {
                    if (value != null) {
                        v.add(
                                "value",
                                ValidationRule.INVALID_FORMAT,
                                "a postal contact point keeps its address" + " in 'address', not in 'value'");
                    }
                    if (address == null) {
                        v.add("address", ValidationRule.REQUIRED, "a postal contact point needs an address");
                    }
                }
            }
            if (type != ContactType.POSTAL_ADDRESS && address != null) {
                v.add("address", ValidationRule.INVALID_FORMAT, "only postal contact points have an address");
            }
            if (type == ContactType.MESSAGING) {
                String net = network;
                v.run(() -> Check.text("network", net, NETWORK_MAX));
            } else if (network != null) {
                v.add("network", ValidationRule.INVALID_FORMAT, "only messaging contact points have a network");
            }
        }
        if (purpose == null) {
            v.add("purpose", ValidationRule.REQUIRED, "purpose is required");
        }
        LocalDate from = validFrom;
        LocalDate to = validTo;
        v.run(() -> Check.order("validTo", from, to));
        v.throwIfAny();
    }

    /**
     * Creates a phone number.
     *
     * @param number the number: optional leading {@code +}, 6 to 15 digits, spaces, dots, dashes, parentheses
     * @param purpose what it is used for
     * @return the contact point, with the number normalised
     * @throws ValidationException on {@code value} with {@link ValidationRule#INVALID_FORMAT} for a bad number
     */
    public static ContactPoint phone(String number, ContactPurpose purpose) {
        return new ContactPoint(ContactType.PHONE, number, null, null, purpose, null, null, false);
    }

    /**
     * Creates a fax number.
     *
     * @param number the number, in the same syntax as a phone number
     * @param purpose what it is used for
     * @return the contact point, with the number normalised
     * @throws ValidationException on {@code value} with {@link ValidationRule#INVALID_FORMAT} for a bad number
     */
    public static ContactPoint fax(String number, ContactPurpose purpose) {
        return new ContactPoint(ContactType.FAX, number, null, null, purpose, null, null, false);
    }

    /**
     * Creates an e-mail address.
     *
     * @param address the address, at most 254 characters, kept as given
     * @param purpose what it is used for
     * @return the contact point
     * @throws ValidationException on {@code value} with {@link ValidationRule#INVALID_FORMAT} for a bad
     *     address
     */
    public static ContactPoint email(String address, ContactPurpose purpose) {
        return new ContactPoint(ContactType.EMAIL, address, null, null, purpose, null, null, false);
    }

    /**
     * Creates a postal address.
     *
     * @param address the address
     * @param purpose what it is used for, e.g. {@link ContactPurpose#SHIPPING}
     * @return the contact point
     */
    public static ContactPoint postal(PostalAddress address, ContactPurpose purpose) {
        return new ContactPoint(ContactType.POSTAL_ADDRESS, null, address, null, purpose, null, null, false);
    }

    /**
     * Creates a messaging handle.
     *
     * @param network the network, e.g. {@code WeChat}, 1 to {@value #NETWORK_MAX} characters
     * @param handle the handle on that network, kept as given
     * @param purpose what it is used for
     * @return the contact point
     */
    public static ContactPoint messaging(String network, String handle, ContactPurpose purpose) {
        return new ContactPoint(ContactType.MESSAGING, handle, null, network, purpose, null, null, false);
    }

    /**
     * Returns this contact point with a validity period.
     *
     * @param from the first valid day, or {@code null}
     * @param to the last valid day, or {@code null}
     * @return a new contact point
     * @throws ValidationException on {@code validTo} with {@link ValidationRule#DATE_ORDER} if {@code to} is
     *     before {@code from}
     */
    public ContactPoint withValidity(LocalDate from, LocalDate to) {
        return new ContactPoint(type, value, address, network, purpose, from, to, primary);
    }

    /**
     * Returns this contact point with another purpose.
     *
     * @param newPurpose the purpose
     * @return a new contact point
     */
    public ContactPoint withPurpose(ContactPurpose newPurpose) {
        return new ContactPoint(type, value, address, network, newPurpose, validFrom, validTo, primary);
    }

    /** @return this contact point marked as the primary one of its type */
    public ContactPoint asPrimary() {
        return new ContactPoint(type, value, address, network, purpose, validFrom, validTo, true);
    }

    /**
     * Tells whether the contact point may be used on a day.
     *
     * @param day the day
     * @return {@code true} if {@code day} lies within {@code [validFrom, validTo]} (open ends allowed)
     */
    public boolean isValidOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    /**
     * Checks a list of contact points: at most {@code max}, no {@code null}, at most one primary per type.
     * Reports violations on {@code field[i]...}.
     */
    static List<ContactPoint> checkList(Violations v, String field, List<ContactPoint> points, int max) {
        List<ContactPoint> copy = v.check(() -> Check.list(field, points, max));
        if (copy == null) {
            return null;
        }
        Set<ContactType> primaries = EnumSet.noneOf(ContactType.class);
        for (int i = 0; i < copy.size(); i++) {
            ContactPoint p = copy.get(i);
            if (p.primary() && !primaries.add(p.type())) {
                v.add(
                        field + "[" + i + "].primary",
                        ValidationRule.DUPLICATE,
                        "there is already a primary " + p.type() + " contact point");
            }
        }
        return copy;
    }
}
