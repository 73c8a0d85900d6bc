package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns an e-mail address into the form duplicate detection compares: compatibility-normalised (NFKC, so a
 * full-width {@code ＠} is an {@code @}), trimmed and lower-cased with {@link Locale#ROOT} (never the default
 * locale: a Turkish default would turn {@code I} into a dotless {@code ı}).
 *
 * <p>Lower-casing the local part is what mailbox providers do in practice, though RFC 5321 lets a server treat
 * it as case-sensitive. With {@link #withGmailRules()} the Gmail conventions are applied too, and only to the
 * domains {@code gmail.com} and {@code googlemail.com}: dots in the local part are dropped, everything from the
 * first {@code +} (a "tag") is dropped, and {@code googlemail.com} becomes {@code gmail.com}. Other providers
 * treat dots and tags differently, so the rule is off by default and never applied to other domains.
 *
 * <pre>{@code
 * EmailNormalizer.standard().normalize(" Wang.Fang@Example.COM ")      // "wang.fang@example.com"
 * EmailNormalizer.withGmailRules().normalize("Wang.Fang+crm@GoogleMail.com") // "wangfang@gmail.com"
 * }</pre>
 *
 * <p>A pure function: immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public final class EmailNormalizer {
    private static final EmailNormalizer STANDARD = new EmailNormalizer(false);
    private static final EmailNormalizer GMAIL = new EmailNormalizer(true);

    private final boolean gmailRules;

    private EmailNormalizer(boolean gmailRules) {
        this.gmailRules = gmailRules;
    }

    /** @return the normaliser that trims and lower-cases, without provider rules */
    public static EmailNormalizer standard() {
        return STANDARD;
    }

    /** @return the normaliser that also applies the Gmail dot and tag rules to gmail.com and googlemail.com */
    public static EmailNormalizer withGmailRules() {
        return GMAIL;
    }

    /** @return whether the Gmail dot and tag rules are applied */
    public boolean gmailRules() {
        return gmailRules;
    }

    /**
     * Normalises one address.
     *
     * @param address the address as stored or typed
     * @return the comparable form, e.g. {@code wang.fang@example.com}
     * @throws ValidationException on {@code email}: {@link ValidationRule#BLANK} for an empty or blank text,
     *     {@link ValidationRule#INVALID_FORMAT} for a text that is not {@code local@domain} with both parts
     *     non-empty and no white space
     * @throws NullPointerException if {@code address} is {@code null}
     */
    public String normalize(String address) {
        Objects.requireNonNull(address, "address");
        String s = isAscii(address) ? address : Normalizer.normalize(address, Normalizer.Form.NFKC);
        s = s.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new ValidationException("email", ValidationRule.BLANK, "the e-mail address is blank");
        }
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1 || hasWhitespace(s)) {
            throw new ValidationException(
                    "email", ValidationRule.INVALID_FORMAT, "'" + address + "' is not an e-mail address");
        }
        if (!gmailRules) {
            return s;
        }
        String domain = s.substring(at + 1);
        if (!domain.equals("gmail.com") && !domain.equals("googlemail.com")) {
            return s;
        }
        String local = s.substring(0, at);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        local = local.replace(".", "");
        if (local.isEmpty()) {
            throw new ValidationException(
                    "email", ValidationRule.INVALID_FORMAT, "'" + address + "' has no mailbox before the tag");
        }
        return local + "@gmail.com";
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return gmailRules ? "EmailNormalizer[gmailRules]" : "EmailNormalizer[standard]";
    }
}
