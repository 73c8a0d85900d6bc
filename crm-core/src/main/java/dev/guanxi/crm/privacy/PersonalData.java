package dev.guanxi.crm.privacy;

import dev.guanxi.crm.Beta;
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
     * @throws dev.guanxi.crm.StaleVersionException if a record of the customer changed during the erasure (retry)
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
}
