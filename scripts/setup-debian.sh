#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Traykey's build and tests need (a compiler and libsecret for
# keytar, gnome-keyring and D-Bus for the keychain tests, Chromium for the end-to-end suite), then checks
# Node. Runs apt-get directly as root (a fresh container has no sudo) and through sudo otherwise.
set -euo pipefail

packages=(chromium gnome-keyring dbus libsecret-1-dev build-essential python3)
node_minimum=(20 19)

missing=()
for package in "${packages[@]}"; do
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)" = "installed" ] || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null; then
    as_root=(sudo)
  else
    echo "Installing ${missing[*]} needs root: run this script as root, or install sudo." >&2
    exit 1
  fi
  echo "Installing: ${missing[*]}"
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

version=$(node --version 2>/dev/null || true)
if [[ ! $version =~ ^v([0-9]+)\.([0-9]+) ]] ||
  (( BASH_REMATCH[1] < node_minimum[0] || (BASH_REMATCH[1] == node_minimum[0] && BASH_REMATCH[2] < node_minimum[1]) )); then
  echo "Traykey needs Node.js ${node_minimum[0]}.${node_minimum[1]} or newer with npm (found: ${version:-none}); Debian's own nodejs package is older, so install it from nodejs.org or NodeSource." >&2
  exit 1
fi
