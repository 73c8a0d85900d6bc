package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.TenantId;

/**
 * One transaction in one tenant, handing out a repository per aggregate. Valid only while the {@link
 * TransactionWork} that received it runs; not thread-safe (one unit of work belongs to one thread).
 */
public interface UnitOfWork {
    /** @return the tenant every repository of this unit of work is scoped to */
    TenantId tenant();

    /** @return customers */
    CustomerRepository customers();

    /** @return the tenant's reference code tables (customer type, status, region, industry) */
    ReferenceCodeRepository referenceCodes();

    /** @return interactions on every channel */
    InteractionRepository interactions();

    /** @return follow-up tasks */
    TaskRepository tasks();

    /** @return orders (purchases) with their lines */
    OrderRepository orders();

    /** @return invoices (receivables) */
    InvoiceRepository invoices();

    /** @return payments received */
    PaymentRepository payments();

    /** @return sales opportunities */
    OpportunityRepository opportunities();

    /** @return contracts */
    ContractRepository contracts();

    /** @return service cases (complaints, requests, enquiries) */
    ServiceCaseRepository serviceCases();

    /** @return satisfaction survey responses */
    SurveyResponseRepository surveyResponses();

    /** @return marketing campaigns */
    CampaignRepository campaigns();

    /** @return campaign responses */
    CampaignResponseRepository campaignResponses();

    /** @return competitors */
    CompetitorRepository competitors();

    /** @return competitors' dealings with our customers */
    CompetitorDealingRepository competitorDealings();

    /** @return the customers' score snapshots and the scoring runs */
    ScoreRepository scores();

    /**
     * Returns the members' points accounts and ledgers. A store that predates the membership programme keeps
     * the default, and the membership API then fails with {@link UnsupportedOperationException}.
     *
     * @return the points accounts and their ledgers
     * @throws UnsupportedOperationException if the store does not keep points (the default)
     * @since 0.1.0
     */
    default PointsLedgerRepository points() {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep points ledgers");
    }

    /**
     * Returns the customers' ownership ledgers and shares. A store that predates them keeps the default: the
     * customer API then writes no ledger lines on registration and owner changes, and its ownership, sharing
     * and handover methods fail with {@link UnsupportedOperationException}.
     *
     * @return the ownership ledgers and shares
     * @throws UnsupportedOperationException if the store does not keep ownership ledgers (the default)
     * @since 0.1.0
     */
    default OwnershipRepository ownership() {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep ownership ledgers");
    }

    /**
     * Returns the customers' lifecycle transition logs, current stages and churn reasons. A store that predates
     * them keeps the default: the scoring run then keeps each customer's stage in its score snapshot only (no
     * log), and the {@link dev.guanxi.crm.lifecycle.Lifecycle} API fails with {@link
     * UnsupportedOperationException}.
     *
     * @return the lifecycle logs
     * @throws UnsupportedOperationException if the store does not keep lifecycle logs (the default)
     * @since 0.1.0
     */
    default LifecycleRepository lifecycle() {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep lifecycle logs");
    }

    /**
     * Returns the campaigns' target lists. A store that predates them keeps the default, and the marketing
     * API's target methods (and {@code Scoring.targetWinBack}) then fail with {@link
     * UnsupportedOperationException}.
     *
     * @return the campaigns' target lists
     * @throws UnsupportedOperationException if the store does not keep target lists (the default)
     * @since 0.1.0
     */
    default CampaignTargetRepository campaignTargets() {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep campaign target lists");
    }

    /**
     * Returns the store's part of personal-data erasure. A store that predates it keeps the default, and the
     * personal-data API then fails with {@link UnsupportedOperationException}.
     *
     * @return the privacy repository of this unit of work
     * @throws UnsupportedOperationException if the store does not support erasure (the default)
     * @since 0.1.0
     */
    default PrivacyRepository privacy() {
        throw new UnsupportedOperationException(getClass().getName() + " does not support personal-data erasure");
    }

    /**
     * Returns the tenant's merge log and the tombstones of merged customers. A store that predates them keeps the
     * default: customers can then not be merged ({@link dev.guanxi.crm.stewardship.Stewardship#merge} and its
     * undo and log fail with {@link UnsupportedOperationException}), and lookups never resolve a tombstone.
     *
     * @return the merge log
     * @throws UnsupportedOperationException if the store keeps no merge log (the default)
     * @since 0.1.0
     */
    default MergeLogRepository mergeLog() {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep a merge log");
    }

    /**
     * Returns the audit trail's records. A store that predates the audit trail keeps the default: the SDK then
     * records no audit trail on it, and {@code TenantCrm.audit()} fails with {@link UnsupportedOperationException}.
     *
     * @return the audit records
     * @throws UnsupportedOperationException if the store does not keep an audit trail (the default)
     * @since 0.1.0
     */
    default AuditRepository audit() {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep an audit trail");
    }

    /** @return the transactional outbox of domain events */
    EventOutbox outbox();

    /**
     * Returns the journal of bulk imports. A store that predates it keeps the default, and the import API then
     * fails with {@link UnsupportedOperationException}.
     *
     * @return the import journal
     * @throws UnsupportedOperationException if the store keeps no import journal (the default)
     * @since 0.1.0
     */
    default ImportJournalRepository importJournal() {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep an import journal");
    }
}
