package dev.guanxi.crm.competitor;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A competitor's dealing with one of our customers, as we observed it: they supply the customer, used to,
 * are bidding, or won or lost a deal against us. A dealing is open until it is ended ({@link #endedOn()}
 * set); an ended dealing no longer changes.
 *
 * <p>Immutable and thread-safe; changes are made through {@link Competitors}.
 *
 * @param id the dealing's id, assigned by the CRM when the dealing is recorded, not null
 * @param competitorId the competitor dealing with our customer, required
 * @param customerId our customer the competitor deals with, required
 * @param kind what the dealing is; changes follow {@link DealingKind}'s table
 * @param productName what they sell or offer to the customer, up to 200 characters, or {@code null}
 * @param estimatedAnnualValue our estimate of the business per year, zero or more, or {@code null}
 * @param observedOn when we learnt of the dealing
 * @param endedOn when it ended, not before {@code observedOn}, or {@code null} while open
 * @param note free text, or {@code null}
 * @param version the version, 1 when recorded
 * @param createdAt when it was recorded
 * @param updatedAt when it was last changed
 */
public record CompetitorDealing(
        CompetitorDealingId id,
        CompetitorId competitorId,
        CustomerId customerId,
        DealingKind kind,
        String productName,
        Money estimatedAnnualValue,
        LocalDate observedOn,
        LocalDate endedOn,
        String note,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<CompetitorDealingId> {
    /**
     * Validates the components.
     *
     * @param id the dealing's id, assigned by the CRM when the dealing is recorded, not null
     * @param competitorId the competitor dealing with our customer, required
     * @param customerId our customer the competitor deals with, required
     * @param kind what the dealing is; changes follow {@link DealingKind}'s table
     * @param productName what they sell or offer to the customer, up to 200 characters, or {@code null}
     * @param estimatedAnnualValue our estimate of the business per year, zero or more, or {@code null}
     * @param observedOn when we learnt of the dealing
     * @param endedOn when it ended, not before {@code observedOn}, or {@code null} while open
     * @param note free text, or {@code null}
     * @param version the version, 1 when recorded
     * @param createdAt when it was recorded
     * @param updatedAt when it was last changed
     * @throws ValidationException naming the first field that breaks a rule
     * @throws NullPointerException if {@code id}, {@code createdAt} or {@code updatedAt} is null
     * @throws IllegalArgumentException if {@code version} is less than 1
     */
    public CompetitorDealing {
        Objects.requireNonNull(id, "id");
        validateDetails(competitorId, customerId, kind, productName, estimatedAnnualValue, observedOn, note);
        Check.order("endedOn", observedOn, endedOn);
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The rules a dealing's details obey; shared with {@link NewCompetitorDealing}. */
    static void validateDetails(
            CompetitorId competitorId,
            CustomerId customerId,
            DealingKind kind,
            String productName,
            Money estimatedAnnualValue,
            LocalDate observedOn,
            String note) {
        Check.required("competitorId", competitorId);
        Check.required("customerId", customerId);
        Check.required("kind", kind);
        Check.optionalText("productName", productName, Check.NAME_MAX);
        if (estimatedAnnualValue != null) {
            Check.nonNegative("estimatedAnnualValue", estimatedAnnualValue);
        }
        Check.required("observedOn", observedOn);
        Check.optionalMultiline("note", note, Check.TEXT_MAX);
    }

    /**
     * Creates an open dealing from what the host supplied.
     *
     * @param id the new id
     * @param dealing the details
     * @param now the instant of recording
     * @return the dealing at version 1
     */
    public static CompetitorDealing record(CompetitorDealingId id, NewCompetitorDealing dealing, Instant now) {
        Objects.requireNonNull(dealing, "dealing");
        return new CompetitorDealing(
                id,
                dealing.competitorId(),
                dealing.customerId(),
                dealing.kind(),
                dealing.productName(),
                dealing.estimatedAnnualValue(),
                dealing.observedOn(),
                null,
                dealing.note(),
                1,
                now,
                now);
    }

    /** @return {@code true} while the dealing has not been ended */
    public boolean isOpen() {
        return endedOn == null;
    }

    /**
     * Returns this dealing of another kind, one version later.
     *
     * @param to the new kind
     * @param now the instant of the change
     * @return the changed dealing
     * @throws ValidationException on {@code endedOn} with rule {@link ValidationRule#INVALID_STATE} if the
     *     dealing has ended
     * @throws IllegalTransitionException if {@link DealingKind}'s table does not allow the change
     */
    public CompetitorDealing withKind(DealingKind to, Instant now) {
        requireOpen();
        kind.requireTransitionTo(to);
        return new CompetitorDealing(
                id,
                competitorId,
                customerId,
                to,
                productName,
                estimatedAnnualValue,
                observedOn,
                endedOn,
                note,
                version + 1,
                createdAt,
                now);
    }

    /**
     * Returns this dealing ended, one version later. A current supplier becomes a former supplier ({@link
     * DealingKind#whenEnded()}); every other kind stays.
     *
     * @param on the last day of the dealing, not before {@link #observedOn()}
     * @param now the instant of the change
     * @return the ended dealing
     * @throws ValidationException on {@code endedOn}: rule {@link ValidationRule#INVALID_STATE} if it has
     *     already ended, {@link ValidationRule#REQUIRED} if {@code on} is null, {@link
     *     ValidationRule#DATE_ORDER} if {@code on} is before {@link #observedOn()}
     */
    public CompetitorDealing end(LocalDate on, Instant now) {
        requireOpen();
        Check.required("endedOn", on);
        return new CompetitorDealing(
                id,
                competitorId,
                customerId,
                kind.whenEnded(),
                productName,
                estimatedAnnualValue,
                observedOn,
                on,
                note,
                version + 1,
                createdAt,
                now);
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw Check.fail("endedOn", ValidationRule.INVALID_STATE, "the dealing ended on " + endedOn);
        }
    }
}
