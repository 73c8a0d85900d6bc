package dev.guanxi.crm.customer;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.Violations;
import java.time.Instant;

/**
 * One recorded consent decision: on a channel, the customer opted in or out at a moment, as recorded by a
 * source (a web form, a signed contract, a phone call...). A customer keeps every decision; the latest per
 * channel counts (see {@link Preferences#mayContact}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param channel the channel the decision is about
 * @param status opt-in or opt-out
 * @param at when the customer decided; not in the future (checked when the customer is written)
 * @param source where the decision was recorded, e.g. {@code "web form /newsletter"}, or {@code null}
 */
public record Consent(Channel channel, ConsentStatus status, Instant at, String source) {
    /**
     * Validates the components.
     *
     * @param channel the channel the decision is about
     * @param status opt-in or opt-out
     * @param at when the customer decided; not in the future (checked when the customer is written)
     * @param source where the decision was recorded, e.g. {@code "web form /newsletter"}, or {@code null}
     * @throws dev.guanxi.crm.ValidationException naming every offending component ({@code channel}, {@code
     *     status}, {@code at}, {@code source})
     */
    public Consent {
        Violations v = new Violations();
        v.run(() -> Check.required("channel", channel));
        v.run(() -> Check.required("status", status));
        v.run(() -> Check.required("at", at));
        v.run(() -> Check.optionalText("source", source, Check.LINE_MAX));
        v.throwIfAny();
    }

    /**
     * Records an opt-in.
     *
     * @param channel the channel
     * @param at when the customer agreed
     * @param source where it was recorded, or {@code null}
     * @return the consent
     */
    public static Consent optIn(Channel channel, Instant at, String source) {
        return new Consent(channel, ConsentStatus.OPT_IN, at, source);
    }

    /**
     * Records an opt-out.
     *
     * @param channel the channel
     * @param at when the customer refused or withdrew
     * @param source where it was recorded, or {@code null}
     * @return the consent
     */
    public static Consent optOut(Channel channel, Instant at, String source) {
        return new Consent(channel, ConsentStatus.OPT_OUT, at, source);
    }
}
