package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ClassificationRule} gets besides the customers: the day of the classification and the results
 * of the rules that ran before it. A context object, so that more can be added without breaking rules.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the day of the classification
 * @param earlier the results of the rules that ran before, by rule name, in the order they ran
 */
@Beta
public record ClassificationContext(LocalDate asOf, Map<String, Classifications> earlier) {
    /**
     * Validates and copies.
     *
     * @param asOf the day of the classification
     * @param earlier the results of the rules that ran before, by rule name, in the order they ran
     */
    public ClassificationContext {
        Objects.requireNonNull(asOf, "asOf");
        earlier = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(earlier));
    }

    /**
     * Returns a context without earlier results.
     *
     * @param asOf the day
     * @return the context
     */
    public static ClassificationContext of(LocalDate asOf) {
        return new ClassificationContext(asOf, Map.of());
    }

    /**
     * Returns the results of a rule that ran before.
     *
     * @param rule the rule's name
     * @return its results, or empty if no such rule ran before
     */
    public Optional<Classifications> result(String rule) {
        return Optional.ofNullable(earlier.get(rule));
    }
}
