#!/usr/bin/env bash
# The fleet harness: N device uplinks in one JVM against one local Mosquitto, with a broker restart.
# Usage: bench/fleet.sh N [eventEverySeconds=5 steadySeconds=60 outageSeconds=10]
# Prints key=value figures; the devices' log goes to bench/target/tmp/fleet-N.log. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:?usage: bench/fleet.sh N [eventEverySeconds steadySeconds outageSeconds]}
shift
# each device holds a socket and its SQLite files (database, WAL, shared memory): about 5 descriptors, and Mosquitto
# (started from here, it inherits the limit) one per device
ulimit -n "$(ulimit -Hn)"
[[ ${FLEET_BUILD:-1} == 0 ]] || mvn -B -q -o -DskipTests package -pl bench -am
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
tmp=bench/target/tmp; mkdir -p "$tmp"
echo "# fleet N=$N, $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(uname -m), $(mosquitto -h | head -1), fd limit $(ulimit -n)"
# bounded: the harness gives up a phase after 4 minutes; the whole run after 20
timeout 20m java -Xmx1g -Xss512k -Djava.io.tmpdir="$tmp" -Dmotcua.test.tmp="$tmp" \
  -Dtinylog.writer1=file -Dtinylog.writer1.file="$tmp/fleet-$N.log" \
  -cp "$CP" vn.motcua.bench.fleet.FleetBench "$N" "$@"
