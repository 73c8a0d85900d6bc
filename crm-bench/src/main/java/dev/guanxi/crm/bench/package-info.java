/**
 * Benchmarks of the Guanxi analytics, never deployed: the end-to-end BTYD harness {@link
 * dev.guanxi.crm.bench.BtydBenchmark} (simulate, compress, fit, score; timings and heap) and the JMH benchmarks
 * {@link dev.guanxi.crm.bench.BgNbdLikelihoodBenchmark} and {@link dev.guanxi.crm.bench.BgNbdScoringBenchmark}; and the storage benchmark {@link
 * dev.guanxi.crm.bench.StorageBenchmark} (crm-jdbc against hand-written plain JDBC on H2, PostgreSQL and MariaDB);
 * the customer-value harnesses {@link dev.guanxi.crm.bench.ScoringBenchmark} (grading, RFM, credit and loyalty over
 * a million customers) and {@link dev.guanxi.crm.bench.BasketBenchmark} (FP-growth on a million order lines); the
 * full scoring run with the lifecycle through the storage path, {@link dev.guanxi.crm.bench.ScoringRunBenchmark}
 * (in memory, on an H2 file or an embedded PostgreSQL), with its synthetic tenant {@link
 * dev.guanxi.crm.bench.ScoringRunData}.
 * How to run them and the measured numbers: docs/BENCHMARKS.md.
 */
package dev.guanxi.crm.bench;
