#!/usr/bin/env bash
# Reproduces the market-basket section of docs/BENCHMARKS.md: FP-growth association rules on 1,000,000 synthetic
# order lines over 5,000 products (Zipf popularity, planted co-purchases) at support 0.001, then the same at 0.0001
# (a heavier load: ten times more itemsets). Output: crm-bench/target/basket-results/ (logs).
# Options are passed on to both runs (e.g. --runs 3). SKIP_BUILD=1 skips the Maven build; XMX sets the heap
# (default 128m). Takes about a minute on 2 cores; run it on a quiet machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/crm-bench/target/basket-results"
cd "$root"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -ntp -q -DskipTests -Djacoco.skip=true package -pl crm-bench -am
fi
mkdir -p "$out"
bench=(java "-Xmx${XMX:-128m}" -cp crm-bench/target/crm-bench.jar dev.guanxi.crm.bench.BasketBenchmark)
"${bench[@]}" --lines 1000000 --products 5000 --min-support 0.001 --warmup 2 --runs 5 "$@" | tee "$out/support-0.001.log"
"${bench[@]}" --lines 1000000 --products 5000 --min-support 0.0001 --warmup 2 --runs 5 "$@" | tee "$out/support-0.0001.log"
