package dev.guanxi.crm.access;

import dev.guanxi.crm.Beta;
import java.util.Map;

/**
 * Decides, per record, whether a principal may read or change it: record-level access. Set on the builder ({@code
 * Crm.builder().accessPolicy(policy)}); a host may implement its own or configure the default own / team / all
 * model ({@link #ownTeamAll}).
 *
 * <h2>What the SDK does with it</h2>
 *
 * <ul>
 *   <li><b>Without a policy</b> (the builder's default) every call may read and change everything in its tenant,
 *       with or without a principal; the principal, if given, is only recorded in the audit trail.
 *   <li><b>With a policy</b>, every call that reaches the store needs a principal ({@code
 *       crm.tenant(id).as(principal)}): a call without one fails with {@link dev.guanxi.crm.AccessDeniedException}
 *       before any statement runs.
 *   <li><b>Writes</b> are checked before they reach the store: each record a call creates, changes or deletes must
 *       be permitted for {@link Operation#WRITE} as it was and as it will be (so a change cannot move a customer
 *       out of the principal's reach, e.g. hand it to another owner, without the right over the new owner's
 *       customers), shares need {@link Operation#SHARE}, and each event the call publishes must concern a record
 *       the principal may change. A denial throws {@link dev.guanxi.crm.AccessDeniedException} and the whole unit
 *       of work rolls back: nothing is stored, audited or published.
 *   <li><b>Reads</b> return only what the policy permits for {@link Operation#READ}: finding a record the
 *       principal may not see behaves like an unknown id (no existence leak), lists and pages hold only visible
 *       rows, scans skip the others, and a customer's children (interactions, orders, cases, points, audit
 *       records...) are visible exactly when the customer is. Counts of customers count visible ones; other
 *       aggregates over tenant-wide records (a campaign's funnel, a run's size) are not filtered.
 * </ul>
 *
 * <p>Cost: the SDK asks the policy once per (operation, customer, owner) and unit of work and reads each
 * customer's owner at most once per unit of work; a principal's shares are read once per unit of work. A page of
 * a filtered list reads the store's pages from the first until it has enough visible rows: O(rows up to the page)
 * for a principal that sees few of them. A policy that says a principal reads (or writes) everything ({@link
 * #readsEverything}, {@link #writesEverything}) spares the SDK all of this.
 *
 * <p>Implementations must be thread-safe and should be fast and free of I/O (the SDK calls them inside units of
 * work).
 *
 * @since 0.1.0
 */
@Beta
@FunctionalInterface
public interface AccessPolicy {
    /**
     * Decides one request.
     *
     * @param request who wants to do what with which record
     * @return the decision, with its reason
     */
    AccessDecision decide(AccessRequest request);

    /**
     * Tells whether a principal may read every record of the tenant, so that the SDK can skip filtering. The
     * default says no, which is always safe.
     *
     * @param principal a principal
     * @return {@code true} only if {@link #decide} permits every {@link Operation#READ} request of {@code principal}
     */
    default boolean readsEverything(Principal principal) {
        return false;
    }

    /**
     * Tells whether a principal may change every record of the tenant, so that the SDK can skip the checks of
     * writes. The default says no, which is always safe.
     *
     * @param principal a principal
     * @return {@code true} only if {@link #decide} permits every {@link Operation#WRITE} and {@link Operation#SHARE}
     *     request of {@code principal}
     */
    default boolean writesEverything(Principal principal) {
        return false;
    }

    /**
     * The default own / team / all model. Each of the principal's roles grants a {@link RoleAccess} (a read and a
     * write {@link Scope}); a principal with several roles gets the widest scope of each, one with no known role
     * gets none. A record that belongs to a customer is reached by scope {@link Scope#OWN} if the principal's user
     * owns the customer, {@link Scope#TEAM} also if the owner is in one of the principal's teams (by {@code
     * directory}), {@link Scope#ALL} always. A tenant-wide record is readable with any scope but {@link
     * Scope#NONE}, and writable only with {@link Scope#ALL}. A customer without an owner is reached by {@link
     * Scope#ALL} only. Besides the scopes, a customer shared with the user is readable, and writable if shared with
     * {@link dev.guanxi.crm.customer.ShareAccess#WRITE}; managing a customer's shares ({@link Operation#SHARE})
     * takes the write scope, never a share (a colleague a customer is shared with cannot share it on).
     *
     * <pre>{@code
     * AccessPolicy policy = AccessPolicy.ownTeamAll(directory, Map.of(
     *         "sales", RoleAccess.of(Scope.TEAM, Scope.OWN),
     *         "manager", RoleAccess.of(Scope.TEAM, Scope.TEAM),
     *         "admin", RoleAccess.of(Scope.ALL, Scope.ALL)));
     * }</pre>
     *
     * @param directory the teams of the customers' owners
     * @param roles what each role grants
     * @return the policy (immutable and thread-safe if {@code directory} is)
     */
    static AccessPolicy ownTeamAll(TeamDirectory directory, Map<String, RoleAccess> roles) {
        return new OwnTeamAllPolicy(directory, roles);
    }
}
