package dev.guanxi.crm.internal.lifecycle;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.AbcGrading;
import dev.guanxi.crm.classification.CustomerGrade;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.event.LifecycleStageChanged;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.lifecycle.ChurnReason;
import dev.guanxi.crm.lifecycle.ChurnReport;
import dev.guanxi.crm.lifecycle.Lifecycle;
import dev.guanxi.crm.lifecycle.LifecycleContext;
import dev.guanxi.crm.lifecycle.LifecycleFacts;
import dev.guanxi.crm.lifecycle.LifecycleOutcome;
import dev.guanxi.crm.lifecycle.LifecycleRule;
import dev.guanxi.crm.lifecycle.LifecycleStage;
import dev.guanxi.crm.lifecycle.LifecycleState;
import dev.guanxi.crm.lifecycle.StageFlow;
import dev.guanxi.crm.lifecycle.StageHistory;
import dev.guanxi.crm.lifecycle.StageTransition;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link Lifecycle} over the store's {@link dev.guanxi.crm.spi.storage.LifecycleRepository}. Thread-safe. */
public final class DefaultLifecycle implements Lifecycle {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's context
     * @param tenant the tenant
     */
    public DefaultLifecycle(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }

    @Override
    public StageHistory history(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return context.read(tenant, uow -> {
            requireCustomer(uow, customerId);
            return StageHistory.of(customerId, uow.lifecycle().history(customerId));
        });
    }

    @Override
    public Optional<LifecycleState> current(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return context.read(tenant, uow -> {
            requireCustomer(uow, customerId);
            return uow.lifecycle().current(customerId);
        });
    }

    @Override
    public LifecycleOutcome move(CustomerId customerId, LifecycleStage to, String reason) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(to, "to");
        Check.text("reason", reason, Check.LINE_MAX);
        return context.write(tenant, scope -> {
            UnitOfWork uow = scope.uow();
            requireCustomer(uow, customerId);
            LifecycleState state = uow.lifecycle().current(customerId).orElse(null);
            Optional<ScoreSnapshot> snapshot = uow.scores().find(customerId);
            LifecycleFacts.Builder facts = LifecycleFacts.builder(customerId).state(state);
            snapshot.ifPresent(s -> {
                String grade = s.labels().get(AbcGrading.NAME);
                if (grade != null) {
                    facts.grade(CustomerGrade.valueOf(grade));
                }
                BigDecimal alive = s.metrics().get("model.pAlive");
                if (alive != null) {
                    facts.pAlive(alive.doubleValue());
                }
            });
            Instant now = scope.now();
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            LifecycleOutcome outcome =
                    context.lifecycle().move(facts.build(), to, reason, new LifecycleContext(today, now));
            Optional<StageTransition> applied = outcome.toApply();
            if (applied.isEmpty()) {
                return outcome; // vetoed: nothing changes
            }
            StageTransition t = applied.get();
            uow.lifecycle().appendAll(List.of(t));
            scope.publish(new LifecycleStageChanged(
                    scope.metadata(), customerId, t.from(), t.to(), "MANUAL: " + t.reason(), today));
            snapshot.ifPresent(s -> uow.scores().upsertAll(List.of(moved(s, t, today))));
            return outcome;
        });
    }

    /**
     * The snapshot with the manual move: its lifecycle label, reason and since day; the results hash is cleared
     * so that the next scoring run rewrites the customer.
     */
    private static ScoreSnapshot moved(ScoreSnapshot s, StageTransition t, LocalDate today) {
        java.util.SortedMap<String, String> labels = new java.util.TreeMap<>(s.labels());
        labels.put(LifecycleRule.NAME, t.to().name());
        labels.put(LifecycleRule.NAME + ".reason", cut("MANUAL: " + t.reason()));
        java.util.SortedMap<String, BigDecimal> metrics = new java.util.TreeMap<>(s.metrics());
        metrics.put(LifecycleRule.NAME + ".sinceDay", BigDecimal.valueOf(today.toEpochDay()));
        metrics.put(LifecycleRule.NAME + ".moved", BigDecimal.ONE);
        return new ScoreSnapshot(s.customerId(), s.runId(), s.asOf(), null, metrics, labels);
    }

    /** Cuts a label to the snapshot's 200 characters without splitting a surrogate pair. */
    private static String cut(String text) {
        if (text.length() <= 200) {
            return text;
        }
        int end = 199;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    @Override
    public ChurnReason recordChurnReason(
            CustomerId customerId, String code, CompetitorId competitorId, String note, StaffId recordedBy) {
        Objects.requireNonNull(customerId, "customerId");
        Check.code("code", code);
        return context.write(tenant, scope -> {
            UnitOfWork uow = scope.uow();
            requireCustomer(uow, customerId);
            List<StageTransition> log = uow.lifecycle().history(customerId);
            StageTransition loss = null;
            for (StageTransition t : log) {
                if (t.to() == LifecycleStage.LOST) {
                    loss = t;
                }
            }
            if (loss == null) {
                throw new ValidationException(
                        "customerId",
                        ValidationRule.INVALID_STATE,
                        "customer " + customerId + " was never lost: a churn reason needs a move to LOST");
            }
            Optional<ReferenceCode> defined = uow.referenceCodes().find(ReferenceCodeType.CHURN_REASON, code);
            if (defined.isEmpty() || !defined.get().active()) {
                throw new ValidationException(
                        "code",
                        ValidationRule.UNKNOWN_CODE,
                        "'" + code + "' is not " + (defined.isEmpty() ? "a defined" : "an active")
                                + " CHURN_REASON code");
            }
            if (competitorId != null && uow.competitors().find(competitorId).isEmpty()) {
                throw new ValidationException(
                        "competitorId", ValidationRule.UNKNOWN_REFERENCE, "no competitor " + competitorId);
            }
            Instant now = scope.now();
            ChurnReason reason = new ChurnReason(
                    customerId,
                    loss.at(),
                    code,
                    competitorId,
                    note,
                    now.isBefore(loss.at()) ? loss.at() : now,
                    recordedBy);
            uow.lifecycle().putChurnReason(reason);
            return reason;
        });
    }

    @Override
    public List<ChurnReason> churnReasons(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return context.read(tenant, uow -> {
            requireCustomer(uow, customerId);
            return uow.lifecycle().churnReasons(customerId);
        });
    }

    @Override
    public ChurnReport churnReport(LocalDate from, LocalDate to) {
        Instant start = start(from, to);
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return context.read(tenant, uow -> {
            int[] lost = {0};
            Map<CustomerId, List<Instant>> losses = new HashMap<>();
            uow.lifecycle().scanTransitions(start, end, t -> {
                if (t.to() == LifecycleStage.LOST) {
                    lost[0]++;
                    losses.computeIfAbsent(t.customerId(), k -> new ArrayList<>(1))
                            .add(t.at());
                }
            });
            int[] withReason = {0};
            Map<String, Integer> byCode = new HashMap<>();
            Map<CompetitorId, Integer> byCompetitor = new HashMap<>();
            uow.lifecycle().scanChurnReasons(start, end, r -> {
                List<Instant> at = losses.get(r.customerId());
                if (at == null || !at.contains(r.lostAt())) {
                    return; // a reason whose loss is not in the log (cannot happen through the API)
                }
                withReason[0]++;
                byCode.merge(r.code(), 1, Integer::sum);
                if (r.competitorId() != null) {
                    byCompetitor.merge(r.competitorId(), 1, Integer::sum);
                }
            });
            return new ChurnReport(
                    from,
                    to,
                    lost[0],
                    withReason[0],
                    ranked(byCode, Comparator.naturalOrder()),
                    ranked(byCompetitor, Comparator.comparing(c -> c.value().toString())));
        });
    }

    private static <K> Map<K, Integer> ranked(Map<K, Integer> counts, Comparator<K> ties) {
        List<Map.Entry<K, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<K, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey(ties)));
        Map<K, Integer> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public StageFlow flow(LocalDate from, LocalDate to) {
        Instant start = start(from, to);
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return context.read(tenant, uow -> {
            int stages = LifecycleStage.values().length;
            // row 0: first placements; row k: from stage k - 1
            int[][] counts = new int[stages + 1][stages];
            uow.lifecycle().scanTransitions(start, end, t -> {
                counts[t.from() == null ? 0 : t.from().ordinal() + 1][t.to().ordinal()]++;
            });
            List<StageFlow.Move> moves = new ArrayList<>();
            for (int f = 0; f <= stages; f++) {
                for (int s = 0; s < stages; s++) {
                    if (counts[f][s] > 0) {
                        moves.add(new StageFlow.Move(
                                f == 0 ? null : LifecycleStage.values()[f - 1],
                                LifecycleStage.values()[s],
                                counts[f][s]));
                    }
                }
            }
            return new StageFlow(from, to, moves);
        });
    }

    private static Instant start(LocalDate from, LocalDate to) {
        Check.required("from", from);
        Check.required("to", to);
        Check.order("to", from, to);
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void requireCustomer(UnitOfWork uow, CustomerId customerId) {
        if (uow.customers().find(customerId).isEmpty()) {
            throw new NoSuchCustomerException(customerId);
        }
    }
}
