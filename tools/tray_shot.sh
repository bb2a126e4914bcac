#!/usr/bin/env bash
# Real screenshots of keymon's tray icon (QSystemTrayIcon, X11 XEmbed tray):
#   docs/screenshots/tray-notification.png  the start-up notification balloon
#   docs/screenshots/tray-menu.png          the icon with its context menu open
#
#   tools/tray_shot.sh [OUTPUT_DIR]        (run from anywhere; needs root for apt-get)
#
# Installs (apt-get, Debian bookworm; skipped when already present):
#   xvfb xauth imagemagick trayer xdotool x11-utils x11-xserver-utils
#   (stalonetray is not packaged in bookworm: trayer is the standalone tray host)
# Runs, on a private X display (:77, 1280x800x24), and kills again at the end:
#   Xvfb, xsetroot (desktop colour), trayer (tray host, top-right, 28 px, dark),
#   and keymon through .venv/bin/python with a fresh KEYMON_HOME (so the start-up
#   notification fires), an English UI, the null keyring and no D-Bus session bus
#   (so Qt uses the XEmbed tray and draws its own balloon for showMessage).
# The keystore (PKCS#12, password "changeit") is built with tests/factory.py:
#   1 expired certificate, 2 expiring in 5 and 20 days, 3 valid entries.
# Then: wait for the balloon, capture it; right-click the icon (xdotool), wait for
# the menu, capture it. Captures are `import -window root` crops of the top-right.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/docs/screenshots}
DISPLAY_NUM=${TRAY_SHOT_DISPLAY:-77}
PY=$ROOT/.venv/bin/python
mkdir -p "$OUT"

need=()
for pair in Xvfb:xvfb xauth:xauth import:imagemagick trayer:trayer xdotool:xdotool \
            xwininfo:x11-utils xsetroot:x11-xserver-utils; do
    command -v "${pair%%:*}" >/dev/null || need+=("${pair#*:}")
done
if ((${#need[@]})); then
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}"
fi
make -C "$ROOT" -s translations

WORK=$(mktemp -d /tmp/keymon-tray.XXXXXX)
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

# wait_for SECONDS COMMAND...: poll (every 0.1 s) until COMMAND succeeds
wait_for() {
    local deadline=$((SECONDS + $1)); shift
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || { echo "timed out waiting for: $*" >&2; return 1; }
        sleep 0.1
    done
}

export DISPLAY=:$DISPLAY_NUM
unset DBUS_SESSION_BUS_ADDRESS WAYLAND_DISPLAY
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
PIDS+=($!)
wait_for 10 xwininfo -root
xsetroot -solid '#3b4f63'

trayer --edge top --align right --widthtype request --height 28 --SetDockType true \
    --SetPartialStrut true --transparent true --alpha 0 --tint 0x303030 \
    >"$WORK/trayer.log" 2>&1 &
PIDS+=($!)
wait_for 10 xdotool search --class trayer

# --- the keystore and the launcher --------------------------------------------------
cat >"$WORK/launch.py" <<'EOF'
import datetime as dt
import os
import sys
import time
from pathlib import Path

ROOT, WORK = Path(sys.argv[1]), Path(sys.argv[2])
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QSystemTrayIcon  # noqa: E402

from keymon.core.compat import tolerate_legacy_certificates  # noqa: E402
from keymon.core.entries import CertificateEntry, CertInfo, KeyPairEntry  # noqa: E402
from keymon.core.formats.detect import Format  # noqa: E402
from keymon.core.keystore import Keystore  # noqa: E402
from keymon.gui.app import open_main_window  # noqa: E402
from tests import factory  # noqa: E402

PASSWORD = "changeit"
now = dt.datetime.now(dt.UTC).replace(microsecond=0)


def cert(cn, *, days, ago=1, ca=False, key=None, issuer=None, issuer_key=None):
    return factory.make_cert(
        key or factory.ec_key(5), cn, days=days, ca=ca,
        not_before=now - dt.timedelta(days=ago), issuer=issuer, issuer_key=issuer_key,
    )


(_, root), (int_key, inter) = factory.ca_chain()
api_key = factory.ec_key(11)
api = cert("api.example.com", days=5 + 1, key=api_key, issuer=inter, issuer_key=int_key)
entries = [
    factory.key_pair_entry("tenant-prod", "tenant.cpi.example.com"),
    KeyPairEntry(
        alias="api-gateway",
        private_key=api_key,
        chain=(CertInfo.from_cert(api), CertInfo.from_cert(inter), CertInfo.from_cert(root)),
    ),
    factory.self_signed_entry("receiver-test", "receiver-test.example.org"),
    CertificateEntry(
        "partner-old", CertInfo.from_cert(cert("Old Partner CA", ago=400, days=390, ca=True))
    ),
    CertificateEntry(
        "partner-issuing", CertInfo.from_cert(cert("Partner Issuing CA", days=20 + 1, ca=True))
    ),
    factory.trusted_entry("example-root", "Example Trust Root"),
]
path = WORK / "partners.p12"
Keystore(entries).save_as(path, Format.PKCS12, PASSWORD)

tolerate_legacy_certificates()
app = QApplication(sys.argv[:1])
deadline = time.monotonic() + 10  # the tray host must own its selection before the icon
while not QSystemTrayIcon.isSystemTrayAvailable() and time.monotonic() < deadline:
    time.sleep(0.1)
print("tray available", QSystemTrayIcon.isSystemTrayAvailable(), flush=True)

window = open_main_window(path, PASSWORD, WORK / "home", apply_preferences=True)
window.resize(900, 560)
window.move(40, 200)  # leave the top-right corner (tray, menu, balloon) to the shots
tray = window.expiry_tray
tray.notified.connect(lambda title, text: print("notified", title, "|", text.replace("\n", " / "), flush=True))


def report():
    if tray.icon is None:
        print("no tray icon", flush=True)
        return
    if tray.summary is None:  # not settled yet
        QTimer.singleShot(100, report)
        return
    g = tray.icon.geometry()
    print(f"icon {g.x()} {g.y()} {g.width()} {g.height()}", flush=True)
    print("tooltip", tray.summary.tooltip, flush=True)
    for line in tray.summary.menu_lines:
        print("menu", line, flush=True)


QTimer.singleShot(100, report)
sys.exit(app.exec())
EOF

mkdir -p "$WORK/home"
KEYMON_HOME=$WORK/home KEYMON_LANGUAGE=en LANG=C.UTF-8 LC_ALL=C.UTF-8 \
PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring QT_QPA_PLATFORM=xcb \
    "$PY" "$WORK/launch.py" "$ROOT" "$WORK" >"$WORK/keymon.log" 2>&1 &
PIDS+=($!)

wait_for 60 grep -q -e '^icon ' -e '^no tray icon' "$WORK/keymon.log" || { cat "$WORK/keymon.log"; exit 1; }
if grep -q '^no tray icon' "$WORK/keymon.log"; then cat "$WORK/keymon.log" >&2; exit 1; fi
read -r _ IX IY IW IH < <(grep '^icon ' "$WORK/keymon.log" | tail -1)
echo "tray icon at ${IX},${IY} ${IW}x${IH}"

crop() {  # crop WIDTHxHEIGHT from the top-right corner of the screen into FILE
    import -window root -crop "$1+$((1280 - ${1%x*}))+0" +repage "$2"
}

# The balloon: Qt's own tooltip-like window (QBalloonTip), shown for 10 s after start-up.
balloon() { xwininfo -root -tree | grep -q '"QBalloonTipClassWindow"\|qballoontip\|QBalloonTip'; }
if wait_for 15 grep -q '^notified ' "$WORK/keymon.log" && wait_for 5 balloon; then
    sleep 0.5  # its fade/paint; the balloon stays 10 s
    crop 560x300 "$OUT/tray-notification.png"
    echo "wrote $OUT/tray-notification.png"
    # clicking the balloon closes it; then wait until it is gone
    xdotool mousemove 1000 400 click 1 >/dev/null 2>&1 || true
    wait_for 15 bash -c "! xwininfo -root -tree | grep -q QBalloonTip" || true
else
    echo "no notification balloon seen" >&2
fi

# The menu: right-click the icon, wait for the popup (a QMenu window), capture.
menu_open() { xwininfo -root -tree | grep -q 'QMenu\|qmenu'; }
xdotool mousemove $((IX + IW / 2)) $((IY + IH / 2))
sleep 0.3
xdotool click 3
wait_for 10 menu_open || xwininfo -root -tree >&2
sleep 0.3
crop 560x300 "$OUT/tray-menu.png"
echo "wrote $OUT/tray-menu.png"
grep -e '^tray' -e '^tooltip' -e '^menu' -e '^notified' "$WORK/keymon.log" || true
xdotool key Escape
