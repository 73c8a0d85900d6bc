package dev.guanxi.crm.customer;

import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.Violations;

/**
 * One entry of a tenant's code table: a code (what customers store), a label in any script (what users
 * see) and whether new writes may still use it. Codes are case-sensitive.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the code table the entry belongs to (e.g. {@link ReferenceCodeType#CHURN_REASON}), required
 * @param code the code, 1 to 64 characters of {@code [A-Za-z0-9_.-]}
 * @param label the label, 1 to 200 characters in any script, kept exactly as given
 * @param active whether customers may be given this code; an inactive code stays on the customers that
 *     already have it
 */
public record ReferenceCode(ReferenceCodeType type, String code, String label, boolean active) {
    /**
     * Validates the components.
     *
     * @param type the code table the entry belongs to (e.g. {@link ReferenceCodeType#CHURN_REASON}), required
     * @param code the code, 1 to 64 characters of {@code [A-Za-z0-9_.-]}
     * @param label the label, 1 to 200 characters in any script, kept exactly as given
     * @param active whether customers may be given this code; an inactive code stays on the customers that already have
     *     it
     * @throws dev.guanxi.crm.ValidationException naming every offending component ({@code type}, {@code code},
     *     {@code label})
     */
    public ReferenceCode {
        Violations v = new Violations();
        v.run(() -> Check.required("type", type));
        v.run(() -> Check.code("code", code));
        v.run(() -> Check.text("label", label, Check.NAME_MAX));
        v.throwIfAny();
    }

    /**
     * Creates an active code.
     *
     * @param type the table
     * @param code the code
     * @param label the label
     * @return the active code
     */
    public static ReferenceCode of(ReferenceCodeType type, String code, String label) {
        return new ReferenceCode(type, code, label, true);
    }

    /** @return this code, inactive */
    public ReferenceCode deactivated() {
        return new ReferenceCode(type, code, label, false);
    }

    /**
     * Returns this code with another label, active.
     *
     * @param newLabel the label
     * @return the code, relabelled and active
     */
    public ReferenceCode redefined(String newLabel) {
        return new ReferenceCode(type, code, newLabel, true);
    }
}
