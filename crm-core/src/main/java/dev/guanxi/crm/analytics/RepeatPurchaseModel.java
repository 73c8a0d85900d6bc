package dev.guanxi.crm.analytics;

/**
 * A fitted model of repeat purchasing in continuous time (BG/NBD, Pareto/NBD, MBG/NBD): what it predicts for
 * one customer from that customer's summary (frequency {@code x}, recency {@code t_x}, age {@code T}, all in the
 * summary's time unit). Implementations are immutable and thread-safe; every method is allocation-free and
 * returns a finite number for every valid input.
 */
public interface RepeatPurchaseModel {
    /**
     * Conditional expectation E[Y(t) | x, t_x, T]: expected purchases in the next {@code t} time units.
     *
     * @param t the horizon, at least 0
     * @param x repeat purchases in the calibration period, at least 0
     * @param tx time of the last purchase, 0 when {@code x = 0}, at most {@code T}
     * @param age time since the first purchase, {@code T}
     * @return the expected number of purchases, at least 0
     */
    double conditionalExpectedPurchases(double t, double x, double tx, double age);

    /**
     * P(alive | x, t_x, T): the probability that the customer has not dropped out.
     *
     * @param x repeat purchases, at least 0
     * @param tx time of the last purchase
     * @param age time since the first purchase, {@code T}
     * @return a probability in [0, 1]
     */
    double probabilityAlive(double x, double tx, double age);

    /**
     * Unconditional E[X(t)]: expected purchases of a randomly chosen new customer in {@code t} time units.
     *
     * @param t the duration, at least 0
     * @return the expectation
     */
    double expectedPurchases(double t);

    /** @return the model's log-likelihood on the data it was fitted to, or {@code NaN} for fixed parameters */
    double logLikelihood();

    /**
     * Scores every customer of a summary table: P(alive) and the conditional expectation over {@code horizon}
     * into the caller's arrays (row {@code i} of the summaries to index {@code i}). O(n); implementations may
     * share work between customers with the same frequency and T. Deterministic and single-threaded.
     *
     * @param summaries the customers
     * @param horizon the horizon of the expectation, at least 0
     * @param probabilityAlive receives P(alive); at least {@code summaries.size()} long
     * @param expectedPurchases receives E[Y(horizon) | x, t_x, T]; at least {@code summaries.size()} long
     * @throws IllegalArgumentException if an array is too short
     */
    default void score(
            CustomerSummaries summaries, double horizon, double[] probabilityAlive, double[] expectedPurchases) {
        int n = summaries.size();
        if (probabilityAlive.length < n || expectedPurchases.length < n) {
            throw new IllegalArgumentException("the output arrays must hold " + n + " values");
        }
        InputChecks.horizon("t", horizon);
        for (int i = 0; i < n; i++) {
            double x = summaries.frequency(i);
            double tx = summaries.recency(i);
            double age = summaries.age(i);
            probabilityAlive[i] = probabilityAlive(x, tx, age);
            expectedPurchases[i] = conditionalExpectedPurchases(horizon, x, tx, age);
        }
    }
}
