#!/usr/bin/env bash
# Idle runtime figures: time from process start to the retained online state, RSS and CPU while idle.
# Usage: bench/idle-runtime.sh [idle-seconds]   (needs mosquitto, mosquitto_sub; builds nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
IDLE=${1:-60}
BUILT=device-ticket-printer/target/device-ticket-printer.jar
[[ -f $BUILT ]] || { echo "build first: ./motcua build" >&2; exit 1; }
work=$(mktemp -d); chmod 777 "$work"
JAR=$work/device-ticket-printer.jar   # a copy with its lib/: a build during the run must not swap classes under the JVM
cp "$BUILT" "$JAR"
cp -r "${BUILT%/*}/lib" "$work/lib"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$port" > "$work/m.conf"
mosquitto -c "$work/m.conf" >/dev/null 2>&1 & mpid=$!
trap 'kill $mpid ${dpid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 0.5
cat > "$work/id.json" <<JSON
{"deviceId":"bench-idle","kind":"ticket-printer","office":"bench/idle","mqtt":{"uri":"tcp://127.0.0.1:$port"},
 "coap":{"port":0,"bind":"127.0.0.1","secure":false},"hardware":{"profile":"sim"}}
JSON
start=$(date +%s%N)
# JAVA_OPTS: the JVM options to measure (default -Xmx64m; installed devices run -Xmx96m -XX:+UseG1GC, see provisioning)
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx64m} -Djava.io.tmpdir="$work" -jar "$JAR" \
  --identity "$work/id.json" --state-dir "$work/state" >"$work/device.log" 2>&1 & dpid=$!
mosquitto_sub -p "$port" -t 'motcua/v1/bench/idle/bench-idle/state' -C 1 >/dev/null
online=$(date +%s%N)
echo "start_to_online_ms=$(( (online - start) / 1000000 ))"
sleep 5
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$dpid/stat"; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$dpid/status"; }
c0=$(cpu); t0=$(date +%s); max_kb=0
while (( $(date +%s) - t0 < IDLE )); do
  kb=$(rss); (( kb > max_kb )) && max_kb=$kb
  sleep 5
done
c1=$(cpu); elapsed=$(( $(date +%s) - t0 ))
rss_kb=$(rss); (( rss_kb > max_kb )) && max_kb=$rss_kb
echo "rss_mb=$(( rss_kb / 1024 )) (at the end) rss_max_mb=$(( max_kb / 1024 )) (sampled every 5 s from 5 s after online)"
echo "idle_cpu_percent_of_one_core=$(python3 -c "print(round(100*($c1-$c0)/$ticks/$elapsed, 3))")"
kill -TERM $dpid; wait $dpid; echo "exit_on_sigterm=$?"
