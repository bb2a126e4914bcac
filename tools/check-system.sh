#!/usr/bin/env bash
# Checks the Debian packages keymon needs and names the ones that are missing.
#   tools/check-system.sh run    what `make run` needs (Qt's libraries)
#   tools/check-system.sh test   what `make test` needs (also keytool and openssl)
#   tools/check-system.sh --install MODE   install what is missing (root, apt-get)
set -u
install=0
if [ "${1:-}" = "--install" ]; then install=1; shift; fi
mode="${1:-run}"

missing=()
need_lib() { # soname debian-package
  if ! ldconfig -p 2>/dev/null | grep -q "$1"; then missing+=("$2"); fi
}
need_cmd() { # command debian-package
  if ! command -v "$1" >/dev/null 2>&1; then missing+=("$2"); fi
}

need_cmd python3 python3
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then missing+=(python3-venv); fi
need_lib libEGL.so.1 libegl1
need_lib libGL.so.1 libgl1
need_lib libxkbcommon.so.0 libxkbcommon0
need_lib libfontconfig.so.1 libfontconfig1
need_lib libglib-2.0.so.0 libglib2.0-0
need_lib libdbus-1.so.3 libdbus-1-3
# The test suite runs its platform tests (shortcuts, focus, tray, themes) on a real X
# display too: Xvfb with Qt's xcb plugin.
if [ "$mode" = "test" ] || { [ "$mode" = "run" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; }; then
  need_lib libxcb-cursor.so.0 libxcb-cursor0
  need_lib libxcb-icccm.so.4 libxcb-icccm4
  need_lib libxcb-keysyms.so.1 libxcb-keysyms1
  need_lib libxcb-render-util.so.0 libxcb-render-util0
  need_lib libxcb-image.so.0 libxcb-image0
  need_lib libxkbcommon-x11.so.0 libxkbcommon-x11-0
fi
if [ "$mode" = "test" ]; then
  need_cmd keytool openjdk-17-jre-headless
  need_cmd openssl openssl
  need_cmd objdump binutils  # PyInstaller reads shared libraries with it (tests/test_bundle.py)
  need_cmd Xvfb xvfb
  need_cmd xvfb-run xvfb
  need_cmd xauth xauth
  need_cmd desktop-file-validate desktop-file-utils  # tests/gui/test_desktop_integration.py
fi

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ $install -eq 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "keymon: installing missing Debian packages: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" && exit 0
fi
echo "keymon: missing Debian packages: ${missing[*]}" >&2
echo "keymon: install them with:  sudo apt-get install ${missing[*]}" >&2
exit 1
