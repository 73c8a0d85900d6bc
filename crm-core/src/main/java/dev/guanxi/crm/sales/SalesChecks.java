package dev.guanxi.crm.sales;

import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;
import java.time.Instant;
import java.util.Objects;

/** Checks shared by the records of this package. */
final class SalesChecks {
    /** The longest order, invoice or contract number and the longest product code, in code points. */
    static final int NUMBER_MAX = 64;

    private SalesChecks() {}

    /** Checks the bookkeeping components every aggregate has. */
    static void bookkeeping(long version, Instant createdAt, Instant updatedAt) {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Checks that money fits a {@code long} of minor units (what the purchase scan hands out). */
    static Money fitsMinorUnits(String field, Money value) {
        if (value.amount().unscaledValue().bitLength() > 63) {
            throw Check.fail(field, ValidationRule.TOO_LONG, field + " is too large");
        }
        return value;
    }
}
