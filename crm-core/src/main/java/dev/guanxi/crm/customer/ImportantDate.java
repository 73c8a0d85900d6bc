package dev.guanxi.crm.customer;

import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.Violations;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * A date worth remembering about a customer: a birthday, a founding day, a contract anniversary, or another
 * occasion with a label. Birthdays and founding days must not lie in the future, other dates at most 100
 * years ahead; both are checked against the CRM's clock when the customer is written.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the kind of date
 * @param date the day to remember, required; not in the future for a birthday or founding day, at most 100 years ahead
 *     otherwise (checked when the customer is written)
 * @param label what the date is, 1 to 200 characters in any script; required for {@link
 *     ImportantDateType#OTHER}, optional otherwise
 */
public record ImportantDate(ImportantDateType type, LocalDate date, String label) {
    /**
     * Validates the components.
     *
     * @param type the kind of date
     * @param date the day to remember, required; not in the future for a birthday or founding day, at most 100
     *     years ahead otherwise (checked when the customer is written)
     * @param label what the date is, 1 to 200 characters in any script; required for {@link ImportantDateType#OTHER},
     *     optional otherwise
     * @throws dev.guanxi.crm.ValidationException naming every offending component ({@code type}, {@code date},
     *     {@code label})
     */
    public ImportantDate {
        Violations v = new Violations();
        v.run(() -> Check.required("type", type));
        v.run(() -> Check.required("date", date));
        if (type == ImportantDateType.OTHER && label == null) {
            v.add("label", ValidationRule.REQUIRED, "an OTHER important date needs a label");
        } else {
            String l = label;
            v.run(() -> Check.optionalText("label", l, Check.NAME_MAX));
        }
        v.throwIfAny();
    }

    /**
     * @param date the day of birth
     * @return a birthday
     */
    public static ImportantDate birthday(LocalDate date) {
        return new ImportantDate(ImportantDateType.BIRTHDAY, date, null);
    }

    /**
     * @param date the day the organisation was founded
     * @return a founding day
     */
    public static ImportantDate foundingDay(LocalDate date) {
        return new ImportantDate(ImportantDateType.FOUNDING_DAY, date, null);
    }

    /**
     * @param date the day the contract was signed or started
     * @return a contract anniversary
     */
    public static ImportantDate contractAnniversary(LocalDate date) {
        return new ImportantDate(ImportantDateType.CONTRACT_ANNIVERSARY, date, null);
    }

    /**
     * @param label what the date is, e.g. {@code 春节拜访}
     * @param date the date
     * @return an important date of type {@link ImportantDateType#OTHER}
     */
    public static ImportantDate other(String label, LocalDate date) {
        return new ImportantDate(ImportantDateType.OTHER, date, label);
    }

    /**
     * Returns the next anniversary of this date on or after a day. An anniversary of 29 February falls on 28
     * February in common years.
     *
     * @param day the day to count from, usually today
     * @return the first anniversary that is not before {@code day} (the date itself if it lies ahead)
     */
    public LocalDate nextOccurrence(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (!date.isBefore(day)) {
            return date;
        }
        MonthDay monthDay = MonthDay.from(date);
        LocalDate candidate = monthDay.atYear(day.getYear());
        return candidate.isBefore(day) ? monthDay.atYear(day.getYear() + 1) : candidate;
    }
}
