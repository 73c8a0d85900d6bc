package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.PaymentMethod;
import java.time.LocalDate;

/**
 * A payment received, to import, keyed by its external id. Importing the same external id again with the same
 * values is unchanged; with other values it is a row error: an import never rewrites a payment.
 *
 * <p>Immutable and thread-safe.
 *
 * @param externalId the payment's key, 1 to 128 characters
 * @param customerExternalId the external id of the paying customer
 * @param amount the amount received, greater than zero
 * @param receivedOn the day it was received, not in the future
 * @param method how it was paid
 * @param reference the bank's or provider's reference, at most 200 characters, or {@code null}
 * @param invoiceNumber the number of the customer's invoice it pays, or {@code null} for a payment on account
 * @since 0.1.0
 */
@Beta
public record ImportedPayment(
        String externalId,
        String customerExternalId,
        Money amount,
        LocalDate receivedOn,
        PaymentMethod method,
        String reference,
        String invoiceNumber)
        implements ImportedRecord {
    /**
     * Validates the record.
     *
     * @param externalId the payment's key, 1 to 128 characters
     * @param customerExternalId the external id of the paying customer
     * @param amount the amount received, greater than zero
     * @param receivedOn the day it was received, not in the future
     * @param method how it was paid
     * @param reference the bank's or provider's reference, at most 200 characters, or {@code null}
     * @param invoiceNumber the number of the customer's invoice it pays, or {@code null} for a payment on account
     * @throws ValidationException naming the field and the rule
     */
    public ImportedPayment {
        Check.text("externalId", externalId, EXTERNAL_ID_MAX);
        Check.text("customerExternalId", customerExternalId, EXTERNAL_ID_MAX);
        Check.positive("amount", amount);
        Check.required("receivedOn", receivedOn);
        Check.required("method", method);
        Check.optionalText("reference", reference, Check.NAME_MAX);
        Check.optionalText("invoiceNumber", invoiceNumber, OrderLine.PRODUCT_CODE_MAX);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.PAYMENTS;
    }
}
