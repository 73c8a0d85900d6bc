package dev.guanxi.crm.internal.marketing;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.CampaignPlanned;
import dev.guanxi.crm.event.CampaignResponseRecorded;
import dev.guanxi.crm.event.CampaignStatusChanged;
import dev.guanxi.crm.internal.Aggregates;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.internal.CrmContext.WriteScope;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignFunnel;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.CampaignResponseId;
import dev.guanxi.crm.marketing.CampaignStatus;
import dev.guanxi.crm.marketing.CampaignTarget;
import dev.guanxi.crm.marketing.Marketing;
import dev.guanxi.crm.marketing.NewCampaign;
import dev.guanxi.crm.marketing.NewCampaignResponse;
import dev.guanxi.crm.marketing.NewCampaignTarget;
import dev.guanxi.crm.marketing.StageReached;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Default {@link Marketing}. Thread-safe: holds only the immutable context and the tenant. */
public final class DefaultMarketing implements Marketing {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's configuration and storage
     * @param tenant the tenant this API works in
     */
    public DefaultMarketing(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }

    @Override
    public Campaign planCampaign(NewCampaign draft) {
        Check.required("campaign", draft);
        return context.write(tenant, scope -> {
            Check.plannable("startDate", draft.startDate(), scope.clock());
            Check.plannable("endDate", draft.endDate(), scope.clock());
            Campaign campaign = Campaign.plan(CampaignId.random(), draft, scope.now());
            scope.uow().campaigns().insert(campaign);
            scope.publish(new CampaignPlanned(
                    scope.metadata(),
                    campaign.id(),
                    campaign.code(),
                    campaign.name(),
                    campaign.channel(),
                    campaign.startDate(),
                    campaign.endDate(),
                    campaign.budget()));
            return campaign;
        });
    }

    @Override
    public Campaign launch(CampaignId id, long expectedVersion) {
        return moveTo(id, expectedVersion, CampaignStatus.ACTIVE);
    }

    @Override
    public Campaign complete(CampaignId id, long expectedVersion) {
        return moveTo(id, expectedVersion, CampaignStatus.COMPLETED);
    }

    @Override
    public Campaign cancel(CampaignId id, long expectedVersion) {
        return moveTo(id, expectedVersion, CampaignStatus.CANCELLED);
    }

    private Campaign moveTo(CampaignId id, long expectedVersion, CampaignStatus to) {
        Check.required("id", id);
        return context.write(tenant, scope -> {
            // A stale caller must learn that first, not get a transition error computed from newer state.
            Campaign current = Aggregates.current(scope.uow().campaigns(), "Campaign", id, expectedVersion);
            Campaign next = current.moveTo(to, scope.now());
            scope.uow().campaigns().update(expectedVersion, next);
            scope.publish(new CampaignStatusChanged(scope.metadata(), id, current.status(), to, next.version()));
            return next;
        });
    }

    @Override
    public Optional<Campaign> findCampaign(CampaignId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.campaigns().find(id));
    }

    @Override
    public Optional<Campaign> findCampaignByCode(String code) {
        Check.required("code", code);
        return context.read(tenant, uow -> uow.campaigns().findByCode(code));
    }

    @Override
    public Page<Campaign> listCampaigns(PageRequest page) {
        Check.required("page", page);
        return context.read(tenant, uow -> uow.campaigns().list(page));
    }

    @Override
    public Page<Campaign> listCampaigns(CampaignStatus status, PageRequest page) {
        Check.required("status", status);
        Check.required("page", page);
        return context.read(tenant, uow -> uow.campaigns().listByStatus(status, page));
    }

    @Override
    public Campaign addTargets(CampaignId campaignId, List<NewCampaignTarget> targets) {
        Check.required("campaignId", campaignId);
        List<NewCampaignTarget> checked = TargetLists.checked(targets);
        return context.write(tenant, scope -> TargetLists.add(scope, campaignId, checked));
    }

    @Override
    public Page<CampaignTarget> targets(CampaignId campaignId, PageRequest page) {
        Check.required("campaignId", campaignId);
        Check.required("page", page);
        return context.read(tenant, uow -> {
            campaign(uow, campaignId);
            return uow.campaignTargets().list(campaignId, page);
        });
    }

    @Override
    public Campaign removeTarget(CampaignId campaignId, CustomerId customerId) {
        Check.required("campaignId", campaignId);
        Check.required("customerId", customerId);
        return context.write(tenant, scope -> TargetLists.remove(scope, campaignId, customerId));
    }

    @Override
    public CampaignResponse recordResponse(NewCampaignResponse response) {
        Check.required("response", response);
        return context.write(tenant, scope -> record(scope, response));
    }

    private CampaignResponse record(WriteScope scope, NewCampaignResponse response) {
        UnitOfWork uow = scope.uow();
        Campaign campaign = campaign(uow, response.campaignId());
        Aggregates.requireCustomer(uow, response.customerId());
        if (!campaign.acceptsResponses()) {
            throw Check.fail(
                    "campaignId",
                    ValidationRule.INVALID_STATE,
                    "campaign " + campaign.code() + " is " + campaign.status() + "; responses need an ACTIVE one");
        }
        Instant at = response.respondedAt() == null ? scope.now() : response.respondedAt();
        Check.notFuture("respondedAt", at, scope.clock());
        Channel channel = response.channel() == null ? campaign.channel() : response.channel();
        StageReached reached = new StageReached(response.stage(), at, channel);

        Optional<CampaignResponse> existing =
                uow.campaignResponses().findByCampaignAndCustomer(campaign.id(), response.customerId());
        CampaignResponse stored;
        AidaStage previous = null;
        if (existing.isEmpty()) {
            stored = CampaignResponse.first(
                    CampaignResponseId.random(),
                    campaign.id(),
                    response.customerId(),
                    reached,
                    response.note(),
                    response.orderId(),
                    response.opportunityId(),
                    scope.now());
            uow.campaignResponses().insert(stored);
        } else {
            CampaignResponse current = existing.get();
            if (current.stage() == response.stage()) {
                return current; // a repeat of the stage reached: idempotent, nothing new to tell
            }
            previous = current.stage();
            stored = current.advance(
                    reached, response.note(), response.orderId(), response.opportunityId(), scope.now());
            uow.campaignResponses().update(current.version(), stored);
        }
        scope.publish(new CampaignResponseRecorded(
                scope.metadata(),
                stored.customerId(),
                stored.campaignId(),
                stored.id(),
                stored.stage(),
                previous,
                stored.channel(),
                stored.respondedAt()));
        return stored;
    }

    @Override
    public Optional<CampaignResponse> findResponse(CampaignResponseId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.campaignResponses().find(id));
    }

    @Override
    public Optional<CampaignResponse> findResponse(CampaignId campaignId, CustomerId customerId) {
        Check.required("campaignId", campaignId);
        Check.required("customerId", customerId);
        return context.read(tenant, uow -> uow.campaignResponses().findByCampaignAndCustomer(campaignId, customerId));
    }

    @Override
    public Page<CampaignResponse> campaignResponses(CampaignId campaignId, PageRequest page) {
        Check.required("campaignId", campaignId);
        Check.required("page", page);
        return context.read(tenant, uow -> {
            campaign(uow, campaignId);
            return uow.campaignResponses().listByCampaign(campaignId, page);
        });
    }

    @Override
    public Page<CampaignResponse> customerResponses(CustomerId customerId, PageRequest page) {
        Check.required("customerId", customerId);
        Check.required("page", page);
        return context.read(tenant, uow -> {
            Aggregates.requireCustomer(uow, customerId);
            return uow.campaignResponses().listByCustomer(customerId, page);
        });
    }

    @Override
    public CampaignFunnel funnel(CampaignId campaignId) {
        Check.required("campaignId", campaignId);
        return context.read(tenant, uow -> {
            Campaign campaign = campaign(uow, campaignId);
            return CampaignFunnel.of(campaign, uow.campaignResponses().countByStage(campaignId));
        });
    }

    private static Campaign campaign(UnitOfWork uow, CampaignId id) {
        return uow.campaigns().find(id).orElseThrow(() -> new NotFoundException("Campaign", id));
    }
}
