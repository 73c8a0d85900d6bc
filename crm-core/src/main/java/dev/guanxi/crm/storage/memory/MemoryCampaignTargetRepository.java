package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignTarget;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.CampaignTargetRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * In-memory {@link CampaignTargetRepository}: targets kept by (campaign, customer), so put, remove and find are
 * O(1); listing and counting scan the tenant's targets, O(targets of all its campaigns), which is enough for the
 * reference store. Used by one unit of work at a time; not thread-safe on its own.
 */
final class MemoryCampaignTargetRepository implements CampaignTargetRepository {
    /** Rank ascending, unranked last, then the customer id's text form. */
    private static final Comparator<CampaignTarget> ORDER = Comparator.comparing(
                    CampaignTarget::rank, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
            .thenComparing((a, b) -> MemoryRepository.compareAsText(
                    a.customerId().value(), b.customerId().value()));

    private final MemoryTable<Key, CampaignTarget> targets;

    MemoryCampaignTargetRepository(MemoryTransaction tx) {
        this.targets = new MemoryTable<>(tx, CampaignTarget.class.getName(), CampaignTarget.class);
    }

    @Override
    public void put(CampaignTarget target) {
        Objects.requireNonNull(target, "target");
        targets.put(new Key(target.campaignId(), target.customerId()), target);
    }

    @Override
    public boolean remove(CampaignId campaignId, CustomerId customerId) {
        Key key = key(campaignId, customerId);
        if (targets.get(key).isEmpty()) {
            return false;
        }
        targets.remove(key);
        return true;
    }

    @Override
    public Optional<CampaignTarget> find(CampaignId campaignId, CustomerId customerId) {
        return targets.get(key(campaignId, customerId));
    }

    @Override
    public Page<CampaignTarget> list(CampaignId campaignId, PageRequest page) {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(page, "page");
        List<CampaignTarget> list = new ArrayList<>();
        for (CampaignTarget t : targets.rows()) {
            if (t.campaignId().equals(campaignId)) {
                list.add(t);
            }
        }
        list.sort(ORDER);
        return Page.slice(list, page);
    }

    @Override
    public long count(CampaignId campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        long n = 0;
        for (CampaignTarget t : targets.rows()) {
            if (t.campaignId().equals(campaignId)) {
                n++;
            }
        }
        return n;
    }

    /** Scans the tenant's targets: O(targets of all its campaigns), enough for the reference store. */
    @Override
    public List<CampaignTarget> listByCustomer(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        List<CampaignTarget> list = new ArrayList<>();
        for (CampaignTarget t : targets.rows()) {
            if (t.customerId().equals(customerId)) {
                list.add(t);
            }
        }
        list.sort((a, b) -> MemoryRepository.compareAsText(
                a.campaignId().value(), b.campaignId().value()));
        return List.copyOf(list);
    }

    private static Key key(CampaignId campaignId, CustomerId customerId) {
        return new Key(
                Objects.requireNonNull(campaignId, "campaignId"), Objects.requireNonNull(customerId, "customerId"));
    }

    /** Where a target is kept. */
    record Key(CampaignId campaignId, CustomerId customerId) {}
}
