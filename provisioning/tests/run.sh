#!/usr/bin/env bash
# Tests for provisioning/motcua-setup: every case runs the script against a fresh staging root (--root).
# Usage: provisioning/tests/run.sh [name-filter]   (ends with "N passed, M failed"; exit 1 if any failed)
set -uo pipefail

TESTS_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
SETUP=$(cd -- "$TESTS_DIR/.." && pwd)/motcua-setup
FILTER=${1:-}
SCRATCH=$(mktemp -d)
trap 'rm -rf -- "$SCRATCH"' EXIT

# The real device jars: motcua-setup asks the jar to validate the identity before it writes anything.
JARS=$SCRATCH/jars
mkdir -p "$JARS"
# a release tree as the build makes it: the real jar per kind (motcua-setup asks it to validate the identity before it
# writes anything) and the libraries their manifests name, each once, in lib/
mkdir -p "$JARS/lib"
for kind in ticket-printer rating-pad kiosk; do
  target=$(cd -- "$TESTS_DIR/../.." && pwd)/device-$kind/target
  if [[ ! -f $target/device-$kind.jar || ! -d $target/lib ]]; then
    printf 'FAIL: %s/device-%s.jar and its lib/ are not built; build the device jars first (./motcua build)
0 passed, 1 failed
' "$target" "$kind"
    exit 1
  fi
  cp -- "$target/device-$kind.jar" "$JARS/device-$kind.jar"
  cp -n -- "$target"/lib/*.jar "$JARS/lib/"
done

PASSED=0
FAILED=0
SKIPPED=0
FAILED_NAMES=()

# ---------------------------------------------------------------- helpers (used inside a case's subshell)

fail() {
  printf '    FAIL: %s\n' "$*"
  exit 1
}

skip() {
  printf '    SKIP: %s\n' "$*"
  exit 77
}

new_root() { mktemp -d -- "$SCRATCH/root.XXXXXX"; }

# Runs motcua-setup; stdout -> $OUT, stderr -> $ERR, exit status -> $STATUS.
setup() {
  OUT=$SCRATCH/out.$BASHPID ERR=$SCRATCH/err.$BASHPID
  STATUS=0
  "$SETUP" "$@" >"$OUT" 2>"$ERR" || STATUS=$?
}

printer_args() { echo --kind ticket-printer --device-id tp-dinh-cong-01 --office hoang-mai/dinh-cong --broker tcp://10.0.0.5:1883; }
pad_args() { echo --kind rating-pad --device-id rp-dinh-cong-03 --office hoang-mai/dinh-cong --broker ssl://mqtt.hoangmai.gov.vn:8883 --counter 3; }
kiosk_args() { echo --kind kiosk --device-id ks-dinh-cong-01 --office hoang-mai/dinh-cong --broker tcp://10.0.0.5:1883 --scanner /dev/ttyACM0; }

install_printer() {
  local root=$1
  shift
  # shellcheck disable=SC2046
  setup $(printer_args) --root "$root" --jar-dir "$JARS" "$@"
  [[ $STATUS -eq 0 ]] || fail "install exited $STATUS: $(cat "$ERR")"
}

expect_status() {
  [[ $STATUS -eq $1 ]] || fail "expected exit $1, got $STATUS; stderr: $(cat "$ERR")"
}

expect_file() { [[ -f $1 ]] || fail "missing file ${1#"$ROOT_UNDER_TEST"}"; }
expect_no_path() { [[ ! -e $1 && ! -L $1 ]] || fail "${1#"$ROOT_UNDER_TEST"} should not exist"; }
expect_mode() {
  local mode
  mode=$(stat -c %a -- "$1")
  [[ $mode == "$2" ]] || fail "${1#"$ROOT_UNDER_TEST"} has mode $mode, expected $2"
}
expect_contains() {
  grep -qF -- "$2" "$1" || fail "$(basename -- "$1") lacks: $2"
}
expect_not_contains() {
  ! grep -qF -- "$2" "$1" || fail "$(basename -- "$1") must not contain: $2"
}

# Prints the JSON value at a jq-style path (.a.b) using jq or python3.
json_value() {
  local file=$1 path=$2
  if command -v jq >/dev/null; then
    jq -c "$path" "$file"
  elif command -v python3 >/dev/null; then
    python3 - "$file" "$path" <<'PY'
import json, sys
value = json.load(open(sys.argv[1], encoding="utf-8"))
for key in [k for k in sys.argv[2].split(".") if k]:
    value = value.get(key) if isinstance(value, dict) else None
print(json.dumps(value, separators=(",", ":"), ensure_ascii=False))
PY
  else
    skip "neither jq nor python3 is installed to read JSON"
  fi
}

expect_json() {
  local actual
  actual=$(json_value "$1" "$2")
  [[ $actual == "$3" ]] || fail "$2 is $actual, expected $3"
}

expect_valid_json() {
  if command -v jq >/dev/null; then
    jq -e . "$1" >/dev/null || fail "$1 is not valid JSON"
  elif command -v python3 >/dev/null; then
    python3 -m json.tool "$1" >/dev/null || fail "$1 is not valid JSON"
  else
    if ! grep -q '^{' "$1" || ! grep -q '^}' "$1"; then fail "$1 does not look like a JSON object"; fi
  fi
}

snapshot() { find "$1" -printf '%p %s %T@ %m %U:%G\n' | sort; }

# ---------------------------------------------------------------- cases

test_fresh_printer_install_writes_identity_per_spec() {
  local root
  root=$(new_root)
  install_printer "$root"
  local id=$root/etc/motcua/device.json
  expect_file "$id"
  expect_valid_json "$id"
  expect_json "$id" .deviceId '"tp-dinh-cong-01"'
  expect_json "$id" .kind '"ticket-printer"'
  expect_json "$id" .office '"hoang-mai/dinh-cong"'
  expect_json "$id" .counter 'null'
  expect_json "$id" .timezone '"Asia/Ho_Chi_Minh"'
  expect_json "$id" .mqtt '{"uri":"tcp://10.0.0.5:1883"}'
  expect_json "$id" .coap '{"port":5684,"bind":"0.0.0.0","secure":true,"pskIdentity":"tp-dinh-cong-01","pskFile":"/etc/motcua/psk"}'
  expect_json "$id" .hardware.profile '"pi"'
  expect_json "$id" .hardware.buttons '{"A":5,"B":6,"C":13,"D":19}'
  expect_json "$id" .hardware.leds '{"A":12,"B":16,"C":20,"D":21,"status":26}'
  expect_json "$id" .hardware.lcd '{"bus":1,"address":"0x27","columns":20,"rows":4}'
  expect_json "$id" .hardware.printer '{"transport":"serial:/dev/ttyUSB0?baud=115200","model":"xprinter-80"}'
  expect_mode "$id" 644
  expect_file "$root/opt/motcua/releases/0.1.0/device-ticket-printer.jar"
  cmp -s "$JARS/device-ticket-printer.jar" "$root/opt/motcua/releases/0.1.0/device-ticket-printer.jar" || fail "jar not copied"
  cmp -s "$JARS/lib/sqlite-jdbc-3.50.3.0.jar" "$root/opt/motcua/releases/0.1.0/lib/sqlite-jdbc-3.50.3.0.jar" || fail "lib not copied"
  [[ $(readlink "$root/opt/motcua/current") == releases/0.1.0 ]] || fail "current does not point at releases/0.1.0"
  expect_mode "$root/opt/motcua/bin/motcua-device" 755
  expect_contains "$root/opt/motcua/bin/motcua-device" "-jar /opt/motcua/current/device-ticket-printer.jar --identity /etc/motcua/device.json --state-dir /var/lib/motcua"
}

test_rating_pad_identity_has_counter_wiring_and_mqtt_login() {
  local root password_file
  root=$(new_root)
  password_file=$SCRATCH/mqtt-password.$BASHPID
  printf 'hunter2-mqtt\n' >"$password_file"
  # shellcheck disable=SC2046
  setup $(pad_args) --mqtt-username rp03 --mqtt-password-file "$password_file" --root "$root" --jar-dir "$JARS"
  expect_status 0
  local id=$root/etc/motcua/device.json
  expect_valid_json "$id"
  expect_json "$id" .counter 3
  expect_json "$id" .mqtt '{"uri":"ssl://mqtt.hoangmai.gov.vn:8883","username":"rp03","passwordFile":"/etc/motcua/mqtt-password"}'
  expect_json "$id" .hardware.buttons '{"very-satisfied":5,"satisfied":6,"unsatisfied":13,"reason-1":19,"reason-2":26,"reason-3":16,"reason-4":20}'
  expect_json "$id" .hardware.leds '{"very-satisfied":12,"satisfied":21,"unsatisfied":25}'
  expect_json "$id" .hardware.lcd '{"bus":1,"address":"0x27","columns":16,"rows":2}'
  expect_json "$id" .hardware.printer null
  expect_mode "$root/etc/motcua/mqtt-password" 600
  [[ $(cat "$root/etc/motcua/mqtt-password") == hunter2-mqtt ]] || fail "MQTT password not copied"
  expect_contains "$root/etc/motcua/launcher.conf" "-Xmx96m"
}

test_kiosk_install_adds_screen_autostart_and_scanner() {
  local root
  root=$(new_root)
  # shellcheck disable=SC2046
  setup $(kiosk_args) --root "$root" --jar-dir "$JARS"
  expect_status 0
  local id=$root/etc/motcua/device.json
  expect_valid_json "$id"
  expect_json "$id" .hardware '{"profile":"pi","scanner":{"port":"/dev/ttyACM0","baud":9600},"screen":{"httpPort":8090}}'
  local desktop=$root/etc/xdg/autostart/motcua-kiosk-screen.desktop launcher=$root/opt/motcua/bin/motcua-kiosk-screen
  expect_file "$desktop"
  expect_contains "$desktop" "Exec=/opt/motcua/bin/motcua-kiosk-screen"
  expect_mode "$launcher" 755
  expect_contains "$launcher" "--kiosk --noerrdialogs --disable-infobars --incognito"
  expect_contains "$launcher" "--check-for-update-interval=31536000"
  expect_contains "$launcher" "http://127.0.0.1:\$port/"
  expect_contains "$launcher" "while true"
  bash -n "$launcher" || fail "kiosk screen launcher has a syntax error"
  expect_contains "$root/etc/motcua/launcher.conf" "-Xmx192m"
  expect_contains "$root/etc/systemd/system/motcua.service" "SupplementaryGroups=gpio i2c dialout audio"
  expect_contains "$root/usr/lib/sysusers.d/motcua.conf" "m motcua audio"
  expect_not_contains "$root/usr/lib/sysusers.d/motcua.conf" "m motcua lp"
  expect_contains "$root/etc/systemd/system/motcua.service" "DeviceAllow=char-ttyAMA rw"
}

test_printer_lcd_and_tls_options_reach_the_identity() {
  local root ca=$SCRATCH/ca.$BASHPID.pem
  root=$(new_root)
  printf -- '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' >"$ca"
  setup --kind ticket-printer --device-id tp-02 --office ha-noi/hoang-mai/dinh-cong --broker ssl://mqtt.hoangmai.gov.vn:8883 \
    --printer usblp:/dev/usb/lp0 --printer-model=xprinter-58 --lcd-address 0x3F --timezone Asia/Bangkok \
    --mqtt-username tp02 --mqtt-ca-file "$ca" --root "$root" --jar-dir "$JARS"
  expect_status 0
  local id=$root/etc/motcua/device.json
  expect_valid_json "$id"
  expect_json "$id" .hardware.printer '{"transport":"usblp:/dev/usb/lp0","model":"xprinter-58"}'
  expect_json "$id" .hardware.lcd.address '"0x3f"'
  expect_json "$id" .timezone '"Asia/Bangkok"'
  expect_json "$id" .office '"ha-noi/hoang-mai/dinh-cong"'
  expect_json "$id" .mqtt '{"uri":"ssl://mqtt.hoangmai.gov.vn:8883","username":"tp02","caFile":"/etc/motcua/mqtt-ca.pem"}'
  cmp -s "$ca" "$root/etc/motcua/mqtt-ca.pem" || fail "CA certificate not copied"
  expect_mode "$root/etc/motcua/mqtt-ca.pem" 644
}

test_a_broker_list_is_written_as_uris_in_order() {
  local root ca=$SCRATCH/ca.$BASHPID.pem
  root=$(new_root)
  printf -- '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' >"$ca"
  setup --kind ticket-printer --device-id tp-03 --office hoang-mai/dinh-cong \
    --broker ssl://mq1.hoangmai.gov.vn:8883,ssl://mq2.hoangmai.gov.vn:8883,ssl://10.0.0.7:8883 \
    --mqtt-ca-file "$ca" --root "$root" --jar-dir "$JARS"
  expect_status 0
  local id=$root/etc/motcua/device.json
  expect_valid_json "$id"
  expect_json "$id" .mqtt '{"uris":["ssl://mq1.hoangmai.gov.vn:8883","ssl://mq2.hoangmai.gov.vn:8883","ssl://10.0.0.7:8883"],"caFile":"/etc/motcua/mqtt-ca.pem"}'
  root=$(new_root)
  setup --kind ticket-printer --device-id tp-03 --office hoang-mai/dinh-cong \
    --broker ssl://mq1.hoangmai.gov.vn:8883,tcp://10.0.0.7:1883 --mqtt-ca-file "$ca" --root "$root" --jar-dir "$JARS"
  expect_status 2
  expect_contains "$ERR" "--mqtt-ca-file"
}

test_client_certificate_is_copied_with_a_private_key() {
  local root cert=$SCRATCH/cert.$BASHPID.pem key=$SCRATCH/key.$BASHPID.pem sec1=$SCRATCH/sec1.$BASHPID.pem
  root=$(new_root)
  command -v openssl >/dev/null || skip "openssl is not installed"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=tp-02 \
    -keyout "$key" -out "$cert" 2>/dev/null || fail "openssl could not make a certificate"
  chmod 0644 "$key"
  # shellcheck disable=SC2046
  setup --kind ticket-printer --device-id tp-02 --office hoang-mai/dinh-cong --broker ssl://mqtt.hoangmai.gov.vn:8883 \
    --mqtt-cert "$cert" --mqtt-key "$key" --root "$root" --jar-dir "$JARS"
  expect_status 0
  local id=$root/etc/motcua/device.json
  expect_json "$id" .mqtt '{"uri":"ssl://mqtt.hoangmai.gov.vn:8883","certFile":"/etc/motcua/mqtt-cert.pem","keyFile":"/etc/motcua/mqtt-key.pem"}'
  cmp -s "$cert" "$root/etc/motcua/mqtt-cert.pem" || fail "client certificate not copied"
  cmp -s "$key" "$root/etc/motcua/mqtt-key.pem" || fail "client key not copied"
  expect_mode "$root/etc/motcua/mqtt-cert.pem" 644
  expect_mode "$root/etc/motcua/mqtt-key.pem" 600
  setup --kind ticket-printer --device-id tp-02 --office hoang-mai/dinh-cong --broker ssl://mqtt.hoangmai.gov.vn:8883 \
    --mqtt-cert "$cert" --root "$root" --jar-dir "$JARS" --dry-run
  expect_status 2
  expect_contains "$ERR" "--mqtt-key: missing"
  openssl pkey -in "$key" -traditional -out "$sec1" 2>/dev/null || fail "openssl could not convert the key"
  setup --kind ticket-printer --device-id tp-02 --office hoang-mai/dinh-cong --broker ssl://mqtt.hoangmai.gov.vn:8883 \
    --mqtt-cert "$cert" --mqtt-key "$sec1" --root "$root" --jar-dir "$JARS" --dry-run
  expect_status 2
  expect_contains "$ERR" "openssl pkcs8 -topk8 -nocrypt"
  setup --kind ticket-printer --device-id tp-02 --office hoang-mai/dinh-cong --broker tcp://10.0.0.5:1883 \
    --mqtt-cert "$cert" --mqtt-key "$key" --root "$root" --jar-dir "$JARS" --dry-run
  expect_status 2
  expect_contains "$ERR" "--mqtt-cert: only for an ssl:// broker"
}

test_relative_staging_root_is_used_and_slash_is_refused() {
  local parent
  parent=$(new_root)
  # shellcheck disable=SC2046
  (cd "$parent" && setup $(printer_args) --root stage --jar-dir "$JARS" && [[ $STATUS -eq 0 ]]) || fail "relative --root failed"
  expect_file "$parent/stage/etc/motcua/device.json"
  # shellcheck disable=SC2046
  setup $(printer_args) --root / --jar-dir "$JARS" --dry-run
  expect_status 2
  expect_contains "$ERR" "--root: / is this machine itself"
}

test_psk_is_private_and_32_base64url_characters() {
  local root
  root=$(new_root)
  install_printer "$root"
  local psk=$root/etc/motcua/psk
  expect_mode "$psk" 600
  [[ $(wc -l <"$psk") -eq 1 ]] || fail "psk file must hold one line"
  local key
  key=$(cat "$psk")
  [[ $key =~ ^[A-Za-z0-9_-]{32}$ ]] || fail "psk '$key' is not 32 base64url characters"
  local other
  other=$(new_root)
  install_printer "$other"
  [[ $(cat "$other/etc/motcua/psk") != "$key" ]] || fail "two installs produced the same PSK"
}

test_psk_is_printed_to_stdout_only_never_logged() {
  local root password_file
  root=$(new_root)
  password_file=$SCRATCH/mqtt-password.$BASHPID
  printf 'very-secret-mqtt-pw\n' >"$password_file"
  # shellcheck disable=SC2046
  setup $(pad_args) --mqtt-username rp03 --mqtt-password-file "$password_file" --root "$root" --jar-dir "$JARS"
  expect_status 0
  local key log=$root/var/log/motcua-setup.log
  key=$(cat "$root/etc/motcua/psk")
  expect_contains "$OUT" "PSK key (khóa bí mật):         $key"
  expect_contains "$OUT" "PSK identity:                  rp-dinh-cong-03"
  expect_contains "$OUT" "Device id (mã thiết bị):       rp-dinh-cong-03"
  expect_contains "$OUT" "Counter (quầy):                3"
  expect_contains "$OUT" "CoAP endpoint:                 coaps://"
  expect_file "$log"
  expect_contains "$log" "wrote /etc/motcua/psk"
  expect_not_contains "$log" "$key"
  expect_not_contains "$ERR" "$key"
  expect_not_contains "$log" very-secret-mqtt-pw
  expect_not_contains "$ERR" very-secret-mqtt-pw
  expect_not_contains "$OUT" very-secret-mqtt-pw
}

test_unit_is_hardened_and_runs_java_as_motcua() {
  local root
  root=$(new_root)
  install_printer "$root"
  local unit=$root/etc/systemd/system/motcua.service line
  expect_file "$unit"
  for line in User=motcua Group=motcua Restart=always RestartSec=3 NoNewPrivileges=yes ProtectSystem=strict \
    ProtectHome=yes ReadWritePaths=/var/lib/motcua PrivateTmp=yes ProtectKernelTunables=yes \
    ProtectControlGroups=yes RestrictSUIDSGID=yes LockPersonality=yes SystemCallArchitectures=native \
    KillSignal=SIGTERM TimeoutStopSec=20 DevicePolicy=closed "DeviceAllow=char-gpiochip rw" \
    "DeviceAllow=char-i2c rw" "DeviceAllow=char-ttyUSB rw" "DeviceAllow=char-usb rw" \
    "SupplementaryGroups=gpio i2c dialout lp" WantedBy=multi-user.target RestartPreventExitStatus=2 \
    StartLimitIntervalSec=600 StartLimitBurst=5 SystemCallFilter=@system-service SystemCallErrorNumber=EPERM \
    ProtectProc=invisible ProcSubset=pid Type=notify NotifyAccess=main WatchdogSec=30; do
    grep -qx -- "$line" "$unit" || fail "unit lacks the line $line"
  done
  grep -qx 'ExecStartPre=+/opt/motcua/bin/motcua-run --prepare' "$unit" || fail "unit lacks the launcher's root step"
  grep -qx 'ExecStart=/opt/motcua/bin/motcua-run' "$unit" || fail "unit ExecStart is not the launcher"
  local conf=$root/etc/motcua/launcher.conf
  grep -qx 'JAVA_OPTIONS=.*-Xmx96m .*-Djava.io.tmpdir=/var/lib/motcua/tmp .*' "$conf" ||
    fail "launcher.conf does not give the exec tmpdir and heap limit"
  grep -qx 'KIND=ticket-printer' "$conf" || fail "launcher.conf lacks KIND=ticket-printer"
  grep -qx 'JAVA=/usr/bin/java' "$conf" || fail "launcher.conf lacks JAVA=/usr/bin/java"
  ! grep -q '^MemoryDenyWriteExecute' "$unit" || fail "MemoryDenyWriteExecute breaks the JVM's JIT"
  ! grep -Eq '@[A-Z_]+@' "$unit" || fail "unit has a placeholder left: $(grep -E '@[A-Z_]+@' "$unit")"
  local link=$root/etc/systemd/system/multi-user.target.wants/motcua.service
  [[ -L $link && $(readlink -- "$link") == /etc/systemd/system/motcua.service ]] || fail "unit is not enabled by a wants symlink"
  if command -v systemd-analyze >/dev/null; then
    local verify
    # the launcher is installed under the staging root, not on this machine: that one complaint is expected
    if ! verify=$(systemd-analyze verify "$unit" 2>&1); then
      verify=$(grep -v 'Command /opt/motcua/bin/motcua-run is not executable' <<<"$verify")
      [[ -z $verify ]] || fail "systemd-analyze verify: $verify"
    fi
  fi
}

test_sysusers_and_tmpfiles_define_user_groups_and_state_dirs() {
  local root
  root=$(new_root)
  install_printer "$root"
  local sysusers=$root/usr/lib/sysusers.d/motcua.conf tmpfiles=$root/usr/lib/tmpfiles.d/motcua.conf
  expect_contains "$sysusers" 'u motcua - "Motcua device runtime" /var/lib/motcua /usr/sbin/nologin'
  expect_contains "$sysusers" "m motcua gpio"
  expect_contains "$sysusers" "m motcua dialout"
  expect_contains "$sysusers" "m motcua i2c"
  expect_contains "$sysusers" "m motcua lp"
  expect_not_contains "$sysusers" "@"
  expect_not_contains "$sysusers" "audio"
  expect_contains "$tmpfiles" "d /var/lib/motcua 0750 motcua motcua -"
  expect_contains "$tmpfiles" "d /var/lib/motcua/tmp 0700 motcua motcua -"
  expect_contains "$tmpfiles" "z /etc/motcua/psk 0600 motcua motcua -"
  expect_mode "$root/var/lib/motcua" 750
  expect_mode "$root/var/lib/motcua/tmp" 700
  if command -v systemd-sysusers >/dev/null; then
    local sysroot out
    sysroot=$(new_root)
    out=$(systemd-sysusers --dry-run --root="$sysroot" "$sysusers" 2>&1) || fail "systemd-sysusers rejects the file: $out"
    grep -q "Creating user 'motcua'" <<<"$out" || fail "systemd-sysusers would not create motcua: $out"
  fi
}

test_second_run_changes_no_file() {
  local root before after
  root=$(new_root)
  install_printer "$root"
  before=$(snapshot "$root")
  sleep 1
  install_printer "$root"
  after=$(snapshot "$root")
  [[ $before == "$after" ]] || fail "second run changed files: $(diff <(echo "$before") <(echo "$after"))"
  expect_contains "$ERR" "unchanged /etc/motcua/device.json"
  expect_contains "$ERR" "unchanged /etc/motcua/psk"
  expect_contains "$ERR" "unchanged /etc/systemd/system/motcua.service"
  expect_contains "$ERR" "nothing changed"
}

test_second_run_repairs_a_loosened_psk_mode() {
  local root key
  root=$(new_root)
  install_printer "$root"
  key=$(cat "$root/etc/motcua/psk")
  chmod 0644 "$root/etc/motcua/psk"
  install_printer "$root"
  expect_mode "$root/etc/motcua/psk" 600
  [[ $(cat "$root/etc/motcua/psk") == "$key" ]] || fail "the PSK changed"
  expect_contains "$ERR" "mode of /etc/motcua/psk set to 0600"
}

test_rotate_psk_replaces_only_the_key() {
  local root key
  root=$(new_root)
  install_printer "$root"
  key=$(cat "$root/etc/motcua/psk")
  install_printer "$root" --rotate-psk
  [[ $(cat "$root/etc/motcua/psk") != "$key" ]] || fail "--rotate-psk kept the old key"
  expect_mode "$root/etc/motcua/psk" 600
  expect_contains "$ERR" "updated /etc/motcua/psk"
  expect_contains "$ERR" "unchanged /etc/motcua/device.json"
}

test_different_identity_is_refused_unless_forced() {
  local root before key
  root=$(new_root)
  install_printer "$root"
  key=$(cat "$root/etc/motcua/psk")
  before=$(snapshot "$root")
  setup --kind ticket-printer --device-id tp-dinh-cong-01 --office hoang-mai/giap-bat --broker tcp://10.0.0.5:1883 \
    --root "$root" --jar-dir "$JARS"
  expect_status 1
  expect_contains "$ERR" "--force"
  [[ $(snapshot "$root") == "$before" ]] || fail "a refused run changed files"
  setup --kind ticket-printer --device-id tp-dinh-cong-01 --office hoang-mai/giap-bat --broker tcp://10.0.0.5:1883 \
    --root "$root" --jar-dir "$JARS" --force
  expect_status 0
  expect_json "$root/etc/motcua/device.json" .office '"hoang-mai/giap-bat"'
  [[ $(cat "$root/etc/motcua/psk") == "$key" ]] || fail "--force replaced the PSK"
}

test_release_tree_replaces_the_one_jar_layout_and_stale_libraries() {
  local root
  root=$(new_root)
  ROOT_UNDER_TEST=$root
  mkdir -p "$root/opt/motcua/lib" "$root/opt/motcua/releases/0.1.0/lib"
  printf 'old shaded jar\n' >"$root/opt/motcua/lib/device-ticket-printer.jar"
  printf 'a library this release no longer has\n' >"$root/opt/motcua/releases/0.1.0/lib/gone-1.0.jar"
  printf 'the class-data archive an earlier setup made here\n' >"$root/opt/motcua/releases/0.1.0/device-ticket-printer.jsa"
  install_printer "$root"
  expect_no_path "$root/opt/motcua/lib"
  expect_no_path "$root/opt/motcua/releases/0.1.0/lib/gone-1.0.jar"
  expect_no_path "$root/opt/motcua/releases/0.1.0/device-kiosk.jar"
  expect_no_path "$root/opt/motcua/releases/0.1.0/device-ticket-printer.jsa"
  expect_file "$root/opt/motcua/current/lib/common-0.1.0.jar"
  # the launcher names the class-data archive it made for this JVM and release; launcher.conf names none
  expect_not_contains "$root/etc/motcua/launcher.conf" "SharedArchiveFile"
  expect_contains "$ERR" "the class-data archive is made by the launcher at the device's first start"
}

test_changing_kind_with_force_removes_the_old_kinds_files() {
  local root
  root=$(new_root)
  # shellcheck disable=SC2046
  setup $(kiosk_args) --root "$root" --jar-dir "$JARS"
  expect_status 0
  # shellcheck disable=SC2046
  setup $(printer_args) --device-id ks-dinh-cong-01 --root "$root" --jar-dir "$JARS" --force
  expect_status 0
  ROOT_UNDER_TEST=$root
  expect_no_path "$root/opt/motcua/current/device-kiosk.jar"
  expect_no_path "$root/etc/xdg/autostart/motcua-kiosk-screen.desktop"
  expect_no_path "$root/opt/motcua/bin/motcua-kiosk-screen"
  expect_file "$root/opt/motcua/current/device-ticket-printer.jar"
}

test_dry_run_writes_nothing() {
  local root
  root=$(new_root)
  # shellcheck disable=SC2046
  setup $(kiosk_args) --root "$root" --jar-dir "$JARS" --dry-run
  expect_status 0
  [[ -z $(find "$root" -mindepth 1 -print -quit) ]] || fail "dry run wrote: $(find "$root" -mindepth 1)"
  expect_contains "$ERR" "would write /etc/motcua/device.json"
  expect_contains "$ERR" "would write /etc/motcua/psk"
  expect_contains "$ERR" "would write /etc/systemd/system/motcua.service"
  expect_contains "$ERR" "would link /etc/systemd/system/multi-user.target.wants/motcua.service"
  expect_contains "$OUT" "(generated by the real run)"
  local missing=$SCRATCH/not-yet-there.$BASHPID
  # shellcheck disable=SC2046
  setup $(printer_args) --root "$missing" --jar-dir "$JARS" --dry-run
  expect_status 0
  [[ ! -e $missing ]] || fail "dry run created the staging root"
}

test_dry_run_after_install_changes_nothing_and_shows_no_secret() {
  local root before
  root=$(new_root)
  install_printer "$root"
  before=$(snapshot "$root")
  install_printer "$root" --dry-run --rotate-psk
  [[ $(snapshot "$root") == "$before" ]] || fail "dry run changed files"
  expect_contains "$ERR" "would update /etc/motcua/psk"
  expect_not_contains "$OUT" "$(cat "$root/etc/motcua/psk")"
}

test_bad_arguments_exit_2_and_name_the_flag() {
  local base=(--kind ticket-printer --device-id tp-01 --office hoang-mai/dinh-cong --broker tcp://h:1883 --jar-dir "$JARS")
  local cases=(
    "--kind:--kind printer"
    "--device-id:--device-id TP-01"
    "--device-id:--device-id ab"
    "--device-id:--device-id -tp-01"
    "--office:--office Hoang-Mai"
    "--office:--office hoang-mai//dinh-cong"
    "--office:--office hoang-mai/"
    "--broker:--broker http://h:1883"
    "--broker:--broker tcp://h"
    "--broker:--broker tcp://h:70000"
    "--broker:--broker tcp://h:1883/x"
    "--broker:--broker tcp://a:1883,tcp://b"
    "--broker:--broker tcp://a:1883,,tcp://b:1883"
    "--broker:--broker tcp://a:1883,"
    "--broker:--broker tcp://a:1883,tcp://a:1883"
    "--counter:--counter 2"
    "--scanner:--scanner /dev/ttyACM0"
    "--timezone:--timezone Asia/Ho Chi Minh"
    "--lcd-address:--lcd-address 39"
    "--mqtt-password-file:--mqtt-password-file /etc/hostname"
    "--purge:--purge"
    "--jar-dir:--jar-dir /nonexistent-dir"
    "--frobnicate:--frobnicate"
  )
  local entry flag extra root
  root=$(new_root)
  for entry in "${cases[@]}"; do
    flag=${entry%%:*}
    read -r -a extra <<<"${entry#*:}"
    [[ $entry != *"Ho Chi Minh"* ]] || extra=(--timezone "Asia/Ho Chi Minh")
    setup "${base[@]}" "${extra[@]}" --root "$root"
    [[ $STATUS -eq 2 ]] || fail "${extra[*]}: expected exit 2, got $STATUS"
    [[ $(wc -l <"$ERR") -eq 1 ]] || fail "${extra[*]}: expected one line on stderr, got: $(cat "$ERR")"
    grep -qF -- "$flag" "$ERR" || fail "${extra[*]}: message does not name $flag: $(cat "$ERR")"
    grep -qF -- "--help" "$ERR" || fail "${extra[*]}: message has no hint to --help"
  done
  setup --device-id tp-01 --office a --broker tcp://h:1 --root "$root"
  expect_status 2
  expect_contains "$ERR" "--kind: missing"
  setup --kind kiosk --device-id tp-01 --office a --root "$root"
  expect_status 2
  expect_contains "$ERR" "--broker: missing"
  setup --kind kiosk --device-id tp-01 --broker tcp://h:1 --office
  expect_status 2
  expect_contains "$ERR" "--office: needs a value"
  [[ -z $(find "$root" -mindepth 1 -print -quit) ]] || fail "a run with bad arguments wrote files"
}

test_rating_pad_without_counter_fails() {
  local root
  root=$(new_root)
  setup --kind rating-pad --device-id rp-01 --office hoang-mai/dinh-cong --broker tcp://h:1883 --root "$root" --jar-dir "$JARS"
  expect_status 2
  expect_contains "$ERR" "--counter: missing"
  setup --kind rating-pad --device-id rp-01 --office hoang-mai/dinh-cong --broker tcp://h:1883 --counter 0 --root "$root" --jar-dir "$JARS"
  expect_status 2
  expect_contains "$ERR" "--counter"
  [[ -z $(find "$root" -mindepth 1 -print -quit) ]] || fail "a refused run wrote files"
}

test_missing_jar_fails_with_what_to_do() {
  local root empty
  root=$(new_root)
  empty=$(new_root)
  # shellcheck disable=SC2046
  setup $(printer_args) --root "$root" --jar-dir "$empty"
  expect_status 1
  expect_contains "$ERR" "no device-ticket-printer.jar found"
  expect_contains "$ERR" "--jar-dir"
}

# Puts recording fakes of every system command motcua-setup may run first on PATH.
install_fake_commands() {
  local dir=$1 record=$2 cmd
  mkdir -p "$dir"
  for cmd in systemctl apt-get apt-cache raspi-config systemd-sysusers systemd-tmpfiles useradd userdel \
    groupadd usermod runuser chroot chown; do
    printf '#!/bin/sh\necho "%s $*" >>"%s"\nexit 0\n' "$cmd" "$record" >"$dir/$cmd"
    chmod +x "$dir/$cmd"
  done
}

test_root_mode_runs_no_system_command() {
  local root fakes=$SCRATCH/fakes.$BASHPID record=$SCRATCH/record.$BASHPID
  root=$(new_root)
  install_fake_commands "$fakes" "$record"
  : >"$record"
  # shellcheck disable=SC2046
  PATH=$fakes:$PATH setup $(kiosk_args) --root "$root" --jar-dir "$JARS"
  expect_status 0
  PATH=$fakes:$PATH setup --uninstall --purge --root "$root"
  expect_status 0
  [[ ! -s $record ]] || fail "--root ran system commands: $(cat "$record")"
}

test_check_in_root_runs_the_runtime_check() {
  local root fakes=$SCRATCH/java.$BASHPID record=$SCRATCH/java-record.$BASHPID
  root=$(new_root)
  mkdir -p "$fakes"
  # shellcheck disable=SC2016
  printf '#!/bin/sh\ncase "$*" in *--validate-identity*) exit 0 ;; esac\necho "$*" >>"%s"\nexit "${FAKE_JAVA_EXIT:-0}"\n' "$record" >"$fakes/java"
  chmod +x "$fakes/java"
  FAKE_JAVA_EXIT=3 PATH=$fakes:$PATH install_printer "$root" --check-in-root
  grep -q -- "-jar $root/opt/motcua/current/device-ticket-printer.jar --identity $root/etc/motcua/device.json --state-dir $root/var/lib/motcua --check" "$record" ||
    fail "the runtime's --check was not run: $(cat "$record" 2>/dev/null)"
  expect_contains "$ERR" "hardware missing"
  : >"$record"
  install_printer "$root"
  [[ ! -s $record ]] || fail "--check ran without --check-in-root"
  expect_contains "$ERR" "--check skipped in a staging root"
  local other
  other=$(new_root)
  # shellcheck disable=SC2046
  FAKE_JAVA_EXIT=2 PATH=$fakes:$PATH setup $(printer_args) --root "$other" --jar-dir "$JARS" --check-in-root
  expect_status 1
  expect_contains "$ERR" "rejected /etc/motcua/device.json"
  ROOT_UNDER_TEST=$other
  expect_no_path "$other/etc/systemd/system/multi-user.target.wants/motcua.service"
}

test_uninstall_keeps_identity_secrets_and_state() {
  local root key
  root=$(new_root)
  ROOT_UNDER_TEST=$root
  install_printer "$root"
  key=$(cat "$root/etc/motcua/psk")
  printf 'state\n' >"$root/var/lib/motcua/motcua.db"
  mkdir -p "$root/var/lib/motcua/class-archive/0.1.0"
  printf 'archive\n' >"$root/var/lib/motcua/class-archive/0.1.0/device-ticket-printer-0123456789abcdef.jsa"
  setup --uninstall --root "$root"
  expect_status 0
  expect_no_path "$root/var/lib/motcua/class-archive"
  expect_no_path "$root/etc/systemd/system/motcua.service"
  expect_no_path "$root/etc/systemd/system/multi-user.target.wants/motcua.service"
  expect_no_path "$root/opt/motcua"
  expect_no_path "$root/usr/lib/sysusers.d/motcua.conf"
  expect_no_path "$root/usr/lib/tmpfiles.d/motcua.conf"
  expect_file "$root/etc/motcua/device.json"
  [[ $(cat "$root/etc/motcua/psk") == "$key" ]] || fail "uninstall changed the PSK"
  expect_file "$root/var/lib/motcua/motcua.db"
  expect_contains "$ERR" "--purge"
  install_printer "$root"
  [[ $(cat "$root/etc/motcua/psk") == "$key" ]] || fail "reinstall after uninstall replaced the PSK"
}

test_purge_removes_identity_secrets_and_state() {
  local root
  root=$(new_root)
  ROOT_UNDER_TEST=$root
  # shellcheck disable=SC2046
  setup $(kiosk_args) --root "$root" --jar-dir "$JARS"
  expect_status 0
  printf 'state\n' >"$root/var/lib/motcua/motcua.db"
  setup --uninstall --purge --root "$root"
  expect_status 0
  expect_no_path "$root/etc/motcua"
  expect_no_path "$root/var/lib/motcua"
  expect_no_path "$root/opt/motcua"
  expect_no_path "$root/etc/xdg/autostart/motcua-kiosk-screen.desktop"
  expect_no_path "$root/etc/systemd/system/motcua.service"
}

test_real_install_in_a_throwaway_overlay_of_this_machine() {
  [[ $EUID -eq 0 ]] || skip "needs root (runs a real install inside an overlay of this machine)"
  command -v unshare >/dev/null || skip "unshare (util-linux) is not installed"
  local overlay=$SCRATCH/overlay.$BASHPID status=0
  mkdir -p "$overlay"
  unshare -m --propagation private bash "$TESTS_DIR/real-mode.sh" outer "$overlay" "$(dirname -- "$SETUP")" "$JARS" || status=$?
  [[ $status -ne 77 ]] || skip "an overlay of / cannot be mounted here"
  [[ $status -eq 0 ]] || fail "the real install in the overlay failed (above)"
}

test_help_lists_every_flag() {
  setup --help
  expect_status 0
  local flag
  for flag in --kind --device-id --office --broker --counter --root --dry-run --jar-dir --uninstall --purge \
    --force --rotate-psk --check-in-root --mqtt-username --mqtt-password-file --printer --printer-model --scanner; do
    grep -qF -- "$flag" "$OUT" || fail "--help does not mention $flag"
  done
}

test_scripts_are_shellcheck_clean() {
  if ! command -v shellcheck >/dev/null; then
    if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
      apt-get install -y shellcheck >/dev/null 2>&1 || true
    fi
    command -v shellcheck >/dev/null || skip "shellcheck is not installed and could not be installed (apt-get install -y shellcheck)"
  fi
  local dir
  dir=$(dirname -- "$SETUP")
  shellcheck "$SETUP" "$dir/files/motcua-run" "$dir/files/motcua-kiosk-screen" "$dir"/tests/*.sh ||
    fail "shellcheck found problems (above)"
}

test_printer_and_model_the_runtime_refuses_exit_2_and_write_nothing() {
  local root entry flag extra
  local cases=(
    "--printer:hardware.printer.transport:--printer usb:/dev/usb/lp0"
    "--printer:hardware.printer.transport:--printer serial:/dev/ttyUSB0?baud=12"
    "--printer:hardware.printer.transport:--printer tcp:printer"
    "--printer-model:hardware.printer.model:--printer-model xprinter-99"
  )
  for entry in "${cases[@]}"; do
    root=$SCRATCH/never.$BASHPID
    flag=${entry%%:*}
    entry=${entry#*:}
    read -r -a extra <<<"${entry#*:}"
    # shellcheck disable=SC2046
    setup $(printer_args) "${extra[@]}" --root "$root" --jar-dir "$JARS"
    [[ $STATUS -eq 2 ]] || fail "${extra[*]}: expected exit 2, got $STATUS: $(cat "$ERR")"
    [[ $(grep -c -- "$flag: the runtime refuses it: /etc/motcua/device.json: field '${entry%%:*}'" "$ERR") -eq 1 ]] ||
      fail "${extra[*]}: no one line naming $flag and ${entry%%:*}: $(cat "$ERR")"
    [[ ! -e $root ]] || fail "${extra[*]}: the refused run created the staging root"
  done
  expect_contains "$ERR" "known: xprinter-58, xprinter-80"
  root=$(new_root)
  # shellcheck disable=SC2046
  setup $(printer_args) --printer tcp:192.168.1.50:9100 --printer-model epson-tm-t82 --root "$root" --jar-dir "$JARS"
  expect_status 0
  expect_contains "$ERR" "the runtime's jar accepts the identity"
}

test_root_refuses_symlinks_that_lead_out_of_the_root() {
  local root outside=$SCRATCH/host.$BASHPID
  mkdir -p "$outside/opt/motcua/lib" "$outside/etc"
  printf 'host file\n' >"$outside/opt/motcua/lib/keep.jar"
  root=$(new_root)
  ROOT_UNDER_TEST=$root
  install_printer "$root"
  rm -rf -- "$root/opt"
  ln -s -- "$outside/opt" "$root/opt"
  setup --uninstall --purge --root "$root"
  expect_status 1
  expect_contains "$ERR" "refusing to touch /opt/motcua"
  [[ -f $outside/opt/motcua/lib/keep.jar ]] || fail "--uninstall --purge deleted a file outside the staging root"
  local fresh
  fresh=$(new_root)
  ln -s -- "$outside/etc" "$fresh/etc"
  # shellcheck disable=SC2046
  setup $(printer_args) --root "$fresh" --jar-dir "$JARS"
  expect_status 1
  expect_contains "$ERR" "outside $fresh"
  [[ -z $(find "$outside/etc" -mindepth 1 -print -quit) ]] || fail "install wrote through a link out of the root: $(find "$outside/etc")"
}

test_launcher_update_record_and_key_are_installed_root_owned() {
  local root key_dir
  root=$(new_root)
  ROOT_UNDER_TEST=$root
  key_dir=$SCRATCH/key.$BASHPID
  mkdir -p "$key_dir"
  openssl genpkey -algorithm ed25519 -out "$key_dir/update-key.pem" 2>/dev/null || skip "openssl cannot make an Ed25519 key"
  openssl pkey -in "$key_dir/update-key.pem" -pubout -out "$key_dir/update-key.pub"
  install_printer "$root" --update-key "$key_dir/update-key.pub"
  expect_file "$root/opt/motcua/bin/motcua-run"
  expect_mode "$root/opt/motcua/bin/motcua-run" 755
  cmp -s "$root/opt/motcua/bin/motcua-run" "$TESTS_DIR/../files/motcua-run" || fail "motcua-run is not the launcher of files/"
  expect_mode "$root/etc/motcua/launcher.conf" 644
  expect_mode "$root/etc/motcua/update-key.pub" 644
  cmp -s "$root/etc/motcua/update-key.pub" "$key_dir/update-key.pub" || fail "update-key.pub is not the given key"
  local state=$root/opt/motcua/update.json version
  version=$(cat "$root/opt/motcua/current/VERSION")
  expect_valid_json "$state"
  expect_json "$state" .running "\"$version\""
  expect_json "$state" .trial null
  expect_mode "$state" 644
  [[ $(readlink "$root/opt/motcua/current") == "releases/$version" ]] || fail "current is not releases/$version"
  if [[ $EUID -eq 0 ]]; then
    [[ $(stat -c %U "$root/etc/motcua/update-key.pub") == root ]] || fail "update-key.pub is not root-owned"
  fi
}

test_update_key_must_be_a_public_key() {
  local root key_dir
  root=$(new_root)
  key_dir=$SCRATCH/key.$BASHPID
  mkdir -p "$key_dir"
  openssl genpkey -algorithm ed25519 -out "$key_dir/update-key.pem" 2>/dev/null || skip "openssl cannot make an Ed25519 key"
  # shellcheck disable=SC2046
  setup $(printer_args) --root "$root" --jar-dir "$JARS" --update-key "$key_dir/update-key.pem"
  expect_status 2
  expect_contains "$ERR" "--update-key"
  printf 'not a key\n' >"$key_dir/junk.pub"
  # shellcheck disable=SC2046
  setup $(printer_args) --root "$root" --jar-dir "$JARS" --update-key "$key_dir/junk.pub"
  expect_status 2
  expect_contains "$ERR" "holds no PEM public key"
  openssl genpkey -algorithm ec -pkeyopt ec_paramgen_curve:P-256 -out "$key_dir/ec.pem" 2>/dev/null
  openssl pkey -in "$key_dir/ec.pem" -pubout -out "$key_dir/ec.pub"
  # shellcheck disable=SC2046
  setup $(printer_args) --root "$root" --jar-dir "$JARS" --update-key "$key_dir/ec.pub"
  expect_status 2
  expect_contains "$ERR" "not an Ed25519 public key"
  [[ ! -e $root/etc/motcua/update-key.pub ]] || fail "a refused key was installed"
}

# A newer release tree of the same jars: what a technician installs in place with motcua-setup.
newer_release() {
  local dir=$SCRATCH/newer.$BASHPID
  mkdir -p "$dir/lib"
  cp -- "$JARS/device-ticket-printer.jar" "$dir/"
  cp -- "$JARS"/lib/*.jar "$dir/lib/"
  printf '%s\n' "$1" >"$dir/VERSION"
  echo "$dir"
}

test_setup_upgrades_in_place_and_the_update_record_follows() {
  local root newer
  root=$(new_root)
  ROOT_UNDER_TEST=$root
  install_printer "$root"
  newer=$(newer_release 9.9.0)
  # shellcheck disable=SC2046
  setup $(printer_args) --root "$root" --jar-dir "$newer"
  expect_status 0
  [[ $(readlink "$root/opt/motcua/current") == releases/9.9.0 ]] || fail "current is not releases/9.9.0"
  expect_json "$root/opt/motcua/update.json" .running '"9.9.0"'
  expect_file "$root/opt/motcua/releases/9.9.0/VERSION"
  expect_no_path "$root/opt/motcua/current.new"
}

test_setup_leaves_a_running_trial_to_the_launcher() {
  local root old state before
  root=$(new_root)
  ROOT_UNDER_TEST=$root
  install_printer "$root"
  old=$(cat "$root/opt/motcua/current/VERSION")
  state=$root/opt/motcua/update.json
  cp -a "$root/opt/motcua/releases/$old" "$root/opt/motcua/releases/9.9.0"
  printf '9.9.0\n' >"$root/opt/motcua/releases/9.9.0/VERSION"
  ln -sfn "releases/$old" "$root/opt/motcua/previous"
  ln -sfn releases/9.9.0 "$root/opt/motcua/current"
  cat >"$state" <<JSON
{
  "running" : "$old",
  "previous" : "$old",
  "trial" : {
    "version" : "9.9.0",
    "previous" : "$old",
    "starts" : 1,
    "since" : "2026-12-02T01:00:00Z"
  },
  "refused" : [ ],
  "last" : null
}
JSON
  before=$(cat "$state")
  install_printer "$root"
  [[ $(readlink "$root/opt/motcua/current") == releases/9.9.0 ]] || fail "setup switched current away from the trial"
  [[ $(cat "$state") == "$before" ]] || fail "setup changed update.json during a trial"
  expect_contains "$ERR" "an update is on trial"
}

# ---------------------------------------------------------------- the launcher's class-data archive

# A device staged by motcua-setup whose launcher.conf names a fake JDK, $FAKE/jdk/bin/java. A training start (with
# -XX:ArchiveClassesAtExit=F) appends to $FAKE/trainings, prints the runtime's online line and, stopped by SIGTERM, writes
# F; with $FAKE/fail-training it exits 1 at once. Any other start (the prepare step, the runtime) appends its arguments
# to $FAKE/starts. The launcher's stderr goes to $LAUNCHER_ERR.
FAKE='' LAUNCHER_ERR=''
launcher_device() {
  local root=$1 template=$SCRATCH/launcher-template
  FAKE=$SCRATCH/fake.$BASHPID LAUNCHER_ERR=$SCRATCH/launcher-err.$BASHPID
  # staged once, copied for each case (a staging install asks the real jar to validate the identity: seconds)
  if [[ ! -d $template ]]; then
    install_printer "$template.$BASHPID"
    mv -T "$template.$BASHPID" "$template"
  fi
  cp -a "$template/." "$root/"
  mkdir -p "$FAKE/jdk/bin" "$FAKE/jdk/lib/server"
  printf 'JAVA_VERSION="17.0.15"\n' >"$FAKE/jdk/release"
  printf 'the base archive\n' >"$FAKE/jdk/lib/server/classes.jsa"
  cat >"$FAKE/jdk/bin/java" <<'EOF'
#!/usr/bin/env bash
fake=$(cd -- "$(dirname -- "$0")/../.." && pwd)
for a in "$@"; do
  if [[ $a == -XX:ArchiveClassesAtExit=* ]]; then
    [[ ! -e $fake/fail-training ]] || { echo "training refused" >&2; exit 1; }
    echo training >>"$fake/trainings"
    trap 'seq 1 5000 >"${a#*=}"; exit 0' TERM
    echo "INFO [main] DeviceRuntime: ticket-printer cds-training running; MQTT tcp://127.0.0.1:9, config version 0"
    while :; do sleep 0.1; done
  fi
done
printf '%s\n' "$*" >>"$fake/starts"
EOF
  chmod 0755 "$FAKE/jdk/bin/java"
  sed -i "s|^JAVA=.*|JAVA=$FAKE/jdk/bin/java|" "$root/etc/motcua/launcher.conf"
}

# Runs the launcher as the loop of a device without systemd does: motcua-run --root R.
launch() {
  STATUS=0
  bash "$1/opt/motcua/bin/motcua-run" --root "$1" "${@:2}" 2>>"$LAUNCHER_ERR" || STATUS=$?
}

trainings() { if [[ -f $FAKE/trainings ]]; then wc -l <"$FAKE/trainings"; else echo 0; fi; }

# The archive the last start of the runtime was given (empty for none).
archive_of_last_start() {
  grep -- ' -jar ' "$FAKE/starts" | tail -n 1 | grep -o -- '-XX:SharedArchiveFile=[^ ]*' | sed 's/^[^=]*=//'
}

test_launcher_makes_the_class_archive_at_the_first_start_and_uses_it_after() {
  local root archive
  root=$(new_root)
  ROOT_UNDER_TEST=$root
  launcher_device "$root"
  launch "$root"
  expect_status 0
  [[ $(trainings) -eq 1 ]] || fail "$(trainings) training starts, expected 1: $(cat "$LAUNCHER_ERR")"
  archive=$(archive_of_last_start)
  [[ $archive =~ ^$root/var/lib/motcua/class-archive/0\.1\.0/device-ticket-printer-[0-9a-f]{16}\.jsa$ ]] ||
    fail "the runtime was not started with the new archive: $(tail -n 1 "$FAKE/starts")"
  expect_contains "$FAKE/starts" "-Xshare:auto -XX:ErrorFile=$root/var/lib/motcua/class-archive/hs_err_pid%p.log -jar"
  [[ $(cat "$archive.cksum") == "$(cksum <"$archive")" ]] || fail "no size and CRC recorded for $archive"
  expect_no_path "$archive.part"
  launch "$root"
  launch "$root" --class-archive
  expect_status 0
  [[ $(trainings) -eq 1 ]] || fail "a good archive was made again"
  [[ $(archive_of_last_start) == "$archive" ]] || fail "the second start did not use the archive"
  compgen -G "$root/var/lib/motcua/class-archive/training.*" >/dev/null && fail "a training directory was left behind"
  return 0
}

test_launcher_never_gives_a_truncated_or_damaged_archive_to_the_jvm() {
  local root archive size
  root=$(new_root)
  ROOT_UNDER_TEST=$root
  launcher_device "$root"
  launch "$root"
  archive=$(archive_of_last_start)
  size=$(stat -c %s "$archive")
  chmod u+w "$archive"
  truncate -s $((size / 2)) "$archive"
  launch "$root"
  expect_status 0
  expect_contains "$LAUNCHER_ERR" "truncated or damaged); removed"
  [[ $(trainings) -eq 2 ]] || fail "the truncated archive was not made again"
  [[ $(stat -c %s "$archive") -eq $size && $(archive_of_last_start) == "$archive" ]] || fail "the start did not use the remade archive"
  # the same size, other bytes
  chmod u+w "$archive"
  tr '0-9' 'a-j' <"$archive" >"$archive.x" && mv -f "$archive.x" "$archive"
  launch "$root"
  [[ $(trainings) -eq 3 && $(archive_of_last_start) == "$archive" ]] || fail "the damaged archive was not made again and used"
  # three training starts for this JVM and release: a fourth damage leaves the device without an archive
  truncate -s 10 "$archive"
  launch "$root"
  expect_status 0
  [[ $(trainings) -eq 3 ]] || fail "a fourth training start for the same JVM and release"
  [[ -z $(archive_of_last_start) ]] || fail "the runtime was given an archive: $(tail -n 1 "$FAKE/starts")"
  expect_no_path "$archive"
  expect_contains "$LAUNCHER_ERR" "3 training starts failed, none is tried again"
}

test_launcher_tries_a_failing_training_three_times_then_again_on_a_new_jdk() {
  local root n
  root=$(new_root)
  ROOT_UNDER_TEST=$root
  launcher_device "$root"
  touch "$FAKE/fail-training"
  for n in 1 2 3 4; do
    launch "$root"
    expect_status 0
    [[ -z $(archive_of_last_start) ]] || fail "start $n was given an archive"
  done
  [[ $(grep -c 'making the class-data archive' "$LAUNCHER_ERR") -eq 3 ]] || fail "not 3 training starts: $(cat "$LAUNCHER_ERR")"
  expect_contains "$LAUNCHER_ERR" "training refused"
  [[ $(grep -c -- ' -jar ' "$FAKE/starts") -eq 4 ]] || fail "the runtime was not started 4 times"
  # an apt upgrade of the JDK: another key, tried again, and the old key's files go
  rm -f "$FAKE/fail-training"
  printf 'JAVA_VERSION="17.0.16"\n' >"$FAKE/jdk/release"
  launch "$root"
  [[ -n $(archive_of_last_start) ]] || fail "no archive made for the new JDK: $(cat "$LAUNCHER_ERR")"
  [[ $(find "$root/var/lib/motcua/class-archive/0.1.0" -type f | wc -l) -eq 3 ]] ||
    fail "the old JDK's files were kept: $(ls "$root/var/lib/motcua/class-archive/0.1.0")"
}

test_launcher_drops_the_archive_after_an_early_jvm_crash_with_it() {
  local root archive
  root=$(new_root)
  ROOT_UNDER_TEST=$root
  launcher_device "$root"
  launch "$root"
  archive=$(archive_of_last_start)
  printf '# A fatal error has been detected by the Java Runtime Environment:\n#  SIGBUS (0x7)\n' \
    >"$root/var/lib/motcua/class-archive/hs_err_pid4242.log"
  launch "$root"
  expect_status 0
  expect_contains "$LAUNCHER_ERR" "the JVM crashed within 120 s of the last start with the class-data archive"
  expect_contains "$root/var/lib/motcua/class-archive/last-crash.log" "SIGBUS"
  expect_no_path "$root/var/lib/motcua/class-archive/hs_err_pid4242.log"
  [[ $(trainings) -eq 2 && $(archive_of_last_start) == "$archive" ]] || fail "the archive was not made again after the crash"
  # a crash long after the start is the runtime's, not the archive's: the archive stays
  printf 'a later crash\n' >"$root/var/lib/motcua/class-archive/hs_err_pid4343.log"
  touch -d '-1 hour' "$root/var/lib/motcua/class-archive/started"
  launch "$root"
  [[ $(trainings) -eq 2 && $(archive_of_last_start) == "$archive" ]] || fail "a late crash dropped the archive"
  expect_contains "$root/var/lib/motcua/class-archive/last-crash.log" "a later crash"
}

test_launcher_makes_no_archive_on_a_jdk_without_a_base_archive() {
  local root
  root=$(new_root)
  ROOT_UNDER_TEST=$root
  launcher_device "$root"
  rm "$FAKE/jdk/lib/server/classes.jsa"
  launch "$root"
  expect_status 0
  [[ $(trainings) -eq 0 && -z $(archive_of_last_start) ]] || fail "a training start without a base archive"
  expect_contains "$LAUNCHER_ERR" "has no base archive lib/<vm>/classes.jsa"
  [[ $(grep -c -- ' -jar ' "$FAKE/starts") -eq 1 ]] || fail "the runtime was not started"
}

test_launcher_removes_the_archives_of_releases_no_longer_installed() {
  local root
  root=$(new_root)
  ROOT_UNDER_TEST=$root
  launcher_device "$root"
  mkdir -p "$root/var/lib/motcua/class-archive/0.0.9"
  printf 'old\n' >"$root/var/lib/motcua/class-archive/0.0.9/device-ticket-printer-0123456789abcdef.jsa"
  launch "$root"
  expect_no_path "$root/var/lib/motcua/class-archive/0.0.9"
  [[ -n $(archive_of_last_start) ]] || fail "no archive for the installed release"
}

test_a_stop_during_the_training_start_ends_it_and_counts_as_a_clean_stop() {
  local root pid i
  root=$(new_root)
  ROOT_UNDER_TEST=$root
  launcher_device "$root"
  bash "$root/opt/motcua/bin/motcua-run" --root "$root" 2>>"$LAUNCHER_ERR" &
  pid=$!
  for ((i = 0; i < 300; i++)); do
    [[ $(trainings) -eq 0 ]] || break
    sleep 0.1
  done
  [[ $(trainings) -eq 1 ]] || fail "no training start: $(cat "$LAUNCHER_ERR")"
  kill -TERM "$pid"
  STATUS=0
  wait "$pid" || STATUS=$?
  expect_status 0
  [[ $(cat "$root/var/lib/motcua/update/clean-stop") == 0.1.0 ]] || fail "the stop was not recorded as clean"
  [[ ! -f $FAKE/starts ]] || ! grep -q -- ' -jar ' "$FAKE/starts" || fail "the runtime was started after the stop"
  compgen -G "$root/var/lib/motcua/class-archive/training.*" >/dev/null && fail "the training directory was left"
  compgen -G "$root/var/lib/motcua/class-archive/0.1.0/*.jsa*" >/dev/null && fail "an archive was left: $(ls "$root/var/lib/motcua/class-archive/0.1.0")"
  return 0
}

# ---------------------------------------------------------------- runner

mapfile -t CASES < <(declare -F | awk '{ print $3 }' | grep '^test_')
for case_name in "${CASES[@]}"; do
  [[ -z $FILTER || $case_name == *"$FILTER"* ]] || continue
  ROOT_UNDER_TEST=''
  output=$( (set +e; "$case_name") 2>&1)
  status=$?
  rm -rf -- "$SCRATCH"/root.* "$SCRATCH"/never.*
  if [[ $status -eq 0 ]]; then
    PASSED=$((PASSED + 1))
    printf 'ok    %s\n' "${case_name#test_}"
  elif [[ $status -eq 77 ]]; then
    SKIPPED=$((SKIPPED + 1))
    printf 'skip  %s\n%s\n' "${case_name#test_}" "$output"
  else
    FAILED=$((FAILED + 1))
    FAILED_NAMES+=("${case_name#test_}")
    printf 'FAIL  %s\n%s\n' "${case_name#test_}" "$output"
  fi
done

if [[ $SKIPPED -gt 0 ]]; then printf '%s skipped\n' "$SKIPPED"; fi
if [[ $FAILED -gt 0 ]]; then printf 'failed: %s\n' "${FAILED_NAMES[*]}"; fi
printf '%s passed, %s failed\n' "$PASSED" "$FAILED"
[[ $FAILED -eq 0 ]]
