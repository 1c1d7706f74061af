#!/usr/bin/env bash
# The Pi envelope: each kind run from the release tree on ONE core with the installed unit's JVM options.
# Prints: release and per-kind bundle sizes; start -> retained online state (median of N, with and without the
# class-data archive, next to `java -version` on the same core; plain CoAP); idle RSS and CPU of the three kinds over
# IDLE seconds, with CoAP over DTLS as installed, and the MQTT connections they lost meanwhile (none expected);
# press -> first printer byte p50/p99 next to one plain SQLite commit on that core.
# Usage: bench/pi-envelope.sh [idle-seconds (default 180)] [starts (default 5)]
# Needs mosquitto, mosquitto_sub, unzip, taskset; run ./motcua build first (it builds nothing itself but the bench module).
set -euo pipefail
cd "$(dirname "$0")/.."
IDLE=${1:-180}
STARTS=${2:-5}
CORE=0     # the device's core
OTHER=1    # broker and measuring tools, so they do not steal the device's core
RELEASE=provisioning/target/release
[[ -f $RELEASE/device-ticket-printer.jar ]] || { echo "build first: ./motcua build" >&2; exit 1; }

# the unit's options, from the one place motcua-setup takes them
FOOTPRINT=$(sed -n "s/^readonly FOOTPRINT_OPTIONS='\(.*\)'$/\1/p" provisioning/motcua-setup)
[[ -n $FOOTPRINT ]] || { echo "no FOOTPRINT_OPTIONS in provisioning/motcua-setup" >&2; exit 1; }
heap() { if [[ $1 == kiosk ]]; then echo 192m; else echo 96m; fi; }
unit_opts() { echo "-Xmx$(heap "$1") -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError $FOOTPRINT -XX:ActiveProcessorCount=1"; }

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
cp -r "$RELEASE" "$work/release"   # a copy: a build during the run must not swap classes under the JVMs
R=$work/release

ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "# Pi envelope, $(date -u +%Y-%m-%dT%H:%MZ), $(uname -m), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -n 1); device core $CORE; unit options: $(unit_opts ticket-printer)"

# ---------------------------------------------------------------- sizes
kb() { echo $(( ($(stat -c %s "$1") + 1023) / 1024 )); }
bundle=$(ls provisioning/target/motcua-*.tar.xz)
echo "release_tarball_kb=$(kb "$bundle") ($(basename "$bundle"), all kinds, motcua-ctl, setup; goal <= 12288)"
for kind in ticket-printer rating-pad kiosk; do
  # one kind's set: its jar and the libraries its manifest names (what an update bundle for that kind carries)
  cp=$(unzip -p "$R/device-$kind.jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n '/^Class-Path:/,/^[^ ]/p' |
    sed -e 's/^Class-Path: //' -e 's/^ //' -e '/^[A-Z][A-Za-z-]*:/d' | tr -d '\n')
  # shellcheck disable=SC2086
  (cd "$R" && tar cJf "$work/$kind.tar.xz" "device-$kind.jar" $cp)
  echo "bundle_kb kind=$kind $(kb "$work/$kind.tar.xz") (tar.xz of its jar and $(wc -w <<<"$cp") libraries; goal <= 8192)"
done

# ---------------------------------------------------------------- broker
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$port" >"$work/m.conf"
taskset -c $OTHER mosquitto -c "$work/m.conf" >/dev/null 2>&1 &
pids+=($!)
sleep 0.5

printf 'benchbenchbenchbenchbenchbench01\n' >"$work/psk"
chmod 600 "$work/psk"
# COAP=plain (start -> online, as in every run before 2026-12-03) or dtls (the idle figures: a device as motcua-setup
# installs it, CoAP over DTLS with a pre-shared key; plain CoAP is allowed only on loopback)
COAP=plain
identity() { # kind id
  local coap='{"port":0,"bind":"127.0.0.1","secure":false}'
  [[ $COAP == dtls ]] && coap='{"port":0,"bind":"127.0.0.1","secure":true,"pskIdentity":"bench","pskFile":"'"$work/psk"'"}'
  printf '{"deviceId":"%s","kind":"%s","office":"bench/pi",%s"mqtt":{"uri":"tcp://127.0.0.1:%s"},"coap":%s,"hardware":{"profile":"sim"}}\n' \
    "$2" "$1" "$([[ $1 == rating-pad ]] && echo '"counter":1,')" "$port" "$coap" >"$work/$2.json"
  echo "$work/$2.json"
}

# starts kind $1 as device $2 with extra JVM options $3..; sets DEV_PID and ONLINE_MS (start -> retained online state)
start_device() {
  local kind=$1 id=$2 t0 sub
  shift 2
  taskset -c $OTHER mosquitto_sub -p "$port" -t "motcua/v1/bench/pi/$id/state" -C 1 -W 120 >"$work/$id.state" &
  sub=$!
  sleep 0.3
  t0=$(ms)
  # shellcheck disable=SC2046
  taskset -c $CORE java $(unit_opts "$kind") "$@" -Djava.io.tmpdir="$work" -jar "$R/device-$kind.jar" \
    --identity "$(identity "$kind" "$id")" --state-dir "$work/$id" >"$work/$id.log" 2>&1 &
  DEV_PID=$!
  pids+=("$DEV_PID")
  wait "$sub" || { echo "$id never came online; its log: $work/$id.log" >&2; tail -5 "$work/$id.log" >&2; exit 1; }
  ONLINE_MS=$(( $(ms) - t0 ))
  grep -q '"online"' "$work/$id.state" || { echo "$id: first state was not online: $(cat "$work/$id.state")" >&2; exit 1; }
}
stop_device() { kill -TERM "$1"; wait "$1" || { echo "device exited $? on SIGTERM" >&2; exit 1; }; }
# the training start the launcher (motcua-run) makes: kind $1 as device $2, its classes archived at exit to $3
train_archive() { start_device "$1" "$2" -XX:ArchiveClassesAtExit="$3"; stop_device "$DEV_PID"; }

# ---------------------------------------------------------------- start -> online
for ((i = 0; i < STARTS; i++)); do
  t0=$(ms); taskset -c $CORE java -XX:ActiveProcessorCount=1 -version 2>/dev/null; echo $(( $(ms) - t0 ))
done | median >"$work/version.ms"
version_ms=$(cat "$work/version.ms")
echo "java_version_ms=$version_ms (median of $STARTS, core $CORE)"
n=0
for kind in ticket-printer rating-pad kiosk; do
  jsa=$work/device-$kind.jsa
  train_archive "$kind" "train-$kind" "$jsa"
  for mode in without with; do
    cds=(); [[ $mode == with ]] && cds=(-XX:SharedArchiveFile="$jsa" -Xshare:auto)
    for ((i = 0; i < STARTS; i++)); do
      n=$((n + 1))
      start_device "$kind" "start-$n" "${cds[@]}"
      echo "$ONLINE_MS" >>"$work/$kind-$mode.ms"
      stop_device "$DEV_PID"
    done
    m=$(median <"$work/$kind-$mode.ms")
    echo "start_to_online_ms kind=$kind cds=$mode median=$m runs=[$(paste -sd, "$work/$kind-$mode.ms")] ratio_to_java_version=$(awk -v a="$m" -v b="$version_ms" 'BEGIN {printf "%.1f", a / b}') (goal <= 8)"
  done
done

# ---------------------------------------------------------------- idle
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }
declare -A pid_of c0 max
COAP=dtls
for kind in ticket-printer rating-pad kiosk; do
  # the archive of a DTLS start, as the launcher makes it with the device's own identity
  train_archive "$kind" "train-dtls-$kind" "$work/device-$kind-dtls.jsa"
done
for kind in ticket-printer rating-pad kiosk; do
  start_device "$kind" "idle-$kind" -XX:SharedArchiveFile="$work/device-$kind-dtls.jsa" -Xshare:auto
  pid_of[$kind]=$DEV_PID
done
sleep 10   # start-up settles: the runtime's one start-up collection runs 5 s after start
t0=$(date +%s)
for kind in "${!pid_of[@]}"; do c0[$kind]=$(cpu "${pid_of[$kind]}"); max[$kind]=0; done
while (( $(date +%s) - t0 < IDLE )); do
  for kind in "${!pid_of[@]}"; do r=$(rss "${pid_of[$kind]}"); (( r > max[$kind] )) && max[$kind]=$r; done
  sleep 5
done
elapsed=$(( $(date +%s) - t0 ))
for kind in ticket-printer rating-pad kiosk; do
  p=${pid_of[$kind]}
  # an idle device keeps its MQTT connection: a reconnect here means its keep-alive pings did not go out
  echo "idle kind=$kind coap=dtls seconds=$elapsed rss_max_mb=${max[$kind]} rss_end_mb=$(rss "$p") cpu_percent_of_one_core=$(awk -v a="$(cpu "$p")" -v b="${c0[$kind]}" -v t="$ticks" -v e="$elapsed" 'BEGIN {printf "%.2f", 100 * (a - b) / t / e}') mqtt_connections_lost=$(grep -c 'MQTT connection lost' "$work/idle-$kind.log" || true) (goals: <= 64 MB, <= 0.5 %, 0 lost)"
done
for kind in "${!pid_of[@]}"; do stop_device "${pid_of[$kind]}"; done

# ---------------------------------------------------------------- press -> print
mvn -B -q -o -DskipTests package -pl bench -am >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p "$work/press"
for jit in "unit options (C1 only)" "default tiered JIT"; do
  opts=$(unit_opts ticket-printer)
  [[ $jit == default* ]] && opts=${opts/-XX:TieredStopAtLevel=1/}
  echo "# press -> first byte, $jit"
  # shellcheck disable=SC2086
  taskset -c $CORE java $opts -Djava.io.tmpdir="$work" -cp "$CP" vn.motcua.bench.PressToPrintBench 3000 "$work/press"
done
