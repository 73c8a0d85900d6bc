#!/usr/bin/env bash
# Reproduces the "Scoring run (lifecycle)" section of docs/BENCHMARKS.md: the full scoring run (standard rules with
# the lifecycle, BG/NBD + Gamma-Gamma) through the storage path, run 1 (first placement, models fitted) and run 2
# (30 days later, models reused), on the in-memory store at 1,000,000 customers / 10,000,000 purchases, and on an
# H2 file and an embedded PostgreSQL at a smaller size. Output: crm-bench/target/scoring-run-results/ (one log per
# store; each ends with a markdown table of both runs).
#
# Environment:
#   STORES        which stores (default: memory,h2file,postgresql)
#   CUSTOMERS / PURCHASES          memory size (default 1000000 / 10000000)
#   DB_CUSTOMERS / DB_PURCHASES    H2 and PostgreSQL size (default 100000 / 1000000)
#   XMX / DB_XMX  heaps (default 14g for memory, 4g for the databases)
#   JFR=1         also record a JFR profile per store and print its hotspots (crm-bench/python/jfr_hotspots.py)
#   SKIP_BUILD=1  skip the Maven build
# Extra arguments go to every run (e.g. --run2-models refit, --batch 5000, --breakdown false).
# The memory run needs about 10 GB of heap and 5-10 minutes on 2 cores (mostly loading); each database run at the
# default size 10-20 minutes (loading 1,000,000 orders through insertAll). Run it on a quiet machine: the logs print
# the load average at every step.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/crm-bench/target/scoring-run-results"
cd "$root"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -ntp -q -DskipTests -Djacoco.skip=true package -pl crm-bench -am
fi
mkdir -p "$out"
{ uptime; nproc; grep -m1 "model name" /proc/cpuinfo || true; free -g | head -2; java -version 2>&1 | head -1; } \
  | tee "$out/machine.txt"
for store in $(echo "${STORES:-memory,h2file,postgresql}" | tr ',' ' '); do
  if [ "$store" = memory ]; then
    heap="${XMX:-14g}"; size=(--customers "${CUSTOMERS:-1000000}" --purchases "${PURCHASES:-10000000}")
  else
    heap="${DB_XMX:-4g}"; size=(--customers "${DB_CUSTOMERS:-100000}" --purchases "${DB_PURCHASES:-1000000}")
  fi
  jfr=()
  if [ "${JFR:-0}" = 1 ]; then
    jfr=(-XX:StartFlightRecording=filename="$out/$store.jfr",settings=profile -XX:FlightRecorderOptions=stackdepth=128)
  fi
  java "-Xmx$heap" ${jfr[@]+"${jfr[@]}"} -cp crm-bench/target/crm-bench.jar dev.guanxi.crm.bench.ScoringRunBenchmark \
    --store "$store" "${size[@]}" "$@" | tee "$out/$store.log"
  if [ "${JFR:-0}" = 1 ]; then
    python3 crm-bench/python/jfr_hotspots.py "$out/$store.jfr" --thread main --stack-depth 128 --top 30 \
      | tee "$out/$store-hotspots.txt"
  fi
done
