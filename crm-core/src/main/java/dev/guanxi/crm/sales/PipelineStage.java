package dev.guanxi.crm.sales;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.internal.Check;

/**
 * One stage of a {@link Pipeline}, e.g. {@code PROPOSAL}, with the probability of winning that an
 * opportunity gets on entering it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the stage's code, unique within its pipeline: 1 to 64 characters of {@code [A-Za-z0-9_.-]}
 * @param label the name shown to users, in any script, 1 to 200 characters
 * @param defaultProbability the win probability in percent, 0 to 100
 */
public record PipelineStage(String code, String label, int defaultProbability) {
    /**
     * Validates the components.
     *
     * @param code the stage's code, unique within its pipeline: 1 to 64 characters of {@code [A-Za-z0-9_.-]}
     * @param label the name shown to users, in any script, 1 to 200 characters
     * @param defaultProbability the win probability in percent, 0 to 100
     * @throws ValidationException naming the field ({@code code}, {@code label}, {@code defaultProbability})
     *     and the rule
     */
    public PipelineStage {
        Check.code("code", code);
        Check.text("label", label, Check.NAME_MAX);
        Check.range("defaultProbability", defaultProbability, 0, 100);
    }
}
