package dev.guanxi.crm;

import java.util.regex.Pattern;

/**
 * Refers to a member of staff (a salesperson, an agent, an account manager) by the host application's own
 * user id. Guanxi keeps no user records of its own.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value 1 to 128 characters without control characters or white space at either end
 */
public record StaffId(String value) {
    private static final Pattern SYNTAX = Pattern.compile("[^\\p{Cntrl}\\s](?:[^\\p{Cntrl}]{0,126}[^\\p{Cntrl}\\s])?");

    /**
     * Validates the syntax.
     *
     * @param value 1 to 128 characters without control characters or white space at either end
     * @throws ValidationException on field {@code staffId}: {@link ValidationRule#REQUIRED} if {@code value} is
     *     null, {@link ValidationRule#INVALID_FORMAT} if it is not 1 to 128 characters without control
     *     characters or white space at either end
     */
    public StaffId {
        if (value == null) {
            throw new ValidationException("staffId", ValidationRule.REQUIRED, "staff id is required");
        }
        if (!SYNTAX.matcher(value).matches()) {
            throw new ValidationException(
                    "staffId",
                    ValidationRule.INVALID_FORMAT,
                    "a staff id is 1 to 128 characters, no control characters");
        }
    }

    /**
     * @param value the host's user id
     * @return the staff id
     */
    public static StaffId of(String value) {
        return new StaffId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
