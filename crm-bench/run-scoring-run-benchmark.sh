#!/usr/bin/env bash
# Reproduces the "Scoring run (lifecycle)" section of docs/BENCHMARKS.md: the full scoring run (standard rules with
# the lifecycle, BG/NBD + Gamma-Gamma) through the storage path, run 1 (first placement, models fitted) and run 2
# (30 days later, models reused) and run 3 (run 2 again, nothing changed), on the in-memory store at 1,000,000
# customers / 10,000,000 purchases, and on an H2 file and an embedded PostgreSQL at smaller sizes. Output: crm-bench/target/scoring-run-results/ (one log per
# store; each ends with a markdown table of both runs).
#
# Environment:
#   STORES        which stores (default: memory,h2file,postgresql)
#   CUSTOMERS / PURCHASES          memory size (default 1000000 / 10000000)
#   PG_CUSTOMERS / PG_PURCHASES    PostgreSQL size (default 100000 / 1000000)
#   H2_CUSTOMERS / H2_PURCHASES    H2 size (default 100000 / 1000000, as PostgreSQL; the first measurement used
#                                  20000 / 200000 while marking events delivered was still quadratic on H2)
#   XMX / DB_XMX  heaps (default 16g for memory, 4g for the databases)
#   JFR=1         also record a JFR profile per store and print its hotspots (crm-bench/python/jfr_hotspots.py)
#   SKIP_BUILD=1  skip the Maven build
# Extra arguments go to every run (e.g. --run2-models refit, --batch 5000, --breakdown false).
# The memory run needs about 8 GB of heap (16 GB is the default) and takes about 6 minutes on 2 cores (a minute of
# loading, three runs of 7-30 s, the breakdown); PostgreSQL and H2 about 3-5 minutes each at their defaults. Run it
# on a quiet machine: the logs print the load average at every step.
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
    heap="${XMX:-16g}"; size=(--customers "${CUSTOMERS:-1000000}" --purchases "${PURCHASES:-10000000}")
  elif [ "$store" = h2file ]; then
    heap="${DB_XMX:-4g}"; size=(--customers "${H2_CUSTOMERS:-100000}" --purchases "${H2_PURCHASES:-1000000}")
  else
    heap="${DB_XMX:-4g}"; size=(--customers "${PG_CUSTOMERS:-100000}" --purchases "${PG_PURCHASES:-1000000}")
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
