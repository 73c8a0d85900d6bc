package dev.guanxi.crm.privacy;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import java.util.Optional;

/**
 * Personal data of one tenant's customers: export, erasure and the suppression list. Obtained from {@link
 * dev.guanxi.crm.TenantCrm#personalData()}. What counts as personal and what erasure keeps is described in the
 * {@linkplain dev.guanxi.crm.privacy package documentation}.
 *
 * <p>Thread-safe: every call is its own unit of work.
 *
 * @since 0.1.0
 */
@Beta
public interface PersonalData {
    /** The text that replaces erased free text and names. */
    String ERASED = "[erased]";

    /**
     * Exports everything the tenant holds about one customer: the customer record and every record of every
     * kind that refers to it (interactions, tasks, orders, invoices, payments, opportunities, contracts, service
     * cases, surveys, campaign responses and targets, competitor dealings, points, ownership and shares,
     * lifecycle log, churn reasons, score snapshot), each entry with its source and the instant its values were
     * set. Reads one customer's records only: O(its records).
     *
     * @param customerId the customer
     * @return the export; {@link PersonalDataExport#toJson()} renders it as JSON
     * @throws dev.guanxi.crm.customer.NoSuchCustomerException if the tenant has no such customer
     */
    PersonalDataExport export(CustomerId customerId);

    /**
     * Erases a customer's personal data from every record and log of the tenant in one transaction, keeping
     * the non-personal facts (see the {@linkplain dev.guanxi.crm.privacy package documentation}); adds the
     * salted hashes of its e-mail addresses, phone numbers and external id to the suppression list; records the
     * erasure and publishes {@link dev.guanxi.crm.event.CustomerErased}. Events still pending for the customer
     * are delivered first, then its delivered events are removed from the outbox. Idempotent: erasing an erased
     * customer changes nothing and returns a report with {@link ErasureReport#alreadyErased()} set.
     *
     * @param customerId the customer
     * @param reason why (e.g. the request's reference), at most 500 characters, kept in the erasure record
     * @return what was erased, by source
     * @throws dev.guanxi.crm.customer.NoSuchCustomerException if the tenant has no such customer
     * @throws dev.guanxi.crm.ValidationException if {@code reason} is blank or too long
     * @throws dev.guanxi.crm.StaleVersionException if records of the customer kept changing during the erasure (a
     *     change committed by another transaction meanwhile is read again and erased, a few times at most)
     */
    ErasureReport erase(CustomerId customerId, String reason);

    /**
     * @param customerId the customer
     * @return the customer's erasure, or empty if it was never erased
     */
    Optional<Erasure> erasure(CustomerId customerId);

    /**
     * Whether a draft names an erased person: one of its e-mail addresses, phone numbers (normalised, see
     * {@link dev.guanxi.crm.stewardship.PhoneNormalizer}) or its external id hashes to an entry of the
     * suppression list. Imports skip such rows; the list holds salted SHA-256 hashes only, never the values.
     *
     * @param draft a customer about to be created
     * @return {@code true} if the draft matches an erased person
     */
    boolean isSuppressed(CustomerDraft draft);

    /**
     * A data steward's audited override of the suppression list: creates a customer whose draft names an erased
     * person (e.g. the person came back and consented again). In one write, the customer is registered exactly as
     * {@link dev.guanxi.crm.customer.Customers#register} does (same checks, events, ownership ledger and audit
     * records), the hashes of the draft's identifiers are removed from the suppression list (so later imports
     * of the person are no longer skipped; identifiers of the erased person that the draft does not carry stay
     * suppressed), and the override is recorded in the audit trail under the new customer (entity kind {@value
     * #OVERRIDE_KIND}, action {@link dev.guanxi.crm.audit.AuditAction#CREATE}, fields {@code reason} and {@code
     * unsuppressed}, the number of hashes removed) with the caller's principal as its author, so the customer's
     * {@linkplain dev.guanxi.crm.audit.AuditTrail#timeline timeline} shows who overrode and why. The erasure
     * record of the erased customer is kept. Reads the draft's identifiers' hashes only: O(its identifiers).
     *
     * @param draft the customer to create; at least one of its identifiers must be on the suppression list
     * @param reason why (e.g. the consent's reference), at most 500 characters, kept in the audit trail
     * @return the customer
     * @throws dev.guanxi.crm.ValidationException naming {@code reason} if it is missing ({@link
     *     dev.guanxi.crm.ValidationRule#REQUIRED}), blank ({@link dev.guanxi.crm.ValidationRule#BLANK}) or too
     *     long; naming {@code draft} with {@link dev.guanxi.crm.ValidationRule#INVALID_STATE} if the draft is not
     *     suppressed (register it the normal way); or as {@link dev.guanxi.crm.customer.Customers#register} does
     * @throws UnsupportedOperationException if the store cannot remove hashes from the suppression list
     * @since 0.1.0
     */
    Customer registerSuppressed(CustomerDraft draft, String reason);

    /** The entity kind of the audit record of a {@linkplain #registerSuppressed suppression override}. */
    String OVERRIDE_KIND = "SuppressionOverride";
}
