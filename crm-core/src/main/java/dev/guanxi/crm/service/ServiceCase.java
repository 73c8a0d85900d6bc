package dev.guanxi.crm.service;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.Channel;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A service case: a complaint, request or enquiry of a customer, handled along the status table in {@link
 * CaseStatus}, due by an SLA instant, resolved with a text that stays archived in its {@link #history()}.
 * Immutable and thread-safe; changes are made through {@link Service}.
 *
 * <p>The components agree with the status: an active case ({@code OPEN}, {@code IN_PROGRESS}) has no
 * resolution, {@code resolvedAt} or {@code closedAt}; a {@code RESOLVED} case has a resolution and {@code
 * resolvedAt}; a {@code CLOSED} case has those and {@code closedAt}. The last history entry is the current
 * status.
 *
 * @param id the case's id, assigned by the CRM when it is opened, not null
 * @param customerId the customer the case is for, required
 * @param kind complaint, request or enquiry
 * @param severity how urgent
 * @param channel the channel it came in on
 * @param subject a one-line subject, 1 to 500 characters
 * @param description what the customer reported, or {@code null}
 * @param status where it stands
 * @param assignee who handles it, or {@code null}
 * @param openedAt when it came in
 * @param slaDueAt by when it must be resolved, decided by the {@link SlaPolicy} at opening and at every
 *     reopening; not before {@code openedAt}
 * @param resolution the current resolution text, or {@code null} while the case is active (earlier
 *     resolutions stay in the history)
 * @param resolvedAt when it was resolved, or {@code null} while active
 * @param closedAt when it was closed, or {@code null} unless {@code CLOSED}
 * @param reopenCount how often it was reopened
 * @param history every status the case entered, oldest first, starting with {@code OPEN} at {@code
 *     openedAt}
 * @param version 1 when opened, +1 per change
 * @param createdAt when it was stored
 * @param updatedAt when it was last changed
 */
public record ServiceCase(
        ServiceCaseId id,
        CustomerId customerId,
        CaseKind kind,
        Severity severity,
        Channel channel,
        String subject,
        String description,
        CaseStatus status,
        StaffId assignee,
        Instant openedAt,
        Instant slaDueAt,
        String resolution,
        Instant resolvedAt,
        Instant closedAt,
        int reopenCount,
        List<StatusChange> history,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<ServiceCaseId> {
    /** The most history entries a case may have. */
    public static final int HISTORY_MAX = 10_000;

    /**
     * Validates the components and that they agree with the status.
     *
     * @param id the case's id, assigned by the CRM when it is opened, not null
     * @param customerId the customer the case is for, required
     * @param kind complaint, request or enquiry
     * @param severity how urgent
     * @param channel the channel it came in on
     * @param subject a one-line subject, 1 to 500 characters
     * @param description what the customer reported, or {@code null}
     * @param status where it stands
     * @param assignee who handles it, or {@code null}
     * @param openedAt when it came in
     * @param slaDueAt by when it must be resolved, decided by the {@link SlaPolicy} at opening and at every reopening;
     *     not before {@code openedAt}
     * @param resolution the current resolution text, or {@code null} while the case is active (earlier resolutions stay
     *     in the history)
     * @param resolvedAt when it was resolved, or {@code null} while active
     * @param closedAt when it was closed, or {@code null} unless {@code CLOSED}
     * @param reopenCount how often it was reopened
     * @param history every status the case entered, oldest first, starting with {@code OPEN} at {@code openedAt}
     * @param version 1 when opened, +1 per change
     * @param createdAt when it was stored
     * @param updatedAt when it was last changed
     * @throws dev.guanxi.crm.ValidationException naming the first field that breaks a rule
     */
    public ServiceCase {
        Objects.requireNonNull(id, "id");
        Check.required("customerId", customerId);
        Check.required("kind", kind);
        Check.required("severity", severity);
        Check.required("channel", channel);
        Check.text("subject", subject, Check.LINE_MAX);
        Check.optionalMultiline("description", description, Check.TEXT_MAX);
        Check.required("status", status);
        Check.required("openedAt", openedAt);
        Check.required("slaDueAt", slaDueAt);
        Check.order("slaDueAt", openedAt, slaDueAt);
        Check.optionalMultiline("resolution", resolution, Check.TEXT_MAX);
        boolean settled = !status.isActive();
        if (settled != (resolution != null)) {
            throw inconsistent("resolution", "a resolution is present exactly when the case is RESOLVED or CLOSED");
        }
        if (settled != (resolvedAt != null)) {
            throw inconsistent("resolvedAt", "resolvedAt is set exactly when the case is RESOLVED or CLOSED");
        }
        if ((status == CaseStatus.CLOSED) != (closedAt != null)) {
            throw inconsistent("closedAt", "closedAt is set exactly when the case is CLOSED");
        }
        if (reopenCount < 0) {
            throw Check.fail("reopenCount", ValidationRule.OUT_OF_RANGE, "reopenCount must not be negative");
        }
        history = Check.list("history", history, HISTORY_MAX);
        if (history.isEmpty() || history.get(history.size() - 1).status() != status) {
            throw inconsistent("history", "the last history entry must be the current status");
        }
        if (version < 1) {
            throw Check.fail("version", ValidationRule.OUT_OF_RANGE, "version must be 1 or more");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    private static RuntimeException inconsistent(String field, String message) {
        return Check.fail(field, ValidationRule.INVALID_STATE, message);
    }

    /**
     * Creates a new open case at version 1 from a host's command. Does not check the clock or the store:
     * {@link Service#openCase} does, and it asks the {@link SlaPolicy} for the due instant.
     *
     * @param id the new id
     * @param draft what to open
     * @param slaDueAt by when it must be resolved
     * @param now the instant of storing (created and updated); also {@code openedAt} when the draft has none
     * @return the case
     */
    public static ServiceCase open(ServiceCaseId id, NewServiceCase draft, Instant slaDueAt, Instant now) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(now, "now");
        Instant openedAt = draft.openedAt() == null ? now : draft.openedAt();
        return new ServiceCase(
                id,
                draft.customerId(),
                draft.kind(),
                draft.severity(),
                draft.channel(),
                draft.subject(),
                draft.description(),
                CaseStatus.OPEN,
                draft.assignee(),
                openedAt,
                slaDueAt,
                null,
                null,
                null,
                0,
                List.of(new StatusChange(CaseStatus.OPEN, openedAt, null)),
                1,
                now,
                now);
    }

    /**
     * Says whether the case still needs work.
     *
     * @return whether the status is {@code OPEN} or {@code IN_PROGRESS}
     */
    public boolean isActive() {
        return status.isActive();
    }

    /**
     * Says whether the case is active and its SLA due instant has passed.
     *
     * @param now the instant to judge by
     * @return whether {@code now} lies after {@link #slaDueAt()} and the case is still active
     */
    public boolean isOverdue(Instant now) {
        Objects.requireNonNull(now, "now");
        return isActive() && now.isAfter(slaDueAt);
    }

    /**
     * Says whether the case missed its SLA: a resolved or closed case was resolved after its due instant, an
     * active case is {@linkplain #isOverdue overdue}.
     *
     * @param now the instant to judge an active case by
     * @return whether the SLA was breached
     */
    public boolean isSlaBreached(Instant now) {
        return isActive() ? isOverdue(now) : resolvedAt.isAfter(slaDueAt);
    }

    /**
     * Returns the case in progress with an assignee, one version later.
     *
     * @param newAssignee who works on it
     * @param at the instant of the change
     * @return the changed case
     * @throws IllegalTransitionException unless the case is {@code OPEN}
     */
    public ServiceCase startWork(StaffId newAssignee, Instant at) {
        Check.required("assignee", newAssignee);
        return change(CaseStatus.IN_PROGRESS, newAssignee, slaDueAt, null, null, null, reopenCount, null, at);
    }

    /**
     * Returns the case resolved, one version later; the resolution is also archived in the history.
     *
     * @param text the resolution, required (line breaks allowed), at most 20,000 characters
     * @param at the instant of the change
     * @return the changed case
     * @throws dev.guanxi.crm.ValidationException if the text is missing, blank or breaks a character rule
     * @throws IllegalTransitionException unless the case is {@code OPEN} or {@code IN_PROGRESS}
     */
    public ServiceCase resolve(String text, Instant at) {
        requiredMultiline("resolution", text);
        return change(CaseStatus.RESOLVED, assignee, slaDueAt, text, at, null, reopenCount, text, at);
    }

    /**
     * Returns the case closed, one version later.
     *
     * @param at the instant of the change
     * @return the changed case
     * @throws IllegalTransitionException unless the case is {@code RESOLVED}
     */
    public ServiceCase close(Instant at) {
        return change(CaseStatus.CLOSED, assignee, slaDueAt, resolution, resolvedAt, at, reopenCount, null, at);
    }

    /**
     * Returns the case open again, one version later: the current resolution, {@code resolvedAt} and {@code
     * closedAt} are cleared (the resolution stays in the history), the reopen count rises by one and the SLA
     * due instant is replaced. The assignee is kept.
     *
     * @param reason why it was reopened, required (line breaks allowed), at most 20,000 characters
     * @param at the instant of the change
     * @param newSlaDueAt the new due instant, not before {@code at}
     * @return the changed case
     * @throws dev.guanxi.crm.ValidationException if the reason is missing, blank or breaks a character rule
     * @throws IllegalTransitionException unless the case is {@code RESOLVED} or {@code CLOSED}
     */
    public ServiceCase reopen(String reason, Instant at, Instant newSlaDueAt) {
        requiredMultiline("reason", reason);
        Check.order("slaDueAt", at, newSlaDueAt);
        return change(CaseStatus.OPEN, assignee, newSlaDueAt, null, null, null, reopenCount + 1, reason, at);
    }

    /**
     * Returns the case with another assignee, one version later; the status is unchanged.
     *
     * @param newAssignee who handles it now
     * @param at the instant of the change
     * @return the changed case
     * @throws dev.guanxi.crm.ValidationException {@code assignee}/{@code REQUIRED} if it is missing, {@code
     *     status}/{@code INVALID_STATE} if the case is not active
     */
    public ServiceCase assign(StaffId newAssignee, Instant at) {
        Check.required("assignee", newAssignee);
        if (!isActive()) {
            throw inconsistent("status", "a " + status + " case cannot be reassigned");
        }
        return new ServiceCase(
                id,
                customerId,
                kind,
                severity,
                channel,
                subject,
                description,
                status,
                newAssignee,
                openedAt,
                slaDueAt,
                resolution,
                resolvedAt,
                closedAt,
                reopenCount,
                history,
                version + 1,
                createdAt,
                Objects.requireNonNull(at, "at"));
    }

    private static void requiredMultiline(String field, String value) {
        Check.required(field, value);
        Check.optionalMultiline(field, value, Check.TEXT_MAX);
    }

    private ServiceCase change(
            CaseStatus target,
            StaffId newAssignee,
            Instant newSlaDueAt,
            String newResolution,
            Instant newResolvedAt,
            Instant newClosedAt,
            int newReopenCount,
            String note,
            Instant at) {
        Objects.requireNonNull(at, "at");
        if (!status.canGoTo(target)) {
            throw new IllegalTransitionException("ServiceCase", status, target);
        }
        List<StatusChange> newHistory = new ArrayList<>(history);
        newHistory.add(new StatusChange(target, at, note));
        return new ServiceCase(
                id,
                customerId,
                kind,
                severity,
                channel,
                subject,
                description,
                target,
                newAssignee,
                openedAt,
                newSlaDueAt,
                newResolution,
                newResolvedAt,
                newClosedAt,
                newReopenCount,
                newHistory,
                version + 1,
                createdAt,
                at);
    }
}
