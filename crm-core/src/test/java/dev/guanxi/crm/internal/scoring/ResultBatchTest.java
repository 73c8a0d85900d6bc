package dev.guanxi.crm.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.classification.ScoringResult;
import dev.guanxi.crm.classification.StandardRules;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import dev.guanxi.crm.spi.storage.ScoreView;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A run's batch of changed customers as views over its results")
class ResultBatchTest {
    @Test
    @DisplayName("property: every view answers each label and metric as the snapshot built for the customer does")
    void viewsAnswerAsTheSnapshot() {
        UUID run = new UUID(5, 6);
        for (long seed = 1; seed <= 3; seed++) {
            ScoringResult result = StandardRules.all().classify(ResultHashTest.randomBase(1_500, seed));
            ResultHash.Layout layout = new ResultHash.Layout(result);
            ResultBatch.Builder rows = new ResultBatch.Builder(result, run, 4);
            long[] h = new long[2];
            for (int i = 0; i < result.base().size(); i += 2) { // every other customer; the builder grows
                layout.hash(i, h);
                rows.add(i, h[0], h[1]);
            }
            ResultBatch batch = rows.build();
            assertThat(batch.size()).isEqualTo(750);
            assertThat(batch.runId()).isEqualTo(run);
            assertThat(batch.asOf()).isEqualTo(result.base().asOf());
            for (int row = 0; row < batch.size(); row++) {
                int i = batch.index(row);
                assertThat(i).isEqualTo(2 * row);
                String hash = layout.text(i);
                ScoreSnapshot expected = result.snapshot(i, run, hash, Models.metrics(result.base(), i));

                ScoreView view = batch.view(row);

                assertThat(view.snapshot()).isEqualTo(expected);
                assertThat(view.customerId()).isEqualTo(expected.customerId()).isEqualTo(batch.customerId(row));
                assertThat(view.runId()).isEqualTo(run);
                assertThat(view.asOf()).isEqualTo(expected.asOf());
                assertThat(view.inputsHash()).isEqualTo(hash);
                for (Map.Entry<String, String> e : expected.labels().entrySet()) {
                    assertThat(view.label(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
                }
                for (Map.Entry<String, BigDecimal> e : expected.metrics().entrySet()) {
                    // equals, not compareTo: the same scale as stored
                    assertThat(view.metric(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
                }
                // names the snapshot does not hold: unknown ones, and left-out ones (an unknown P(alive) or CLV,
                // a NaN metric, an empty reason)
                for (String name : new String[] {"abc.none", "model.pAlive", "model.clv", "rfm.recencyDays"}) {
                    if (!expected.metrics().containsKey(name)) {
                        assertThat(view.metric(name)).as(name).isNull();
                    }
                }
                assertThat(view.label("lifecycle.none")).isNull();
                assertThat(view.label("abc.score")).isNull(); // a metric's name is not a label
                assertThat(view.metric("abc")).isNull(); // nor a label's a metric
            }
        }
    }

    @Test
    @DisplayName("an empty batch has no rows; a row outside the batch is refused")
    void emptyAndOutOfRange() {
        ScoringResult result = StandardRules.all().classify(ResultHashTest.randomBase(3, 1));
        ResultBatch empty = new ResultBatch.Builder(result, new UUID(1, 1), 0).build();

        assertThat(empty.size()).isZero();
        assertThatThrownBy(() -> empty.view(0)).isInstanceOf(IndexOutOfBoundsException.class);
        ResultBatch.Builder one = new ResultBatch.Builder(result, new UUID(1, 1), 1);
        one.add(2, 7, 8);
        ResultBatch batch = one.build();
        assertThat(batch.view(0).inputsHash()).isEqualTo(ResultHash.hex(7, 8));
        assertThatThrownBy(() -> batch.view(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> batch.view(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
