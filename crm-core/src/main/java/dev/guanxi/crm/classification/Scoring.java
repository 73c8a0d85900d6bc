package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.money.MissingExchangeRateException;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * Customer value for one tenant: the scoring run over every customer and scoring of one customer on demand.
 * Obtained from {@code crm.tenant(id).scoring()}; thread-safe.
 *
 * <p>A run streams the tenant's data from storage into a {@link CustomerBase} (customers, purchases in the
 * value period converted into the base currency, receivables, service cases and surveys — no list of domain
 * objects of the whole tenant is built for purchases), runs the {@link CustomerScoring} rules, and writes one
 * dated {@link ScoreSnapshot} per customer, in batches (each batch atomic), under a {@link
 * dev.guanxi.crm.spi.storage.ScoreRun}. Changes against the previous snapshot become events in the batch's
 * transaction, delivered after commit: {@link dev.guanxi.crm.event.CustomerGradeChanged} for the 80/20 grade,
 * {@link dev.guanxi.crm.event.CreditGradeChanged} and {@link dev.guanxi.crm.event.ArrearsWarningRaised} when
 * the credit and loyalty rules are composed.
 *
 * <p>Incremental and resumable: each snapshot stores a hash of its results ({@link ScoreSnapshot#inputsHash()});
 * a customer whose results hash to the stored value is not rewritten (its snapshot keeps the run and day of its
 * last change) and gets no events. A run that stops in the middle (a crash, or an exception from the {@link
 * ScoringListener}) leaves each batch either old or new; the next run writes only what is still missing or
 * changed. With {@link ScoringModels} the run also fits (or reuses) BG/NBD and Gamma-Gamma for P(alive) and
 * CLV.
 *
 * <p>With the {@link dev.guanxi.crm.lifecycle.LifecycleRule lifecycle rule} and a store that keeps lifecycle logs,
 * each customer's move is appended to its transition log in the batch's transaction and published as a {@link
 * dev.guanxi.crm.event.LifecycleStageChanged}; the run reads the customers' current stages from the log. The
 * moves are dated at the end of the as-of day, or at the clock's instant if that is earlier. If a customer is
 * moved by hand ({@link dev.guanxi.crm.lifecycle.Lifecycle#move}) between the run's read and the write of its
 * batch, that batch rolls back and the run fails with {@link dev.guanxi.crm.StaleVersionException}; a rerun
 * completes it from the new stage.
 *
 * <p>Threads: the rules, the lifecycle policy and guards, the listener and the storage calls run on the caller's
 * thread, one at a time, so host code plugged into a run need not be thread-safe. The SDK's own pure work over
 * immutable arrays — the result hashes, large index sorts, and the in-memory store's purchase view — is split
 * over the {@link java.util.concurrent.ForkJoinPool#commonPool() common fork-join pool}; its results do not depend
 * on the split (size the pool with {@code java.util.concurrent.ForkJoinPool.common.parallelism}).
 */
@Beta
public interface Scoring {
    /**
     * Runs the scoring over every customer of the tenant. O(n log n) in customers plus O(facts) to read.
     *
     * @param request what to compute
     * @return what the run did, with the results in memory
     * @throws MissingExchangeRateException if an amount is in a currency without a rate to the base currency
     *     (nothing is written then)
     */
    ScoringReport run(ScoringRequest request);

    /**
     * Scores one customer on demand and stores its snapshot. The population-relative rules (80/20, RFM,
     * matrix) rank the customer among the whole tenant, so this reads the tenant's data as a run does: O(n log
     * n); only this customer's snapshot is written and only its events are published.
     *
     * @param customerId the customer
     * @param request what to compute
     * @return the customer's explained results, one per rule
     * @throws NoSuchCustomerException if the tenant has no such customer
     */
    List<Classification> scoreCustomer(CustomerId customerId, ScoringRequest request);

    /**
     * Reads a customer's stored snapshot.
     *
     * @param customerId the customer
     * @return the latest snapshot, or empty if the customer was never scored
     */
    Optional<ScoreSnapshot> snapshot(CustomerId customerId);

    /**
     * Lists every customer's latest snapshot, a page at a time, in the order of the customer ids' canonical text —
     * what a report or a dashboard over the whole tenant reads, instead of one {@link #snapshot} per customer.
     * Each page is one read-only unit of work: O(page size) per call on the JDBC stores.
     *
     * @param page which slice (start with {@link dev.guanxi.crm.query.PageRequest#first(int)}, follow {@link
     *     dev.guanxi.crm.query.Page#nextRequest()})
     * @return the page of snapshots
     * @throws dev.guanxi.crm.ValidationException naming {@code page} ({@link dev.guanxi.crm.ValidationRule#REQUIRED})
     *     when it is null
     * @since 0.1.0
     */
    dev.guanxi.crm.query.Page<ScoreSnapshot> snapshots(dev.guanxi.crm.query.PageRequest page);

    /**
     * Lists the customers due for contact under the retention plans: those whose latest interaction (on any
     * channel) lies at least their plan's interval before {@code asOf}, or who never had one and were
     * registered at least the interval ago — a salesperson's daily work queue. Grade and stage come from each
     * customer's latest snapshot ({@code abc} and {@code lifecycle} labels). Streams customers, snapshots and
     * interactions once: O(customers + interactions).
     *
     * @param plans the retention plans
     * @param asOf the day of the queue
     * @param owner only this owner's customers, or {@code null} for everyone
     * @return the due customers, most overdue first (then by customer id)
     * @since 0.1.0
     */
    java.util.List<ContactDue> contactsDue(
            RetentionPlans plans, java.time.LocalDate asOf, dev.guanxi.crm.StaffId owner);

    /**
     * The win-back list: lost and at-risk customers ranked by the value a win-back would recover — not by
     * recency alone. Candidates are customers whose latest snapshot has the lifecycle stage {@code LOST} or
     * {@code AT_RISK}, or, where no lifecycle stage is stored, a P(alive) below 0.5 (runs with {@link
     * ScoringModels}). Value if won back = CLV / P(alive) (P(alive) taken as at least 0.01); recoverability =
     * loyalty score / 100 — the customer's past frequency, tenure, satisfaction, complaints and how they were
     * resolved — or 0.5 without a loyalty score; expected recovery = value × recoverability. Customers without
     * model outputs are left out. Streams customers and snapshots once.
     *
     * @param limit the most candidates, 0 or more
     * @return the candidates, highest expected recovery first (then by customer id)
     * @since 0.1.0
     */
    java.util.List<WinBackCandidate> winBackList(int limit);

    /**
     * Puts the top of the {@linkplain #winBackList win-back list} on a campaign's target list (客户挽救 as a
     * campaign): the first {@code limit} candidates of {@code winBackList(limit)} become targets with source
     * {@value dev.guanxi.crm.marketing.CampaignTarget#WIN_BACK}, rank = their position (1 first), expected value
     * = their {@link WinBackCandidate#expectedRecovery() expected recovery} and reason = their {@link
     * WinBackCandidate#reason() reason} cut to 500 characters. All targets are written in one unit of work with
     * the campaign's new {@code targetListSize} (one version later), as {@link
     * dev.guanxi.crm.marketing.Marketing#addTargets} does: all or none, a candidate already on the list is
     * replaced, and the rest of the list is kept. The list itself is read first, in its own read-only unit of
     * work, so it is as of that moment. Costs what {@link #winBackList} costs plus one customer lookup per
     * candidate.
     *
     * @param campaign the campaign
     * @param limit the most candidates, 0 to {@value dev.guanxi.crm.marketing.NewCampaignTarget#MAX_PER_CALL}
     * @return the candidates added, in rank order (empty, and nothing changed, if there are none)
     * @throws dev.guanxi.crm.ValidationException on {@code limit} ({@code OUT_OF_RANGE}); on {@code campaignId}
     *     ({@code INVALID_STATE}) if the campaign is COMPLETED or CANCELLED
     * @throws dev.guanxi.crm.NotFoundException (entity type {@code Campaign}) if the tenant has no such
     *     campaign
     * @throws dev.guanxi.crm.StaleVersionException if the campaign changed at the same time (nothing stored)
     * @since 0.1.0
     */
    java.util.List<WinBackCandidate> targetWinBack(dev.guanxi.crm.marketing.CampaignId campaign, int limit);
}
