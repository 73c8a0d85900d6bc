package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How customers moved between lifecycle stages in a period, from {@link Lifecycle#flow}: one count per (from,
 * to) pair that occurred.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the first day
 * @param to the last day
 * @param moves the counts, by from stage (first placements first) then to stage, in {@link LifecycleStage}
 *     order
 * @since 0.1.0
 */
@Beta
public record StageFlow(LocalDate from, LocalDate to, List<Move> moves) {
    /**
     * Copies the list.
     *
     * @param from the first day
     * @param to the last day
     * @param moves the counts, by from stage (first placements first) then to stage, in {@link LifecycleStage} order
     */
    public StageFlow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        moves = List.copyOf(moves);
    }

    /**
     * How many customers moved from one stage to another.
     *
     * @param from the stage left, or {@code null} for first placements
     * @param to the stage entered
     * @param count how many moves, 1 or more
     */
    public record Move(LifecycleStage from, LifecycleStage to, int count) {
        /**
         * Validates the count.
         *
         * @param from the stage left, or {@code null} for first placements
         * @param to the stage entered
         * @param count how many moves, 1 or more
         */
        public Move {
            Objects.requireNonNull(to, "to");
            if (count < 1) {
                throw new IllegalArgumentException("count must be 1 or more: " + count);
            }
        }
    }

    /**
     * @param fromStage the stage left, or {@code null} for first placements
     * @param toStage the stage entered
     * @return how many customers moved so in the period, 0 if none
     */
    public int count(LifecycleStage fromStage, LifecycleStage toStage) {
        for (Move m : moves) {
            if (m.from() == fromStage && m.to() == toStage) {
                return m.count();
            }
        }
        return 0;
    }

    /**
     * @param stage a stage
     * @return how many moves into the stage the period had (first placements included)
     */
    public int entered(LifecycleStage stage) {
        return moves.stream().filter(m -> m.to() == stage).mapToInt(Move::count).sum();
    }

    /**
     * @param stage a stage
     * @return how many moves out of the stage the period had
     */
    public int left(LifecycleStage stage) {
        return moves.stream()
                .filter(m -> m.from() == stage)
                .mapToInt(Move::count)
                .sum();
    }
}
