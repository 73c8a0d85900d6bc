package dev.guanxi.crm.sales;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sales pipeline: a named, ordered list of stages an {@link Opportunity} moves through, each with a default
 * win probability. A CRM knows its pipelines by name; they are configured once with {@code
 * Crm.builder().pipeline(...)} ({@link #standard()} when none is given).
 *
 * <pre>{@code
 * Pipeline projects = Pipeline.builder("projects")
 *         .stage("LEAD", "Lead", 5)
 *         .stage("TENDER", "Tender", 40)
 *         .stage("CONTRACT", "Contract negotiation", 80)
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Two pipelines are equal when their names and stages are.
 */
public final class Pipeline {
    /** The name of {@link #standard()}. */
    public static final String STANDARD = "standard";
    /** The most stages a pipeline may have. */
    public static final int MAX_STAGES = 100;

    private static final Pipeline STANDARD_PIPELINE = builder(STANDARD)
            .stage("QUALIFICATION", "Qualification", 10)
            .stage("NEEDS_ANALYSIS", "Needs analysis", 25)
            .stage("PROPOSAL", "Proposal", 50)
            .stage("NEGOTIATION", "Negotiation", 75)
            .build();

    private final String name;
    private final List<PipelineStage> stages;

    private Pipeline(String name, List<PipelineStage> stages) {
        this.name = name;
        this.stages = List.copyOf(stages);
    }

    /**
     * Returns the standard pipeline, named {@value #STANDARD}: {@code QUALIFICATION} (10%), {@code
     * NEEDS_ANALYSIS} (25%), {@code PROPOSAL} (50%), {@code NEGOTIATION} (75%). Won and lost are statuses of
     * an opportunity, not stages.
     *
     * @return the standard pipeline
     */
    public static Pipeline standard() {
        return STANDARD_PIPELINE;
    }

    /**
     * Starts a pipeline.
     *
     * @param name the pipeline's unique name: 1 to 64 characters of {@code [A-Za-z0-9_.-]}
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the pipeline's unique name */
    public String name() {
        return name;
    }

    /** @return the stages, in order, at least one */
    public List<PipelineStage> stages() {
        return stages;
    }

    /** @return the first stage, where new opportunities start unless told otherwise */
    public PipelineStage firstStage() {
        return stages.get(0);
    }

    /**
     * Looks up a stage.
     *
     * @param code the stage's code
     * @return the stage, or empty if this pipeline has none with that code
     */
    public Optional<PipelineStage> stage(String code) {
        for (PipelineStage s : stages) {
            if (s.code().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Looks up a stage that must exist.
     *
     * @param field the field named in the exception, e.g. {@code stage}
     * @param code the stage's code
     * @return the stage
     * @throws ValidationException with {@link ValidationRule#UNKNOWN_CODE} if there is no such stage
     */
    public PipelineStage requireStage(String field, String code) {
        Check.required(field, code);
        return stage(code)
                .orElseThrow(() -> Check.fail(
                        field, ValidationRule.UNKNOWN_CODE, "pipeline " + name + " has no stage '" + code + "'"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pipeline p && p.name.equals(name) && p.stages.equals(stages);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + stages.hashCode();
    }

    /** @return the name and the stage codes, e.g. {@code standard[QUALIFICATION, ...]} */
    @Override
    public String toString() {
        return name + stages.stream().map(PipelineStage::code).toList();
    }

    /** Builds a {@link Pipeline}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<PipelineStage> stages = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Adds the next stage.
         *
         * @param code unique within the pipeline: 1 to 64 characters of {@code [A-Za-z0-9_.-]}
         * @param label the name shown to users
         * @param defaultProbability the win probability in percent, 0 to 100
         * @return this builder
         * @throws ValidationException if a value breaks a rule (field {@code stages[i].code} etc.)
         */
        public Builder stage(String code, String label, int defaultProbability) {
            try {
                stages.add(new PipelineStage(code, label, defaultProbability));
            } catch (ValidationException e) {
                throw e.under("stages[" + stages.size() + "]");
            }
            return this;
        }

        /**
         * @return the pipeline
         * @throws ValidationException if the name is invalid ({@code name}), there is no stage ({@code stages},
         *     {@link ValidationRule#REQUIRED}), too many ({@link ValidationRule#TOO_LONG}) or a code repeats
         *     ({@code stages[i].code}, {@link ValidationRule#DUPLICATE})
         */
        public Pipeline build() {
            Check.code("name", name);
            if (stages.isEmpty()) {
                throw Check.fail("stages", ValidationRule.REQUIRED, "a pipeline needs at least one stage");
            }
            if (stages.size() > MAX_STAGES) {
                throw Check.fail("stages", ValidationRule.TOO_LONG, "a pipeline has at most " + MAX_STAGES + " stages");
            }
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < stages.size(); i++) {
                if (!codes.add(stages.get(i).code())) {
                    throw Check.fail(
                            "stages[" + i + "].code",
                            ValidationRule.DUPLICATE,
                            "stage code " + stages.get(i).code() + " is used twice");
                }
            }
            return new Pipeline(name, stages);
        }
    }
}
