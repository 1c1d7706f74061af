#!/usr/bin/env bash
# A real (not --root) motcua-setup install, run as root inside a throw-away overlay of this machine.
# `real-mode.sh outer BASE PROVISIONING_DIR JAR_DIR` must run in a private mount namespace (unshare -m):
# it mounts an overlay of / under BASE and runs `real-mode.sh inner` chrooted there. systemctl,
# raspi-config, apt-get, apt-cache and java are faked; systemd-sysusers, systemd-tmpfiles and runuser are
# real and change only the overlay. Exit 0 passed, 1 failed, 77 not possible on this machine.
set -uo pipefail

T=/motcua-test

outer() {
  local base=$1 provisioning=$2 jars=$3
  mount -t tmpfs tmpfs "$base" 2>/dev/null || { echo "cannot mount a tmpfs (no mount namespace?)"; exit 77; }
  mkdir -p "$base/upper$T" "$base/work" "$base/merged"
  cp -r "$provisioning" "$base/upper$T/provisioning"
  cp -r "$jars" "$base/upper$T/jars"
  mount -t overlay overlay -o "lowerdir=/,upperdir=$base/upper,workdir=$base/work" "$base/merged" 2>/dev/null ||
    { echo "cannot mount an overlay of / here"; exit 77; }
  if ! mount --rbind /proc "$base/merged/proc" || ! mount --rbind /dev "$base/merged/dev"; then
    echo "cannot bind /proc and /dev"
    exit 77
  fi
  mount -t tmpfs tmpfs "$base/merged/run"
  chroot "$base/merged" /bin/bash "$T/provisioning/tests/real-mode.sh" inner
}

FAILURES=0
fail() {
  echo "FAIL: $*"
  FAILURES=$((FAILURES + 1))
}

make_fakes() {
  mkdir -p "$T/fakes" "$T/state"
  : >"$T/calls.log"
  chmod 0666 "$T/calls.log"
  echo 17 >"$T/state/java-version"
  cat >"$T/fakes/systemctl" <<EOF
#!/bin/sh
echo "systemctl \$*" >>$T/calls.log
case "\$*" in
  "enable --now motcua") touch $T/state/running ;;
  "stop motcua" | "disable --now motcua") rm -f $T/state/running ;;
  "is-active --quiet motcua" | "is-enabled --quiet motcua") test -e $T/state/running ;;
  "get-default") echo graphical.target ;;
esac
EOF
  cat >"$T/fakes/apt-cache" <<'EOF'
#!/bin/sh
printf '%s:\n  Installed: (none)\n  Candidate: (none)\n' "$2"
EOF
  cat >"$T/fakes/apt-get" <<EOF
#!/bin/sh
echo "apt-get \$*" >>$T/calls.log
echo 21 >$T/state/java-version
EOF
  for cmd in raspi-config useradd; do
    printf '#!/bin/sh\necho "%s $*" >>%s/calls.log\n' "$cmd" "$T" >"$T/fakes/$cmd"
  done
  # a JDK home as Debian's: /usr/bin/java links to bin/java in it, and lib/server/classes.jsa is its base archive
  rm -f /usr/bin/java
  mkdir -p /usr/lib/jvm/motcua-fake/bin /usr/lib/jvm/motcua-fake/lib/server
  echo "base archive" >/usr/lib/jvm/motcua-fake/lib/server/classes.jsa
  ln -s /usr/lib/jvm/motcua-fake/bin/java /usr/bin/java
  cat >/usr/lib/jvm/motcua-fake/bin/java <<EOF
#!/bin/sh
if [ "\$1" = -version ]; then
  echo "openjdk version \"\$(cat $T/state/java-version).0.2\" 2025-01-21" >&2
  exit 0
fi
echo "java as \$(id -un): \$*" >>$T/calls.log
for a in "\$@"; do
  case \$a in -XX:ArchiveClassesAtExit=*) echo "class-data archive" >"\${a#*=}" ;; esac
done
exit 0
EOF
  chmod 0755 "$T"/fakes/* /usr/lib/jvm/motcua-fake/bin/java
}

snapshot() {
  find /etc/motcua /opt/motcua /var/lib/motcua /etc/systemd/system/motcua.service \
    /usr/lib/sysusers.d/motcua.conf /usr/lib/tmpfiles.d/motcua.conf -printf '%p %s %T@ %m %u:%g\n' | sort
}

setup() {
  : >"$T/calls.log"
  PATH=$T/fakes:$PATH "$T/provisioning/motcua-setup" "$@" >"$T/out" 2>"$T/err"
}

args=(--kind ticket-printer --device-id tp-real-01 --office hoang-mai/dinh-cong --broker tcp://10.0.0.5:1883
  --jar-dir "$T/jars")

inner() {
  getent passwd motcua >/dev/null && { echo "this machine already has a motcua user"; exit 77; }
  make_fakes

  echo 11 >"$T/state/java-version"
  setup "${args[@]}" || fail "install exited $?: $(cat "$T/err")"
  grep -qx 'apt-get install -y default-jre-headless' "$T/calls.log" ||
    fail "Java 11 with no openjdk-17 candidate did not install default-jre-headless: $(cat "$T/calls.log")"
  getent passwd motcua | grep -q ':/var/lib/motcua:/usr/sbin/nologin$' || fail "motcua user not created by systemd-sysusers"
  local groups
  groups=" $(id -nG motcua) "
  for g in gpio dialout i2c; do [[ $groups == *" $g "* ]] || fail "motcua is not in group $g ($groups)"; done
  [[ $(stat -c '%a %U' /etc/motcua/psk) == '600 motcua' ]] || fail "psk is $(stat -c '%a %U' /etc/motcua/psk)"
  [[ $(stat -c '%a %U' /var/lib/motcua) == '750 motcua' ]] || fail "state dir is $(stat -c '%a %U' /var/lib/motcua)"
  [[ $(stat -c '%a %U' /var/lib/motcua/tmp) == '700 motcua' ]] || fail "exec tmpdir is $(stat -c '%a %U' /var/lib/motcua/tmp)"
  grep -qx 'systemctl daemon-reload' "$T/calls.log" || fail "no daemon-reload"
  grep -qx 'systemctl enable --now motcua' "$T/calls.log" || fail "service not enabled and started"
  grep -q '^java as motcua: .*-jar /opt/motcua/current/device-ticket-printer.jar --identity /etc/motcua/device.json --state-dir /var/lib/motcua --check$' "$T/calls.log" ||
    fail "--check not run as motcua: $(cat "$T/calls.log")"
  grep -Eq '^java as motcua: .*-XX:ArchiveClassesAtExit=/var/lib/motcua/class-archive/[^/]+/device-ticket-printer-[0-9a-f]{16}\.jsa\.part -jar /opt/motcua/current/device-ticket-printer.jar ' "$T/calls.log" ||
    fail "no training start as motcua for the class-data archive: $(cat "$T/calls.log")"
  grep -q '^java as root: .*ArchiveClassesAtExit' "$T/calls.log" && fail "a training start ran as root"
  local archive
  archive=$(compgen -G '/var/lib/motcua/class-archive/*/device-ticket-printer-*.jsa' | head -n 1)
  [[ -n $archive && $(stat -c '%a %U' "$archive") == '440 motcua' ]] || fail "no class-data archive of motcua's: $(ls -lR /var/lib/motcua)"
  [[ $(cat "$archive.cksum") == "$(cksum <"$archive")" ]] || fail "the archive's size and CRC are not recorded"
  grep -q '^raspi-config' "$T/calls.log" && fail "raspi-config ran on a machine that is not a Raspberry Pi"
  grep -qF -- "$(cat /etc/motcua/psk)" "$T/out" || fail "summary does not show the PSK"
  grep -qF -- "$(cat /etc/motcua/psk)" "$T/err" /var/log/motcua-setup.log && fail "the PSK leaked into stderr or the log"

  local before
  before=$(snapshot)
  sleep 1
  setup "${args[@]}" || fail "second install exited $?: $(cat "$T/err")"
  [[ $(snapshot) == "$before" ]] || fail "second run changed files: $(diff <(echo "$before") <(snapshot))"
  grep -Eq 'systemctl (enable|stop|restart)|apt-get|java as .*--check' "$T/calls.log" &&
    fail "second run started, stopped or checked again: $(cat "$T/calls.log")"
  grep -q 'unchanged: motcua.service enabled and running' "$T/err" || fail "second run does not say the service is unchanged"

  setup "${args[@]}" --rotate-psk || fail "--rotate-psk exited $?: $(cat "$T/err")"
  grep -qx 'systemctl stop motcua' "$T/calls.log" || fail "a changed install did not stop the running service first"
  grep -q '^java as motcua: .*--check$' "$T/calls.log" || fail "a changed install did not run --check"
  grep -qx 'systemctl enable --now motcua' "$T/calls.log" || fail "a changed install did not start the service again"

  setup --uninstall --purge || fail "uninstall exited $?: $(cat "$T/err")"
  grep -qx 'systemctl disable --now motcua' "$T/calls.log" || fail "uninstall did not stop and disable the service"
  getent passwd motcua >/dev/null && fail "--purge kept the motcua user"
  [[ -e /etc/motcua || -e /var/lib/motcua || -e /etc/systemd/system/motcua.service ]] && fail "--purge left files behind"
  [[ $FAILURES -eq 0 ]]
}

case ${1:-} in
  outer) shift; outer "$@" ;;
  inner) inner ;;
  *) echo "usage: real-mode.sh outer BASE PROVISIONING_DIR JAR_DIR (inside unshare -m)" >&2; exit 2 ;;
esac
