#!/usr/bin/env bash
# Runs OutboxDrainBench alternately with another build of common (A, say main's common jar) and this tree's (B),
# one JVM and one broker per run, each run with its own plain Paho baseline; prints every run and the medians.
# Usage: bench/drain-ab.sh <common-jar-A> [rounds=5] [events=100000]   (after `mvn -o -q -DskipTests package -pl bench -am`)
set -euo pipefail
cd "$(dirname "$0")/.."
A=$(realpath "$1"); ROUNDS=${2:-5}; N=${3:-100000}
B=$(realpath common/target/common-0.1.0.jar)
BASE="bench/target/classes:$(cat bench/target/classpath.txt)"
tmp=bench/target/tmp; mkdir -p "$tmp"
out=bench/target/drain-ab-$(date -u +%Y%m%dT%H%M%SZ).txt
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(uname -m); A=$A B=$B; load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out"
one() {
    local cp=${BASE//$B/$2}
    java -Xmx512m -Djava.io.tmpdir="$tmp" -Dmotcua.test.tmp="$tmp" -cp "$cp" vn.motcua.bench.OutboxDrainBench "$N" 2>/dev/null \
        | grep -E "per_s|ratio|_cpu|threads_us" | sed "s/^/$1 round=$3 /" | tee -a "$out"
}
for r in $(seq 1 "$ROUNDS"); do
    if (( r % 2 )); then one A "$A" "$r"; one B "$B" "$r"; else one B "$B" "$r"; one A "$A" "$r"; fi
done
echo "# medians (min-max) over $ROUNDS rounds" | tee -a "$out"
for v in A B; do
    for k in plain_paho_qos1_per_s outbox_drain_per_s drain_ratio_vs_plain plain_paho_qos1_with_district_subscriber_per_s \
             outbox_drain_with_district_subscriber_per_s drain_ratio_vs_plain_with_district_subscriber; do
        grep "^$v round=[0-9]* $k=" "$out" | sed 's/.*=//' | sort -g | awk -v v="$v" -v k="$k" \
            '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%s %s median=%.3f min=%.3f max=%.3f\n", v, k, m, a[1], a[NR]}'
    done
done | tee -a "$out"
