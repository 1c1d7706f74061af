#!/usr/bin/env bash
# Runs the benchmarks and prints their figures (copy them into the README's Figures section).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package -pl bench -am
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
tmp=bench/target/tmp; mkdir -p "$tmp"
run() { java -Xmx512m -Djava.io.tmpdir="$tmp" -Dmotcua.test.tmp="$tmp" -cp "$CP" "$@"; }
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(uname -m)"
run vn.motcua.bench.EventAppendBench 5000 "$tmp"
run vn.motcua.bench.OutboxDrainBench 100000
run vn.motcua.bench.CoapPutBench
run vn.motcua.bench.PressToPrintBench 10000 "$tmp"
run vn.motcua.bench.ProcedureSearchBench 2000 1000
run vn.motcua.bench.HallDisplayLatencyBench 50
bench/idle-runtime.sh 60
