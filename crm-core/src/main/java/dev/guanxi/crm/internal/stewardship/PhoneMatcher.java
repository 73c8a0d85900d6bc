package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.ContactType;
import dev.guanxi.crm.stewardship.DuplicateMatcher;
import dev.guanxi.crm.stewardship.MatchEvidence;
import dev.guanxi.crm.stewardship.MatchSubject;
import dev.guanxi.crm.stewardship.PhoneNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Fires on the same phone number in E.164 (score 1), or, when one of the numbers cannot be put into E.164 (it
 * was written without country code and the normaliser has no default region), on the same national significant
 * number ({@value #NATIONAL_SCORE}). Blocks by the last {@value #KEY_DIGITS} digits as stored, which needs no
 * parsing: {@code +8613812345678} and {@code 13812345678} share a block, and the E.164 form is computed only for
 * customers whose block has another member. Thread-safe; a prepared {@link Numbers} caches its E.164 forms and
 * is confined to one thread.
 */
public final class PhoneMatcher implements DuplicateMatcher<PhoneMatcher.Numbers> {
    /** How many trailing digits make the blocking key. */
    public static final int KEY_DIGITS = 8;
    /** The score of numbers equal only in their national part. */
    public static final double NATIONAL_SCORE = 0.9;

    private static final com.google.i18n.phonenumbers.PhoneNumberUtil UTIL =
            com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();

    /** One customer's phone numbers as stored, with lazily computed E.164 and national forms. */
    public static final class Numbers {
        final String[] raw;
        String[] keys;
        String[] e164;
        String[] national;

        Numbers(String[] raw) {
            this.raw = raw;
        }
    }

    private final String name;
    private final PhoneNormalizer normalizer;

    /**
     * @param name the matcher's name
     * @param normalizer the E.164 normaliser
     */
    public PhoneMatcher(String name, PhoneNormalizer normalizer) {
        this.name = Objects.requireNonNull(name, "name");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Numbers> prepare(MatchSubject subject) {
        List<String> values = subject.values(ContactType.PHONE);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Numbers(new LinkedHashSet<>(values).toArray(new String[0])));
    }

    @Override
    public List<String> blockingKeys(Numbers prepared) {
        List<String> keys = new ArrayList<>(prepared.raw.length);
        for (String number : prepared.raw) {
            keys.add(key(number));
        }
        return keys;
    }

    @Override
    public Optional<MatchEvidence> score(Numbers a, Numbers b) {
        // numbers that differ in their last digits are different numbers in any format: skip the parsing
        // (pairs proposed by other matchers, e.g. alike names, mostly have different phones)
        if (!shareKey(a, b)) {
            return Optional.empty();
        }
        resolve(a);
        resolve(b);
        for (int i = 0; i < a.raw.length; i++) {
            for (int j = 0; j < b.raw.length; j++) {
                if (a.e164[i] != null && a.e164[i].equals(b.e164[j])) {
                    return Optional.of(new MatchEvidence(name, 1.0, "same phone " + a.e164[i]));
                }
            }
        }
        for (int i = 0; i < a.raw.length; i++) {
            for (int j = 0; j < b.raw.length; j++) {
                if ((a.e164[i] == null || b.e164[j] == null) && a.national[i].equals(b.national[j])) {
                    return Optional.of(new MatchEvidence(
                            name,
                            NATIONAL_SCORE,
                            "same national phone number " + a.national[i] + " (" + a.raw[i] + ", " + b.raw[j] + ")"));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean shareKey(Numbers a, Numbers b) {
        if (a.keys == null) {
            a.keys = keys(a.raw);
        }
        if (b.keys == null) {
            b.keys = keys(b.raw);
        }
        for (String x : a.keys) {
            for (String y : b.keys) {
                if (x.equals(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String[] keys(String[] raw) {
        String[] keys = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            keys[i] = key(raw[i]);
        }
        return keys;
    }

    private static String key(String number) {
        String digits = digits(number);
        return digits.length() <= KEY_DIGITS ? digits : digits.substring(digits.length() - KEY_DIGITS);
    }

    private void resolve(Numbers n) {
        if (n.e164 != null) {
            return;
        }
        String[] e164 = new String[n.raw.length];
        String[] national = new String[n.raw.length];
        for (int i = 0; i < n.raw.length; i++) {
            try {
                e164[i] = normalizer.normalize(n.raw[i]);
                national[i] = String.valueOf(UTIL.parse(e164[i], "ZZ").getNationalNumber());
            } catch (ValidationException | com.google.i18n.phonenumbers.NumberParseException e) {
                e164[i] = null;
                national[i] = stripLeadingZeros(digits(n.raw[i]));
            }
        }
        n.national = national;
        n.e164 = e164;
    }

    private static String digits(String number) {
        StringBuilder d = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                d.append(c);
            }
        }
        return d.toString();
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    @Override
    public String toString() {
        return name + "(" + normalizer + ")";
    }
}
