package dev.guanxi.crm.sales;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A sales or service contract with a customer: a period in force, a value and a date by which renewal is
 * due. Statuses follow {@link ContractStatus}'s table: a {@link ContractStatus#DRAFT} is activated, an active
 * contract expires, is terminated early or is renewed; renewal creates a successor contract and links the
 * two ({@link #renewedBy()}, {@link #renewalOf()}).
 *
 * <p>Immutable and thread-safe. Created by {@link Sales#createContract(NewContract)}; storage adapters and
 * tests may use the canonical constructor or {@link #draft(ContractId, NewContract, Instant)}.
 *
 * @param id the contract's id, assigned by the CRM at creation, required; not the id of the contract it renews or is
 *     renewed by
 * @param customerId the customer the contract is with, required
 * @param kind sales or service
 * @param contractNumber the contract number, unique per tenant
 * @param title what the contract is about
 * @param startDate the first day in force
 * @param endDate the last day in force, not before the start
 * @param value the contract value, zero or more
 * @param renewalDate when renewal is due, or {@code null} if no date is set (the end date then counts); not
 *     before the start
 * @param status where the contract stands in {@link ContractStatus}'s table, required
 * @param terminationReason why it was terminated, or {@code null} if it was not; set exactly when the status is
 *     {@link ContractStatus#TERMINATED}
 * @param renewalOf the contract this one renews, or {@code null} if it renews none
 * @param renewedBy the successor that renews this one, or {@code null} if it was not renewed; set exactly when
 *     the status is {@link ContractStatus#RENEWED}
 * @param version 1 when created, +1 for every change
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Contract(
        ContractId id,
        CustomerId customerId,
        ContractKind kind,
        String contractNumber,
        String title,
        LocalDate startDate,
        LocalDate endDate,
        Money value,
        LocalDate renewalDate,
        ContractStatus status,
        String terminationReason,
        ContractId renewalOf,
        ContractId renewedBy,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<ContractId> {
    /**
     * Validates the components.
     *
     * @param id the contract's id, assigned by the CRM at creation, required; not the id of the contract it renews or
     *     is renewed by
     * @param customerId the customer the contract is with, required
     * @param kind sales or service
     * @param contractNumber the contract number, unique per tenant
     * @param title what the contract is about
     * @param startDate the first day in force
     * @param endDate the last day in force, not before the start
     * @param value the contract value, zero or more
     * @param renewalDate when renewal is due, or {@code null} if no date is set (the end date then counts); not before
     *     the start
     * @param status where the contract stands in {@link ContractStatus}'s table, required
     * @param terminationReason why it was terminated, or {@code null} if it was not; set exactly when the status is
     *     {@link ContractStatus#TERMINATED}
     * @param renewalOf the contract this one renews, or {@code null} if it renews none
     * @param renewedBy the successor that renews this one, or {@code null} if it was not renewed; set exactly when the
     *     status is {@link ContractStatus#RENEWED}
     * @param version 1 when created, +1 for every change
     * @param createdAt when it was created
     * @param updatedAt when it was last changed
     * @throws ValidationException naming the field and the rule
     */
    public Contract {
        Check.required("id", id);
        Check.required("customerId", customerId);
        Check.required("kind", kind);
        Check.text("contractNumber", contractNumber, SalesChecks.NUMBER_MAX);
        Check.text("title", title, Check.LINE_MAX);
        Check.required("startDate", startDate);
        Check.required("endDate", endDate);
        Check.order("endDate", startDate, endDate);
        Check.nonNegative("value", value);
        Check.order("renewalDate", startDate, renewalDate);
        Check.required("status", status);
        Check.optionalText("terminationReason", terminationReason, Check.LINE_MAX);
        if ((terminationReason != null) != (status == ContractStatus.TERMINATED)) {
            throw Check.fail(
                    "terminationReason", ValidationRule.INVALID_STATE, "a reason is given exactly for a termination");
        }
        if ((renewedBy != null) != (status == ContractStatus.RENEWED)) {
            throw Check.fail(
                    "renewedBy", ValidationRule.INVALID_STATE, "renewedBy is set exactly for a renewed contract");
        }
        if (id.equals(renewedBy) || id.equals(renewalOf)) {
            throw Check.fail("renewedBy", ValidationRule.INVALID_STATE, "a contract cannot renew itself");
        }
        SalesChecks.bookkeeping(version, createdAt, updatedAt);
    }

    /**
     * Creates a new contract in {@link ContractStatus#DRAFT} from a draft, at version 1.
     *
     * @param id the new contract's id
     * @param draft the contract's terms
     * @param now when it is created
     * @return the contract
     */
    public static Contract draft(ContractId id, NewContract draft, Instant now) {
        Check.required("contract", draft);
        return new Contract(
                id,
                draft.customerId(),
                draft.kind(),
                draft.contractNumber(),
                draft.title(),
                draft.startDate(),
                draft.endDate(),
                draft.value(),
                draft.renewalDate(),
                ContractStatus.DRAFT,
                null,
                null,
                null,
                1,
                now,
                now);
    }

    /**
     * Creates the successor of a contract, {@link ContractStatus#ACTIVE} at version 1, with the predecessor's
     * customer, kind and title (and value, unless the renewal gives one).
     *
     * @param id the successor's id
     * @param predecessor the contract being renewed
     * @param renewal the successor's terms
     * @param now when it is created
     * @return the successor
     * @throws ValidationException with field {@code startDate} and {@link ValidationRule#DATE_ORDER} if the
     *     successor starts before the predecessor
     */
    public static Contract successor(ContractId id, Contract predecessor, ContractRenewal renewal, Instant now) {
        Check.required("contract", predecessor);
        Check.required("renewal", renewal);
        if (renewal.startDate().isBefore(predecessor.startDate())) {
            throw Check.fail(
                    "startDate", ValidationRule.DATE_ORDER, "a renewal cannot start before the contract it renews");
        }
        return new Contract(
                id,
                predecessor.customerId(),
                predecessor.kind(),
                renewal.contractNumber(),
                predecessor.title(),
                renewal.startDate(),
                renewal.endDate(),
                renewal.value() != null ? renewal.value() : predecessor.value(),
                renewal.renewalDate(),
                ContractStatus.ACTIVE,
                null,
                predecessor.id(),
                null,
                1,
                now,
                now);
    }

    /** @return the date renewal is due: the renewal date if set, else the end date */
    public LocalDate effectiveRenewalDate() {
        return renewalDate != null ? renewalDate : endDate;
    }

    /**
     * @param date a day
     * @return {@code true} if the contract is active and the day lies within its period
     */
    public boolean isInForce(LocalDate date) {
        Check.required("date", date);
        return status == ContractStatus.ACTIVE && !date.isBefore(startDate) && !date.isAfter(endDate);
    }

    /**
     * Returns this contract active, one version on.
     *
     * @param now when it is activated
     * @return the active contract
     * @throws IllegalTransitionException unless it is a draft
     */
    public Contract activate(Instant now) {
        return with(status.transitionTo(ContractStatus.ACTIVE), null, null, now);
    }

    /**
     * Returns this contract terminated, one version on.
     *
     * @param reason why, required, one line of at most 500 characters
     * @param now when it is terminated
     * @return the terminated contract
     * @throws ValidationException with field {@code reason} if the reason is missing or invalid
     * @throws IllegalTransitionException unless it is a draft or active
     */
    public Contract terminate(String reason, Instant now) {
        Check.text("reason", reason, Check.LINE_MAX);
        return with(status.transitionTo(ContractStatus.TERMINATED), reason, null, now);
    }

    /**
     * Returns this contract expired, one version on.
     *
     * @param today the current date; it must lie after the end date
     * @param now when it expires
     * @return the expired contract
     * @throws ValidationException with field {@code endDate} and {@link ValidationRule#INVALID_STATE} if the
     *     period has not ended by {@code today}
     * @throws IllegalTransitionException unless it is active
     */
    public Contract expire(LocalDate today, Instant now) {
        Check.required("today", today);
        ContractStatus next = status.transitionTo(ContractStatus.EXPIRED);
        if (!today.isAfter(endDate)) {
            throw Check.fail("endDate", ValidationRule.INVALID_STATE, "the contract runs until " + endDate);
        }
        return with(next, null, null, now);
    }

    /**
     * Returns this contract renewed by a successor, one version on.
     *
     * @param successor the successor's id
     * @param now when it is renewed
     * @return the renewed contract
     * @throws IllegalTransitionException unless it is active or expired
     */
    public Contract renewedBy(ContractId successor, Instant now) {
        Check.required("successor", successor);
        return with(status.transitionTo(ContractStatus.RENEWED), null, successor, now);
    }

    private Contract with(ContractStatus next, String reason, ContractId successor, Instant now) {
        return new Contract(
                id,
                customerId,
                kind,
                contractNumber,
                title,
                startDate,
                endDate,
                value,
                renewalDate,
                next,
                reason,
                renewalOf,
                successor,
                version + 1,
                createdAt,
                now);
    }
}
