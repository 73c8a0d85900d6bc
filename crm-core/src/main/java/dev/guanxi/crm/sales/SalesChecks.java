package dev.guanxi.crm.sales;

import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Checks shared by the records of this package. */
final class SalesChecks {
    /** The longest order, invoice or contract number and the longest product code, in code points. */
    static final int NUMBER_MAX = 64;

    private SalesChecks() {}

    /** Treats a {@code null} optional as empty and checks a present text. */
    static Optional<String> optionalText(String field, Optional<String> value, int max) {
        Optional<String> v = value == null ? Optional.empty() : value;
        v.ifPresent(text -> Check.text(field, text, max));
        return v;
    }

    /** Treats a {@code null} optional as empty. */
    static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

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
