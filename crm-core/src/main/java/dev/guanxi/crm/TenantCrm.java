package dev.guanxi.crm;

import dev.guanxi.crm.competitor.Competitors;
import dev.guanxi.crm.customer.Customers;
import dev.guanxi.crm.customer.ReferenceCodes;
import dev.guanxi.crm.interaction.Interactions;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.internal.competitor.DefaultCompetitors;
import dev.guanxi.crm.internal.customer.DefaultCustomers;
import dev.guanxi.crm.internal.customer.DefaultReferenceCodes;
import dev.guanxi.crm.internal.interaction.DefaultInteractions;
import dev.guanxi.crm.internal.marketing.DefaultMarketing;
import dev.guanxi.crm.internal.membership.DefaultMembership;
import dev.guanxi.crm.internal.sales.DefaultSales;
import dev.guanxi.crm.internal.service.DefaultService;
import dev.guanxi.crm.loyalty.Membership;
import dev.guanxi.crm.marketing.Marketing;
import dev.guanxi.crm.sales.Sales;
import dev.guanxi.crm.service.Service;

/**
 * The CRM as one tenant sees it: the focused APIs, each reading and writing only this tenant's data.
 * Obtained from {@link Crm#tenant(TenantId)}, and bound to a call context by {@link #as} (who calls: recorded in
 * the audit trail and, with an access policy, what they may see and change) and {@link #correlated} (the id under
 * which the call's changes are recorded). Immutable and thread-safe.
 */
public final class TenantCrm {
    private final CrmContext context;
    private final TenantId tenant;

    TenantCrm(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the customer archive: register, update, find and query customers */
    public Customers customers() {
        return new DefaultCustomers(context, tenant);
    }

    /** @return the tenant's code tables for customer type, status, region and industry */
    public ReferenceCodes referenceCodes() {
        return new DefaultReferenceCodes(context, tenant);
    }

    /** @return interactions on every channel and follow-up tasks */
    public Interactions interactions() {
        return new DefaultInteractions(context, tenant);
    }

    /** @return orders, invoices, payments, opportunities and contracts */
    public Sales sales() {
        return new DefaultSales(context, tenant);
    }

    /** @return service cases and satisfaction surveys */
    public Service service() {
        return new DefaultService(context, tenant);
    }

    /** @return campaigns and their responses */
    public Marketing marketing() {
        return new DefaultMarketing(context, tenant);
    }

    /** @return competitors and their dealings with our customers */
    public Competitors competitors() {
        return new DefaultCompetitors(context, tenant);
    }

    /**
     * @return the relationship lifecycle: transition logs, manual moves, churn reasons, stage flow
     * @since 0.1.0
     */
    @Beta
    public dev.guanxi.crm.lifecycle.Lifecycle lifecycle() {
        return new dev.guanxi.crm.internal.lifecycle.DefaultLifecycle(context, tenant);
    }

    /** @return the membership programme: points accounts with their ledger, and tiers */
    @Beta
    public Membership membership() {
        return new DefaultMembership(context, tenant);
    }

    /**
     * @return customer value: the scoring run (80/20 grading, RFM, credit, loyalty, selection matrix) and
     *     scoring of one customer on demand
     */
    public dev.guanxi.crm.classification.Scoring scoring() {
        return new dev.guanxi.crm.internal.scoring.DefaultScoring(context, tenant);
    }

    /** @return analysis over the stored data: sales statistics, market-basket rules and recommendations */
    public dev.guanxi.crm.analytics.Analysis analysis() {
        return new dev.guanxi.crm.internal.analytics.DefaultAnalysis(context, tenant);
    }

    /**
     * @return personal data: export of everything held about one customer, erasure, the suppression list
     * @since 0.1.0
     */
    public dev.guanxi.crm.privacy.PersonalData personalData() {
        return new dev.guanxi.crm.internal.privacy.DefaultPersonalData(context, tenant);
    }

    /**
     * @return data stewardship with the {@linkplain dev.guanxi.crm.stewardship.DuplicateDetector#defaults()
     *     default duplicate detector}: duplicate checks before registering, whole-tenant duplicate scans
     * @since 0.1.0
     */
    @Beta
    public dev.guanxi.crm.stewardship.Stewardship stewardship() {
        return stewardship(dev.guanxi.crm.stewardship.DuplicateDetector.defaults());
    }

    /**
     * @param detector the matchers, weights and threshold to compare customers with, e.g. {@link
     *     dev.guanxi.crm.stewardship.DuplicateDetector#defaults(String)} with the tenant's phone region
     * @return data stewardship with that detector
     * @since 0.1.0
     */
    @Beta
    public dev.guanxi.crm.stewardship.Stewardship stewardship(dev.guanxi.crm.stewardship.DuplicateDetector detector) {
        return new dev.guanxi.crm.internal.stewardship.DefaultStewardship(context, tenant, detector);
    }

    /**
     * Returns bulk import: customers, contacts, purchases, payments and interactions from CSV files and Java
     * iterables, idempotent by external id, in atomic batches with a journal that resumes an interrupted import,
     * with an error report and duplicate detection; and the CSV export of customers. A separate entry point rather
     * than a part of {@link #stewardship()}: an import needs no detector unless it checks duplicates, and its
     * options carry one then. {@link dev.guanxi.crm.stewardship.DuplicatePolicy#MERGE} merges a duplicate row
     * with the engine of {@link dev.guanxi.crm.stewardship.Stewardship#merge}, in the row's batch, recorded in the
     * merge log (so {@link dev.guanxi.crm.stewardship.Stewardship#undoMerge} undoes it).
     *
     * @return bulk import of this tenant
     * @since 0.1.0
     */
    @Beta
    public dev.guanxi.crm.stewardship.Imports imports() {
        return new dev.guanxi.crm.internal.stewardship.DefaultImports(
                context, tenant, dev.guanxi.crm.internal.stewardship.ImportMerge.engine(context, tenant));
    }

    /**
     * Returns this tenant's CRM bound to a principal: every call through the result is made as {@code
     * principal}. The principal's user is recorded as the author of every change in the {@linkplain #audit() audit
     * trail}, and, if the CRM was built with an {@link dev.guanxi.crm.access.AccessPolicy}, the policy decides what
     * the principal may read and change. Cheap: bind one per request. Without a principal (this object as {@link
     * Crm#tenant} returns it), changes are recorded as made by the {@linkplain
     * dev.guanxi.crm.audit.AuditRecord#SYSTEM system}.
     *
     * @param principal who calls
     * @return the tenant's CRM as seen and changed by {@code principal}; this object is unchanged
     * @throws ValidationException ({@code principal}, {@link ValidationRule#REQUIRED}) if it is null
     * @since 0.1.0
     */
    @Beta
    public TenantCrm as(dev.guanxi.crm.access.Principal principal) {
        if (principal == null) {
            throw new ValidationException("principal", ValidationRule.REQUIRED, "principal is required");
        }
        return new TenantCrm(context.bind(context.caller().as(principal)), tenant);
    }

    /**
     * Returns this tenant's CRM bound to a correlation id: every change made through the result is recorded in the
     * {@linkplain #audit() audit trail} under {@code correlationId} (e.g. the host's request or trace id), so
     * that {@link dev.guanxi.crm.audit.AuditTrail#correlated} finds everything one request changed. Without one,
     * each write gets a new random correlation id.
     *
     * @param correlationId 1 to 128 characters, one line
     * @return the tenant's CRM with that correlation id; this object is unchanged
     * @throws ValidationException on {@code correlationId} if it is missing, blank, too long or not one line
     * @since 0.1.0
     */
    @Beta
    public TenantCrm correlated(String correlationId) {
        if (correlationId == null) {
            throw new ValidationException("correlationId", ValidationRule.REQUIRED, "correlationId is required");
        }
        return new TenantCrm(context.bind(context.caller().correlated(correlationId)), tenant);
    }

    /**
     * @return the audit trail: a customer's timeline, an entity's history, a call's changes
     * @throws UnsupportedOperationException if the store keeps no audit trail (on the first read)
     * @since 0.1.0
     */
    @Beta
    public dev.guanxi.crm.audit.AuditTrail audit() {
        return new dev.guanxi.crm.internal.audit.DefaultAuditTrail(context, tenant);
    }

    /**
     * Delivers events that were committed but not delivered (the JVM stopped in between), oldest first.
     * Hosts call this once at start-up.
     *
     * @return how many events were delivered
     */
    public int deliverPendingEvents() {
        return context.deliverPending(tenant);
    }
}
