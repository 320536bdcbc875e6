#!/usr/bin/env bash
# Runs a command (the test suite) with a keychain that tests may fill and empty freely.
#
#   bash e2e/rig/with-test-keyring.sh vitest run
#
# Linux: always a private, throwaway Secret Service: its own D-Bus session bus and its own
# gnome-keyring-daemon over an empty keyring in a temp folder, unlocked with a random
# password. Tests never prompt and never see the developer's real keyring. Afterwards the
# daemon is stopped (it would outlive the bus) and the folder removed: on success, failure
# and Ctrl-C. macOS / Windows (Git Bash): the OS keychain exists, so the command runs as is.
#
# Inside, STS_TRAY_TEST_KEYRING says which keychain the tests got ("private" or "os").
# Exits with the command's exit code.
set -euo pipefail

readonly inner_marker=__sts_tray_inside_private_bus__
readonly apt_hint='apt-get install gnome-keyring dbus'

if [ "$#" -eq 0 ]; then
  echo "usage: bash e2e/rig/with-test-keyring.sh COMMAND [ARG...]" >&2
  exit 2
fi

# CI may start us with stdin closed. A closed fd 0 gets reused by the next file something
# opens, which confuses children; /dev/null is what "no input" should look like.
if ! (exec 3<&0) 2>/dev/null; then exec </dev/null; fi

# Stops the daemon whose pid is in $1/keyring.pid, if it is still ours and still running.
# Checking the command line guards against a reused pid.
stop_keyring_daemon() {
  local dir=$1 pid cmdline
  pid=$(cat "$dir/keyring.pid" 2>/dev/null) || return 0
  [ -n "$pid" ] || return 0
  cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 0
  case "$cmdline" in *gnome-keyring-daemon*"$dir"*) ;; *) return 0 ;; esac
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# ---- Stage 2: inside the private bus (dbus-run-session runs this script again) ----------
if [ "${1:-}" = "$inner_marker" ]; then
  dir=$2
  shift 2

  trap 'stop_keyring_daemon "$dir"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP

  mkdir -m 700 "$dir/data" "$dir/control"
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  # A daemon of the developer's session is reachable through GNOME_KEYRING_CONTROL; ours
  # must start fresh, with its own control folder and keyring folder.
  env -u GNOME_KEYRING_CONTROL XDG_DATA_HOME="$dir/data" \
    gnome-keyring-daemon --foreground --unlock --components=secrets --control-directory="$dir/control" \
    <<<"$password" >"$dir/keyring.env" 2>"$dir/keyring.log" &
  echo "$!" >"$dir/keyring.pid"
  daemon_pid=$!
  unset password

  # Ready when it owns the Secret Service name on our bus (nothing else can: the bus has
  # no service files, so nothing gets auto-started in its place).
  ready=no
  for _ in $(seq 100); do
    if ! kill -0 "$daemon_pid" 2>/dev/null; then break; fi
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' &&
      [ -s "$dir/keyring.env" ]; then
      ready=yes
      break
    fi
    sleep 0.1
  done
  if [ "$ready" != yes ]; then
    echo "with-test-keyring: the private gnome-keyring-daemon did not start; its log:" >&2
    sed 's/^/  /' "$dir/keyring.log" >&2 || true
    exit 1
  fi

  # It prints NAME=value lines (GNOME_KEYRING_CONTROL=…) for its clients.
  while IFS= read -r line; do
    case "$line" in [A-Z_]*=*) export "${line?}" ;; esac
  done <"$dir/keyring.env"
  export STS_TRAY_TEST_KEYRING=private

  status=0
  "$@" || status=$?
  exit "$status"
fi

# ---- Stage 1: outside ----------------------------------------------------------------
case "$(uname -s)" in
  Linux) ;;
  *)
    export STS_TRAY_TEST_KEYRING=os
    exec "$@"
    ;;
esac

missing=()
for tool in dbus-run-session dbus-daemon dbus-send gnome-keyring-daemon; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "with-test-keyring: ${missing[*]} not found; the tests need a private keyring: $apt_hint" >&2
  exit 127
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/sts-tray-keyring.XXXXXX")
# Normally stage 2 has stopped the daemon already; this catches the cases where it could
# not (it was killed, or the bus went down first).
trap 'stop_keyring_daemon "$dir"; rm -rf "$dir"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# A session bus like the standard one minus the service folders: nothing gets
# D-Bus-activated, so a stray gnome-keyring-daemon over the developer's own keyring can
# never start in place of ours.
cat >"$dir/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir=$dir</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF

# dbus-daemon's start-up complaints (e.g. "Failed to set fd limit" in containers) go to a
# log instead of the test output.
cat >"$dir/dbus-daemon" <<EOF
#!/bin/sh
exec dbus-daemon "\$@" 2>>"$dir/dbus-daemon.log"
EOF
chmod +x "$dir/dbus-daemon"

status=0
dbus-run-session --config-file="$dir/bus.conf" --dbus-daemon="$dir/dbus-daemon" -- \
  bash "${BASH_SOURCE[0]}" "$inner_marker" "$dir" "$@" || status=$?
exit "$status"
