package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.stewardship.ImportedContact;
import dev.guanxi.crm.stewardship.ImportedInteraction;
import dev.guanxi.crm.stewardship.ImportedPayment;
import dev.guanxi.crm.stewardship.ImportedPurchase;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The keys a batch looks up at once: its good rows' external ids, and the customers they refer to. Stateless. */
final class RowKeys {
    private RowKeys() {}

    static Set<String> externalIds(List<ImportRow> rows) {
        Set<String> ids = new LinkedHashSet<>();
        for (ImportRow row : rows) {
            if (!row.bad()) {
                ids.add(row.externalId());
            }
        }
        return ids;
    }

    static Set<String> customerExternalIds(List<ImportRow> rows) {
        Set<String> ids = new LinkedHashSet<>();
        for (ImportRow row : rows) {
            if (row.bad()) {
                continue;
            }
            Object c = row.content();
            String id = null;
            if (c instanceof ImportedContact contact) {
                id = contact.customerExternalId();
            } else if (c instanceof ImportedPurchase purchase) {
                id = purchase.customerExternalId();
            } else if (c instanceof ImportedPayment payment) {
                id = payment.customerExternalId();
            } else if (c instanceof ImportedInteraction interaction) {
                id = interaction.customerExternalId();
            }
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }
}
