package dev.guanxi.crm.analytics;

/**
 * A plain harness (not a test): simulates n customers from the BG/NBD process at the CDNOW parameters (seed
 * 42, T uniform in [27, 39] weeks), then times, single-threaded, the fit (compression into patterns + BFGS) and
 * the scoring of every customer (P(alive) and E[Y(39)]). Run after {@code test-compile}:
 * {@code java -cp crm-core/target/classes:crm-core/target/test-classes:<hipparchus-core.jar>
 * dev.guanxi.crm.analytics.BgNbdFitBenchmark 1000000}. Reports the best of 5 rounds after 2 warm-up rounds.
 */
final class BgNbdFitBenchmark {
    private BgNbdFitBenchmark() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long s0 = System.nanoTime();
        CustomerSummaries s =
                BgNbdSimulator.simulate(BgNbdModel.of(0.243, 4.414, 0.793, 2.426), n, 27, 39, PeriodUnit.WEEKS, 42);
        System.out.printf("simulated %,d customers in %.3f s%n", n, (System.nanoTime() - s0) / 1e9);
        double bestFit = Double.MAX_VALUE;
        double bestScore = Double.MAX_VALUE;
        double checksum = 0;
        double[] alive = new double[n];
        double[] expected = new double[n];
        for (int round = 0; round < 7; round++) {
            long t0 = System.nanoTime();
            PurchasePatterns patterns = PurchasePatterns.of(s);
            ModelFit<BgNbdModel> fit = BgNbdModel.fit(patterns, FitOptions.defaults());
            long t1 = System.nanoTime();
            BgNbdModel m = fit.requireConverged();
            m.score(s, 39, alive, expected);
            double sum = 0;
            for (int i = 0; i < s.size(); i++) {
                sum += alive[i] + expected[i];
            }
            long t2 = System.nanoTime();
            checksum = sum;
            if (round >= 2) {
                bestFit = Math.min(bestFit, (t1 - t0) / 1e9);
                bestScore = Math.min(bestScore, (t2 - t1) / 1e9);
            }
            if (round == 0) {
                System.out.printf(
                        "patterns %,d, fit %s, iterations %d, evaluations %d%n",
                        patterns.size(), m, fit.iterations(), fit.evaluations());
                System.out.printf("log-likelihood %.10f%n", fit.logLikelihood());
            }
        }
        System.out.printf("fit %.3f s, score %.3f s (best of 5), checksum %.6f%n", bestFit, bestScore, checksum);
    }
}
