package dev.guanxi.crm.customer;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a customer likes to be dealt with: the preferred channel and language, and the history of contact
 * consent per channel. Marketing must respect {@link #mayContact(Channel)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param preferredChannel the channel the customer prefers, or {@code null}
 * @param preferredLanguage the language the customer prefers (e.g. {@code zh-CN}), or {@code null}; kept in
 *     its canonical BCP 47 form ({@code Locale.forLanguageTag(locale.toLanguageTag())}), so it round-trips
 *     through a language tag
 * @param consents every consent decision recorded, oldest first by convention, at most {@value #MAX_CONSENTS}
 */
public record Preferences(Channel preferredChannel, Locale preferredLanguage, List<Consent> consents) {
    /** The most consent decisions kept per customer. */
    public static final int MAX_CONSENTS = 500;

    private static final Preferences NONE = new Preferences(null, null, List.of());

    /**
     * Validates the components.
     *
     * @param preferredChannel the channel the customer prefers, or {@code null}
     * @param preferredLanguage the language the customer prefers (e.g. {@code zh-CN}), or {@code null}; kept in its
     *     canonical BCP 47 form ({@code Locale.forLanguageTag(locale.toLanguageTag())}), so it round-trips through a
     *     language tag
     * @param consents every consent decision recorded, oldest first by convention, at most {@value #MAX_CONSENTS}
     * @throws dev.guanxi.crm.ValidationException on {@code preferredLanguage} ({@link
     *     ValidationRule#INVALID_FORMAT} for a locale without language) or {@code consents[i]}
     */
    public Preferences {
        Violations v = new Violations();
        if (preferredLanguage != null) {
            if (preferredLanguage.getLanguage().isEmpty()) {
                v.add(
                        "preferredLanguage",
                        ValidationRule.INVALID_FORMAT,
                        "a preferred language needs a language, got '" + preferredLanguage.toLanguageTag() + "'");
            } else {
                preferredLanguage = Locale.forLanguageTag(preferredLanguage.toLanguageTag());
            }
        }
        List<Consent> given = consents;
        consents = v.check(() -> Check.list("consents", given, MAX_CONSENTS));
        v.throwIfAny();
    }

    /** @return no preferred channel or language and no consent recorded */
    public static Preferences none() {
        return NONE;
    }

    /**
     * Returns these preferences with another preferred channel.
     *
     * @param channel the channel, or {@code null} for none
     * @return new preferences
     */
    public Preferences withPreferredChannel(Channel channel) {
        return new Preferences(channel, preferredLanguage, consents);
    }

    /**
     * Returns these preferences with another preferred language.
     *
     * @param language the language, or {@code null} for none
     * @return new preferences
     */
    public Preferences withPreferredLanguage(Locale language) {
        return new Preferences(preferredChannel, language, consents);
    }

    /**
     * Returns these preferences with one more consent decision, appended to the history.
     *
     * @param consent the decision
     * @return new preferences
     */
    public Preferences withConsent(Consent consent) {
        List<Consent> more = new ArrayList<>(consents);
        more.add(consent);
        return new Preferences(preferredChannel, preferredLanguage, more);
    }

    /**
     * Returns the decision that currently counts for a channel: the one with the latest {@link Consent#at()};
     * among decisions at the same instant, the one later in the list.
     *
     * @param channel the channel
     * @return the latest decision, or empty if the customer never decided about this channel
     */
    public Optional<Consent> latestConsent(Channel channel) {
        Objects.requireNonNull(channel, "channel");
        Consent latest = null;
        for (Consent c : consents) {
            if (c.channel() == channel && (latest == null || !c.at().isBefore(latest.at()))) {
                latest = c;
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Tells whether the customer may be contacted on a channel for marketing. Consent is opt-in: without any
     * recorded decision the answer is {@code false}.
     *
     * @param channel the channel
     * @return {@code true} only if the latest decision for the channel is {@link ConsentStatus#OPT_IN}
     */
    public boolean mayContact(Channel channel) {
        return latestConsent(channel)
                .map(c -> c.status() == ConsentStatus.OPT_IN)
                .orElse(false);
    }
}
