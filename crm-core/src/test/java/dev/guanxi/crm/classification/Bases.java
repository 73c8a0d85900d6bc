package dev.guanxi.crm.classification;

import dev.guanxi.crm.customer.CustomerId;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

/** Small customer bases for the classification tests: ids in a known order, one as-of day, dollars. */
final class Bases {
    static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    static final int DAY = (int) AS_OF.toEpochDay();
    static final Currency USD = Currency.getInstance("USD");

    private Bases() {}

    /** Customer {@code n}; ids sort in the order of {@code n}. */
    static CustomerId id(int n) {
        return new CustomerId(new UUID(0, n));
    }

    static CustomerBase.Builder builder() {
        return CustomerBase.builder(AS_OF, USD);
    }

    /** Customers 1, 2, ... with one purchase each, 10 days before the as-of day, of the given dollars. */
    static CustomerBase dollars(long... dollars) {
        CustomerBase.Builder b = builder();
        for (int k = 0; k < dollars.length; k++) {
            b.purchase(id(k + 1), DAY - 10, dollars[k] * 100);
        }
        return b.build();
    }
}
