package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import java.util.Optional;

/**
 * Writes a name in another script in Latin letters, so that {@code 王芳} can be compared with {@code Wang Fang}
 * (and the homophones {@code 王芳} and {@code 王方} with each other). The SDK has no built-in romanisation: good
 * pinyin needs a dictionary of readings, which ICU4J has and crm-core does not depend on. A host that has ICU4J
 * plugs in its Han-to-Latin transliterator:
 *
 * <pre>{@code
 * // com.ibm.icu.text.Transliterator: thread-safe once built
 * Transliterator pinyin = Transliterator.getInstance("Han-Latin; Latin-ASCII");
 * NameRomanizer romanizer = name -> Optional.of(pinyin.transliterate(name));
 * NameNormalizer names = NameNormalizer.defaults().withRomanizer(romanizer);
 * }</pre>
 *
 * <p>The result is folded by {@link NameNormalizer} like any name (case, tone marks, punctuation), so a
 * romanizer may return {@code "wáng fāng"}. A surname with several readings (单, 曾) is read the way the
 * romanizer reads it; comparisons by romanised name therefore count less than comparisons as written (see
 * {@link DuplicateMatchers#name}).
 *
 * <p>Implementations must be thread-safe: one detector is used by concurrent scans and checks.
 *
 * @since 0.1.0
 */
@Beta
@FunctionalInterface
public interface NameRomanizer {
    /**
     * Romanises a name that contains Han characters.
     *
     * @param name the name as written, containing at least one Han character
     * @return the name in Latin letters, or empty if this romanizer cannot read it
     */
    Optional<String> romanize(String name);
}
