package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.PartyKind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Folds names of persons and organisations into the form duplicate detection compares.
 *
 * <p>{@link #tokens} does, in this order:
 *
 * <ol>
 *   <li><b>width</b>: Unicode compatibility normalisation (NFKC), so full-width {@code Ｗａｎｇ　Ｆａｎｇ} is {@code
 *       Wang Fang}, {@code ﬁ} is {@code fi} and a circled digit is a digit;
 *   <li><b>case</b>: upper-casing then lower-casing with {@link Locale#ROOT} (a simple case folding: {@code ß}
 *       and {@code SS} both fold to {@code ss}, final {@code ς} to {@code σ}); never the default locale, so a
 *       Turkish default does not make {@code I} a dotless {@code ı};
 *   <li><b>diacritics</b> on Latin letters are dropped ({@code Müller} = {@code Muller}, Turkish {@code İ} =
 *       {@code i}); marks on other scripts are kept (Devanagari vowel signs are letters' parts);
 *   <li><b>punctuation and white space</b>: {@code .} and apostrophes are deleted ({@code J.P.} = {@code jp},
 *       {@code O'Brien} = {@code obrien}); every other character that is not a letter, digit or mark (spaces,
 *       hyphens, commas, brackets, symbols, emoji) separates words;
 *   <li><b>Chinese as written</b>: words of Han characters are joined across spaces ({@code 王 芳} = {@code
 *       王芳}); Chinese names are not split into surname and given name;
 *   <li><b>legal forms</b>, for organisations only: trailing words that are legal forms ({@code Co., Ltd.},
 *       {@code GmbH}, {@code S.A.}) are removed, and Han legal forms ({@code 有限公司}, {@code 集团}) are removed
 *       from the end of the last word, repeatedly; never the whole name.
 * </ol>
 *
 * <p>{@link #key} then sorts the words, so that {@code Wang Fang} and {@code Fang Wang} have one key.
 * Optionally a {@link NameRomanizer} gives a second, romanised form for names with Han characters ({@link
 * #romanizedTokens}).
 *
 * <p>The default legal forms are {@link #DEFAULT_LEGAL_FORMS}; {@link #withLegalForms} replaces and {@link
 * #withAdditionalLegalForms} extends them. Leading legal forms ({@code 株式会社トヨタ}) are not removed.
 *
 * <p>Pure functions: immutable and thread-safe if the romanizer is.
 *
 * @since 0.1.0
 */
@Beta
public final class NameNormalizer {
    /**
     * The legal-form words removed from the end of organisation names by default, as written (they are folded
     * like names before use: {@code "Co."} matches {@code co}, {@code CO}, {@code Co.}).
     */
    public static final List<String> DEFAULT_LEGAL_FORMS = List.of(
            // English-speaking countries
            "Ltd",
            "Limited",
            "Inc",
            "Incorporated",
            "LLC",
            "LLP",
            "LP",
            "PLC",
            "Corp",
            "Corporation",
            "Co",
            "Company",
            "Group",
            "Pty",
            "Pte",
            "Pvt",
            // German-speaking countries
            "GmbH",
            "mbH",
            "AG",
            "KG",
            "OHG",
            "UG",
            "e.V.",
            // Romance-language countries
            "S.A.",
            "SAS",
            "SARL",
            "SRL",
            "SpA",
            "S.L.",
            // Benelux, Nordic countries, Japan, Malaysia, Russia
            "BV",
            "NV",
            "AB",
            "Oy",
            "Oyj",
            "AS",
            "ASA",
            "ApS",
            "KK",
            "Bhd",
            "Sdn",
            "OOO",
            "JSC",
            // Chinese (simplified and traditional) and Japanese, removed from the end of the last word
            "股份有限公司",
            "有限责任公司",
            "有限責任公司",
            "有限公司",
            "集团",
            "集團",
            "公司",
            "株式会社",
            "有限会社");

    private static final NameNormalizer DEFAULTS = new NameNormalizer(foldForms(DEFAULT_LEGAL_FORMS), null);

    /** Latin (or other non-Han) legal forms, each one folded word. */
    private final TreeSet<String> wordForms;
    /** Han legal forms, folded, longest first. */
    private final List<String> hanForms;

    private final NameRomanizer romanizer;

    private NameNormalizer(Collection<String> foldedForms, NameRomanizer romanizer) {
        this.wordForms = new TreeSet<>();
        List<String> han = new ArrayList<>();
        for (String f : foldedForms) {
            if (containsHan(f)) {
                han.add(f);
            } else {
                wordForms.add(f);
            }
        }
        han.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.hanForms = List.copyOf(han);
        this.romanizer = romanizer;
    }

    /** @return the normaliser with {@link #DEFAULT_LEGAL_FORMS} and no romanizer */
    public static NameNormalizer defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a normaliser with other legal forms.
     *
     * @param forms the legal forms, as written; a form of several words adds each word (a word is removed
     *     wherever it trails)
     * @return a new normaliser with the same romanizer
     * @throws ValidationException on {@code legalForms} with {@link ValidationRule#BLANK} for a form that folds
     *     to nothing (empty, only punctuation)
     * @throws NullPointerException if {@code forms} or one of them is {@code null}
     */
    public NameNormalizer withLegalForms(Collection<String> forms) {
        Objects.requireNonNull(forms, "forms");
        return new NameNormalizer(foldForms(forms), romanizer);
    }

    /**
     * Returns a normaliser with more legal forms.
     *
     * @param forms legal forms to add to this normaliser's, as written
     * @return a new normaliser with the same romanizer
     * @throws ValidationException on {@code legalForms} with {@link ValidationRule#BLANK} for a form that folds
     *     to nothing
     */
    public NameNormalizer withAdditionalLegalForms(String... forms) {
        List<String> all = new ArrayList<>(legalForms());
        all.addAll(foldForms(Arrays.asList(forms)));
        return new NameNormalizer(all, romanizer);
    }

    /**
     * Returns a normaliser that also romanises names with Han characters.
     *
     * @param newRomanizer the romanizer, e.g. ICU4J's Han-Latin transliterator
     * @return a new normaliser with the same legal forms
     */
    public NameNormalizer withRomanizer(NameRomanizer newRomanizer) {
        Objects.requireNonNull(newRomanizer, "newRomanizer");
        return new NameNormalizer(legalForms(), newRomanizer);
    }

    /** @return the legal forms, folded, sorted; unmodifiable */
    public List<String> legalForms() {
        List<String> all = new ArrayList<>(wordForms);
        all.addAll(hanForms);
        Collections.sort(all);
        return List.copyOf(all);
    }

    /** @return the romanizer, or empty if names are compared only as written */
    public Optional<NameRomanizer> romanizer() {
        return Optional.ofNullable(romanizer);
    }

    private static List<String> foldForms(Collection<String> forms) {
        List<String> folded = new ArrayList<>();
        for (String form : forms) {
            Objects.requireNonNull(form, "legal form");
            List<String> words = words(form);
            if (words.isEmpty()) {
                throw new ValidationException(
                        "legalForms", ValidationRule.BLANK, "the legal form '" + form + "' folds to nothing");
            }
            folded.addAll(words);
        }
        return folded;
    }

    /**
     * Folds a name to its words, in the order written (steps 1 to 6 above).
     *
     * @param name the name, in any script
     * @param kind person or organisation; legal forms are removed only from organisations' names
     * @return the folded words; empty if the name has no letter or digit (e.g. only emoji)
     * @throws NullPointerException if an argument is {@code null}
     */
    public List<String> tokens(String name, PartyKind kind) {
        Objects.requireNonNull(kind, "kind");
        List<String> words = words(name);
        if (kind == PartyKind.ORGANISATION) {
            stripLegalForms(words);
        }
        return words;
    }

    /**
     * Folds a name (steps 1 to 5 above, no legal forms removed) and joins the words with one space.
     *
     * @param name the name, in any script
     * @return the folded name, e.g. {@code "wang fang"} for {@code "ＷＡＮＧ, Fang"}; empty if the name has no
     *     letter or digit
     */
    public String fold(String name) {
        return String.join(" ", words(name));
    }

    /**
     * Returns the comparison key of a name: its {@link #tokens} sorted (in {@link String} order) and joined with
     * one space, so that word order does not matter.
     *
     * @param name the name, in any script
     * @param kind person or organisation
     * @return the key, e.g. {@code "fang wang"} for both {@code "Wang Fang"} and {@code "FANG Wang"}, {@code
     *     "huaxin"} for {@code "Huaxin Co., Ltd."} (an organisation), {@code "上海华信"} for {@code "上海华信有限公司"}
     */
    public String key(String name, PartyKind kind) {
        List<String> words = tokens(name, kind);
        Collections.sort(words);
        return String.join(" ", words);
    }

    /**
     * Returns the folded words of a name's romanised form, if the name has Han characters and a romanizer is
     * set and can read it.
     *
     * @param name the name, in any script
     * @param kind person or organisation (legal forms are removed before romanising)
     * @return the romanised words in written order, or empty
     */
    public Optional<List<String>> romanizedTokens(String name, PartyKind kind) {
        Objects.requireNonNull(name, "name");
        if (romanizer == null || !containsHan(name)) {
            return Optional.empty();
        }
        String stripped = String.join(" ", tokens(name, kind));
        return romanizer.romanize(stripped).map(NameNormalizer::words).filter(w -> !w.isEmpty());
    }

    private void stripLegalForms(List<String> words) {
        boolean changed = true;
        while (changed && !words.isEmpty()) {
            changed = false;
            int last = words.size() - 1;
            String word = words.get(last);
            if (last > 0 && wordForms.contains(word)) {
                words.remove(last);
                changed = true;
                continue;
            }
            if (hanForms.contains(word)) {
                // a word that is a legal form goes only if a word remains ("有限公司" alone stays whole)
                if (last > 0) {
                    words.remove(last);
                    changed = true;
                }
                continue;
            }
            for (String form : hanForms) {
                if (word.length() > form.length() && word.endsWith(form)) {
                    words.set(last, word.substring(0, word.length() - form.length()));
                    changed = true;
                    break;
                }
            }
        }
    }

    /** Steps 1 to 5: the folded words of a text. */
    static List<String> words(String text) {
        Objects.requireNonNull(text, "name");
        String s;
        if (EmailNormalizer.isAscii(text)) {
            s = text.toLowerCase(Locale.ROOT);
        } else {
            s = Normalizer.normalize(text, Normalizer.Form.NFKC);
            s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
            s = dropLatinDiacritics(s);
        }
        List<String> words = new ArrayList<>(4);
        StringBuilder word = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || isMark(cp)) {
                word.appendCodePoint(cp);
            } else if (!isJoiner(cp) && word.length() > 0) {
                addWord(words, word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            addWord(words, word.toString());
        }
        return words;
    }

    /** Adds a word, joining it to the previous one if both meet in Han characters ("王 芳" is "王芳"). */
    private static void addWord(List<String> words, String word) {
        int last = words.size() - 1;
        if (last >= 0) {
            String previous = words.get(last);
            if (isHan(previous.codePointBefore(previous.length())) && isHan(word.codePointAt(0))) {
                words.set(last, previous + word);
                return;
            }
        }
        words.add(word);
    }

    private static String dropLatinDiacritics(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        boolean afterLatin = false;
        boolean dropped = false;
        for (int i = 0; i < d.length(); ) {
            int cp = d.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                if (afterLatin) {
                    dropped = true;
                    continue;
                }
            } else {
                afterLatin = Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
            }
            out.appendCodePoint(cp);
        }
        return dropped || !d.equals(s) ? Normalizer.normalize(out, Normalizer.Form.NFC) : s;
    }

    private static boolean isJoiner(int cp) {
        return cp == '.' || cp == '\'' || cp == '\u2019' || cp == '\u02BC';
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    static boolean containsHan(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isHan(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    @Override
    public String toString() {
        return "NameNormalizer[" + (wordForms.size() + hanForms.size()) + " legal forms"
                + (romanizer == null ? "" : ", romanized") + "]";
    }
}
