package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.stewardship.DuplicateDetector;
import dev.guanxi.crm.stewardship.DuplicateMatch;
import dev.guanxi.crm.stewardship.DuplicateScanListener;
import dev.guanxi.crm.stewardship.DuplicateScanOptions;
import dev.guanxi.crm.stewardship.DuplicateScanReport;
import dev.guanxi.crm.stewardship.MatchEvidence;
import dev.guanxi.crm.stewardship.MatchSubject;
import dev.guanxi.crm.stewardship.MergeId;
import dev.guanxi.crm.stewardship.MergeLogEntry;
import dev.guanxi.crm.stewardship.MergeOptions;
import dev.guanxi.crm.stewardship.MergePlan;
import dev.guanxi.crm.stewardship.MergeResult;
import dev.guanxi.crm.stewardship.Stewardship;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Duplicate detection over one tenant: reads the customers in one read-only unit of work (streaming scan), then
 * blocks and scores outside it. Merges are delegated to a {@link CustomerMerger}. Thread-safe (holds no mutable
 * state).
 */
public final class DefaultStewardship implements Stewardship {
    private final CrmContext context;
    private final TenantId tenant;
    private final DuplicateDetector detector;

    /**
     * @param context the CRM's context
     * @param tenant the tenant
     * @param detector the detector
     */
    public DefaultStewardship(CrmContext context, TenantId tenant, DuplicateDetector detector) {
        this.context = context;
        this.tenant = tenant;
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    @Override
    public DuplicateDetector detector() {
        return detector;
    }

    @Override
    public MergePlan planMerge(CustomerId survivorId, CustomerId loserId, MergeOptions options) {
        return new CustomerMerger(context, tenant).plan(survivorId, loserId, options);
    }

    @Override
    public MergeResult merge(MergePlan plan) {
        return new CustomerMerger(context, tenant).merge(plan);
    }

    @Override
    public MergeLogEntry undoMerge(MergeId mergeId) {
        return new CustomerMerger(context, tenant).undo(mergeId);
    }

    @Override
    public List<MergeLogEntry> merges(CustomerId customerId) {
        return new CustomerMerger(context, tenant).merges(customerId);
    }

    @Override
    public List<DuplicateMatch> duplicatesOf(CustomerDraft draft) {
        Objects.requireNonNull(draft, "draft");
        Scorer scorer = new Scorer(detector.matchers(), detector.threshold());
        int m = scorer.size();
        Object[][] views = new Object[m][2];
        MatchSubject subject = MatchSubject.of(draft);
        long[] keys = new long[8];
        int[] end = new int[1];
        for (int i = 0; i < m; i++) {
            views[i][0] = scorer.prepare(i, subject);
            if (views[i][0] != null) {
                keys = scorer.keys(i, views[i][0], keys, end);
            }
        }
        long[] draftKeys = Arrays.copyOf(keys, end[0]);
        Arrays.sort(draftKeys);
        if (draftKeys.length == 0) {
            return List.of();
        }
        List<DuplicateMatch> found = new ArrayList<>();
        context.read(
                tenant,
                uow -> uow.customers().scan(customer -> {
                    MatchSubject other = MatchSubject.of(customer);
                    long[] own = new long[8];
                    boolean shared = false;
                    for (int i = 0; i < m; i++) {
                        views[i][1] = null;
                    }
                    for (int i = 0; i < m && !shared; i++) {
                        if (views[i][0] == null) {
                            continue;
                        }
                        views[i][1] = scorer.prepare(i, other);
                        if (views[i][1] != null) {
                            int[] at = {0};
                            own = scorer.keys(i, views[i][1], own, at);
                            for (int k = 0; k < at[0] && !shared; k++) {
                                shared = Arrays.binarySearch(draftKeys, own[k]) >= 0;
                            }
                        }
                    }
                    if (!shared) {
                        return;
                    }
                    for (int i = 0; i < m; i++) {
                        if (views[i][0] != null && views[i][1] == null) {
                            views[i][1] = scorer.prepare(i, other);
                        }
                    }
                    List<MatchEvidence> fired = new ArrayList<>();
                    double score = scorer.score(views, 0, 1, fired);
                    if (score >= scorer.threshold()) {
                        found.add(new DuplicateMatch(customer.id(), Math.min(1.0, score), fired));
                    }
                }));
        // stable: equal scores keep scan order
        found.sort((a, b) -> Double.compare(b.score(), a.score()));
        return List.copyOf(found);
    }

    @Override
    public DuplicateScanReport scanDuplicates(DuplicateScanOptions options) {
        Objects.requireNonNull(options, "options");
        Scorer scorer = new Scorer(detector.matchers(), detector.threshold());
        BlockingScan scan = new BlockingScan(scorer, options.maxBlockSize());
        context.read(tenant, uow -> uow.customers().scan(c -> scan.add(c.id(), MatchSubject.of(c))));
        DuplicateScanListener listener = options.listener();
        listener.progress(
                new DuplicateScanListener.Progress(DuplicateScanListener.Phase.READ, scan.size(), scan.size()));
        DuplicateScanReport report = scan.finish(listener);
        int found = report.candidates().size();
        listener.progress(new DuplicateScanListener.Progress(DuplicateScanListener.Phase.COMPLETED, found, found));
        return report;
    }
}
