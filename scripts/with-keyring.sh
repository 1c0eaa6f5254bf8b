#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a throwaway, unlocked
# gnome-keyring, so tests use a real Secret Service and never touch a person's
# own keychain. Re-executes itself under dbus-run-session when needed.
set -euo pipefail
# macOS and Windows have no Secret Service: the tests use the system's Keychain / Credential
# Manager under test-only entries they delete again (see "Running the tests" in the README).
case "$(uname -s)" in
  Linux) ;;
  *)
    echo "with-keyring: $(uname -s) has no Secret Service; keychain tests use the system keychain." >&2
    exec "$@" ;;
esac
if [ -z "${TOKEN_TRAY_PRIVATE_KEYRING:-}" ]; then
  export TOKEN_TRAY_PRIVATE_KEYRING=1
  tmp_home=$(mktemp -d "${TMPDIR:-/tmp}/token-tray-keyring.XXXXXX")
  trap 'rm -rf "$tmp_home"' EXIT
  export XDG_DATA_HOME="$tmp_home/data" XDG_RUNTIME_DIR="$tmp_home/run" XDG_CONFIG_HOME="$tmp_home/config"
  mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME"
  chmod 700 "$XDG_RUNTIME_DIR"
  dbus-run-session -- "$0" "$@"
  exit $?
fi
# Inside the private session: start the keyring with an empty password, unlocked.
eval "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d " \n" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
eval "$(gnome-keyring-daemon --start --components=secrets 2>/dev/null)" || true
export GNOME_KEYRING_CONTROL
exec "$@"
