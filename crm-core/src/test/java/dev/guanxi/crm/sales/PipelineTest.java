package dev.guanxi.crm.sales;

import static dev.guanxi.crm.sales.SalesTestSupport.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.ValidationRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pipelines")
class PipelineTest {

    @Test
    @DisplayName("the standard pipeline has four stages with rising default probabilities")
    void standard() {
        Pipeline p = Pipeline.standard();
        assertThat(p.name()).isEqualTo("standard");
        assertThat(p.stages())
                .extracting(PipelineStage::code, PipelineStage::defaultProbability)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("QUALIFICATION", 10),
                        org.assertj.core.groups.Tuple.tuple("NEEDS_ANALYSIS", 25),
                        org.assertj.core.groups.Tuple.tuple("PROPOSAL", 50),
                        org.assertj.core.groups.Tuple.tuple("NEGOTIATION", 75));
        assertThat(p.firstStage().code()).isEqualTo("QUALIFICATION");
        assertThat(p.stage("PROPOSAL")).map(PipelineStage::label).contains("Proposal");
        assertThat(p.stage("WON")).isEmpty();
        assertThat(Pipeline.standard()).isEqualTo(p).hasSameHashCodeAs(p);
    }

    @Test
    @DisplayName("a pipeline needs a valid name, at least one stage, unique codes and probabilities 0 to 100")
    void validation() {
        assertInvalid(() -> Pipeline.builder("x").build(), "stages", ValidationRule.REQUIRED);
        assertInvalid(
                () -> Pipeline.builder("bad name").stage("A", "A", 1).build(), "name", ValidationRule.INVALID_FORMAT);
        assertInvalid(
                () -> Pipeline.builder("x")
                        .stage("A", "A", 1)
                        .stage("A", "Again", 2)
                        .build(),
                "stages[1].code",
                ValidationRule.DUPLICATE);
        assertInvalid(
                () -> Pipeline.builder("x").stage("A", "A", 1).stage("B", "B", 101),
                "stages[1].defaultProbability",
                ValidationRule.OUT_OF_RANGE);
        assertInvalid(
                () -> Pipeline.builder("x").stage("A", "A", -1),
                "stages[0].defaultProbability",
                ValidationRule.OUT_OF_RANGE);
        assertInvalid(
                () -> Pipeline.builder("x").stage("A B", "A", 1), "stages[0].code", ValidationRule.INVALID_FORMAT);
        assertInvalid(
                () -> Pipeline.builder("x").stage("A", "A\u0000", 1),
                "stages[0].label",
                ValidationRule.ILLEGAL_CHARACTER);
    }

    @Test
    @DisplayName("a required stage that does not exist is an UNKNOWN_CODE naming the field")
    void requireStage() {
        assertInvalid(() -> Pipeline.standard().requireStage("stage", "NOPE"), "stage", ValidationRule.UNKNOWN_CODE);
        assertThat(Pipeline.standard().requireStage("stage", "PROPOSAL").defaultProbability())
                .isEqualTo(50);
    }
}
