#!/usr/bin/env bash
# Reproduces docs/BENCHMARKS.md: builds crm-bench, runs the Java harness (100k and 1M customers, -Xmx200m) and the
# numpy/scipy reference on the same customers. Output: target/bench-results/ (logs, CSVs, fit JSON).
# Usage: crm-bench/run-benchmarks.sh [sizes...]   (default: 100000 1000000). Needs JDK 17+, Maven, python3 with
# numpy and scipy. Takes about 5 minutes on 2 cores; run it on a quiet machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/crm-bench/target/bench-results"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000)
cd "$root"
mvn -B -ntp -q -DskipTests -Djacoco.skip=true package -pl crm-bench -am
mkdir -p "$out"
for n in "${sizes[@]}"; do
  java -Xmx200m -jar crm-bench/target/crm-bench.jar --customers "$n" --warmup 3 --runs 5 \
    --export "$out/summary-$n.csv" --predictions "$out/java-predictions-$n.csv" --params "$out/java-fit-$n.json" \
    | tee "$out/java-$n.log"
  for jac in analytic numeric; do
    python3 crm-bench/python/bgnbd_reference.py "$out/summary-$n.csv" --runs 3 --jac "$jac" \
      --java-params "$out/java-fit-$n.json" --java-predictions "$out/java-predictions-$n.csv" \
      | tee "$out/python-$jac-$n.log"
  done
done
# 1M with recency in whole days (the resolution of a transaction log): the second column of the 1M table
java -Xmx200m -jar crm-bench/target/crm-bench.jar --customers 1000000 --warmup 3 --runs 5 --recency-days true \
  --export "$out/summary-days-1000000.csv" --predictions "$out/java-predictions-days-1000000.csv" \
  --params "$out/java-fit-days-1000000.json" | tee "$out/java-days-1000000.log"
python3 crm-bench/python/bgnbd_reference.py "$out/summary-days-1000000.csv" --runs 3 --jac analytic \
  --java-params "$out/java-fit-days-1000000.json" --java-predictions "$out/java-predictions-days-1000000.csv" \
  | tee "$out/python-analytic-days-1000000.log"
