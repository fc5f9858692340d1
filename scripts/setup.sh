# shellcheck shell=bash
# Shared set-up for scripts/run-app and scripts/run-tests: finds Python >= 3.11, installs the
# Debian packages that are missing (when root, or through passwordless sudo), and keeps the
# project venv (.venv) and the official-SDK venv (.venv-sdk) in step with pyproject.toml.
# Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

find_python() {
  local candidate
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  say "Python 3.11 or newer is needed; install it (e.g. apt-get install python3) and run again."
  return 1
}

# Qt's offscreen and xcb platforms link these even when no window is shown.
QT_RUNTIME_PACKAGES="libglib2.0-0 libegl1 libgl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6
  libdbus-1-3 fonts-dejavu-core fonts-wqy-microhei"
# A real window on X11 needs the xcb plugin's libraries as well.
QT_XCB_PACKAGES="libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
  libxkbcommon-x11-0"
# The tests use a real Secret Service keychain and a real OpenLDAP server.
TEST_PACKAGES="dbus-daemon gnome-keyring slapd ldap-utils"
# The hosted page's passkey test drives a real headless Chromium through its WebDriver
# (docs/passkeys.md, "Hosted page and Gen-2 routes").
BROWSER_TEST_PACKAGES="chromium chromium-driver"

ensure_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian-like system: skipping system packages"; return 0; }
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo=(sudo -n); else
      say "missing system packages: ${missing[*]}"
      say "install them as root: apt-get install -y ${missing[*]}"
      return 1
    fi
  fi
  say "installing system packages: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # slapd's package scripts would start a system-wide server (the tests start their own):
  # a temporary policy-rc.d tells invoke-rc.d not to start services during the install.
  local policy=/usr/sbin/policy-rc.d added_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
    "${sudo[@]}" chmod 755 "$policy"
    added_policy=1
  fi
  local rc=0
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null || rc=$?
  [ -n "$added_policy" ] && "${sudo[@]}" rm -f "$policy"
  return $rc
}

# ensure_venv DIR EXTRAS: creates DIR and installs the project (editable) with EXTRAS, again only
# when pyproject.toml changed since the last install.
ensure_venv() {
  local venv="$1" extras="$2" python stamp want
  python="$(find_python)"
  want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)-$extras"
  stamp="$venv/.authing-desktop-installed"
  if [ ! -x "$venv/bin/python" ]; then
    say "creating $venv"
    "$python" -m venv "$venv"
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing Python packages into $venv"
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q -e "$ROOT[$extras]"
    echo "$want" >"$stamp"
  fi
}

# The official authing==4.5.18 SDK pins gql 2 / graphql-core 2 / rsa 4.0, which cannot share a
# venv with the app, so the conformance tests run it from its own.
SDK_REQUIREMENT="authing==4.5.18"
ensure_sdk_venv() {
  local venv="$ROOT/.venv-sdk" python stamp="$ROOT/.venv-sdk/.authing-sdk-installed"
  [ "$(cat "$stamp" 2>/dev/null)" = "$SDK_REQUIREMENT" ] && return 0
  python="$(find_python)"
  [ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
  say "installing $SDK_REQUIREMENT into $venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q "$SDK_REQUIREMENT"
  echo "$SDK_REQUIREMENT" >"$stamp"
}
