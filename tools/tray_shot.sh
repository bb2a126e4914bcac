#!/usr/bin/env bash
# Real screenshots of keymon's tray icon (QSystemTrayIcon on a real X server, XEmbed tray):
#   docs/screenshots/tray-notification.png  the notification balloon (see below)
#   docs/screenshots/tray-menu.png          the icon with its context menu open
#   docs/screenshots/tray-tooltip.png       the tooltip, only with TRAY_SHOT_TOOLTIP=1
#
#   tools/tray_shot.sh [OUTPUT_DIR]        (from anywhere; apt-get needs root)
#
# Installs with apt-get (Debian bookworm), only what is missing:
#   xvfb xauth imagemagick trayer xdotool x11-utils
#   (stalonetray is not packaged in bookworm: trayer is the standalone tray host)
# Runs on a private display (:77, 1280x800x24; TRAY_SHOT_DISPLAY changes it) and kills
# again when done: Xvfb; ImageMagick `display` (a full-screen desktop picture with a dark
# 28 px top bar); trayer (tray host, top right, same dark colour); keymon, through
# .venv/bin/python and keymon.gui.app.open_main_window, with a fresh KEYMON_HOME (so the
# start-up notification is due), an English UI, the null keyring and no D-Bus session
# bus (so Qt uses the XEmbed tray and draws its own balloon for showMessage).
# The keystore (PKCS#12, password "changeit", opened in the window), built with
# tests/factory.py: tenant-prod, receiver-test, example-root (valid), api-gateway (key
# pair, leaf expires in 5 days), partner-old (expired 10 days ago), partner-issuing
# (expires in 20 days).
# The balloon is keymon's start-up notification; should it ever be spent before the
# keystore is read, the script falls back to keymon's daily path (its timer, fired early).
# Then: wait for the balloon (keymon's process prints its geometry), capture icon +
# balloon, click it away; right-click the icon with xdotool, wait for the menu (a new
# visible keymon window), capture icon + menu. Captures are `import -window root` crops
# of the bounding box of icon and popup, 12 px around.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/docs/screenshots}
DISPLAY_NUM=${TRAY_SHOT_DISPLAY:-77}
W=1280 H=800 BAR=28 BAR_COLOUR=303030 DESKTOP='#3b4f63'
PY=$ROOT/.venv/bin/python
mkdir -p "$OUT"

need=()
for pair in Xvfb:xvfb xauth:xauth import:imagemagick trayer:trayer xdotool:xdotool \
            xwininfo:x11-utils; do
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
Xvfb "$DISPLAY" -screen 0 ${W}x${H}x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
PIDS+=($!)
wait_for 10 xwininfo -root
# The desktop: an ImageMagick `display` window covering the screen (xsetroot -solid and
# `display -window root` leave this Xvfb's root black), with a dark top bar.
convert -size ${W}x${H} "xc:$DESKTOP" -fill "#$BAR_COLOUR" \
    -draw "rectangle 0,0 $((W - 1)),$((BAR - 1))" "$WORK/desktop.png"
display -geometry +0+0 -borderwidth 0 "$WORK/desktop.png" >"$WORK/display.log" 2>&1 &
PIDS+=($!)
wait_for 10 xdotool search --onlyvisible --name '^ImageMagick: desktop.png$'

# The tray host: trayer, its GTK 2 background in the colour of the bar.
printf 'style "panel" { bg[NORMAL] = "#%s" }\nwidget "*" style "panel"\n' "$BAR_COLOUR" \
    >"$WORK/gtkrc"
GTK2_RC_FILES=$WORK/gtkrc trayer --edge top --align right --widthtype request \
    --height $BAR --SetDockType true --SetPartialStrut true --transparent false \
    >"$WORK/trayer.log" 2>&1 &
PIDS+=($!)
wait_for 10 xdotool search --onlyvisible --class trayer

# --- the keystores and the launcher -------------------------------------------------
cat >"$WORK/launch.py" <<'EOF'
import datetime as dt
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
from keymon.gui import tray as tray_module  # noqa: E402
from keymon.gui.app import open_main_window  # noqa: E402
from tests import factory  # noqa: E402

PASSWORD = "changeit"
now = dt.datetime.now(dt.UTC).replace(microsecond=0)


def cert(cn, *, days, ago=1, ca=False, key=None, issuer=None, issuer_key=None):
    # ends (days - ago) days and 2 hours from now: "expires in N days" for whole N
    start = now - dt.timedelta(days=ago) + dt.timedelta(hours=2)
    return factory.make_cert(
        key or factory.ec_key(5), cn, days=days, ca=ca,
        not_before=start, issuer=issuer, issuer_key=issuer_key,
    )


(_, root), (int_key, inter) = factory.ca_chain()
api_key = factory.ec_key(11)
api = cert("api.example.com", days=5 + 1, key=api_key, issuer=inter, issuer_key=int_key)
path = WORK / "partners.p12"
Keystore([
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
]).save_as(path, Format.PKCS12, PASSWORD)

# Diagnostics only (keymon is not changed): print what the tray is told, and when.
# keymon spends its start-up notification on the first tray update, whatever it holds;
# when that was one without anything to say (before the keystore was read), the
# balloon is taken from keymon's daily path instead: once the keystore is in, the
# daily timer (ExpiryTray.timer) is started with a 0.2 s interval, once.
_update = tray_module.ExpiryTray.update
startup = {"spent": False, "notified": False, "daily": False}


def logged_update(self, items, now, warning_days):
    pending = self._notify_pending
    print(f"update items={len(items)} notify_pending={pending}", flush=True)
    summary = _update(self, items, now, warning_days)
    print("tooltip", summary.tooltip, flush=True)
    for line in summary.menu_lines:
        print("menu", line, flush=True)
    if pending and not startup["spent"]:
        startup["spent"] = True
        what = "sent" if summary.notify_text else "spent without a message"
        print(f"start-up notification {what} ({len(items)} certificates known)", flush=True)
    if startup["spent"] and not startup["notified"] and not startup["daily"] and items:
        startup["daily"] = True
        print("fallback: firing the daily timer now", flush=True)
        self.timer.timeout.connect(lambda: self.timer.setInterval(tray_module.DAY_MS))
        self.timer.start(200)
    return summary


tray_module.ExpiryTray.update = logged_update

tolerate_legacy_certificates()
app = QApplication(sys.argv[:1])
deadline = time.monotonic() + 10  # the tray host must own its selection before the icon
while not QSystemTrayIcon.isSystemTrayAvailable() and time.monotonic() < deadline:
    time.sleep(0.1)
print("tray available", QSystemTrayIcon.isSystemTrayAvailable(), flush=True)

window = open_main_window(path, PASSWORD, WORK / "home", apply_preferences=True)
window.setGeometry(20, 340, 900, 440)  # keep the top right (tray, menu, balloon) free
tray = window.expiry_tray


def balloon():
    """Qt's own balloon (QBalloonTip, a top-level widget): print its geometry, then
    "balloon gone" once it is hidden (10 s, or a click on it)."""
    for w in QApplication.topLevelWidgets():
        if w.metaObject().className() == "QBalloonTip" and w.isVisible():
            g = w.frameGeometry()
            print(f"balloon {g.x()} {g.y()} {g.width()} {g.height()}", flush=True)
            w.destroyed.connect(lambda: print("balloon gone", flush=True))  # closed = deleted
            return
    print("no balloon", flush=True)


def notified(title, text):
    startup["notified"] = True
    via = "daily timer" if startup["daily"] else "start-up"
    print(f"notified ({via})", title, "|", text.replace("\n", " / "), flush=True)
    QTimer.singleShot(500, balloon)  # shown at once; give it time to paint


tray.notified.connect(notified)


def report():
    if tray.icon is None:
        print("no tray icon", flush=True)
        return
    if tray.summary is None:  # not settled yet
        QTimer.singleShot(100, report)
        return
    g = tray.icon.geometry()
    print(f"icon {g.x()} {g.y()} {g.width()} {g.height()}", flush=True)


QTimer.singleShot(100, report)
sys.exit(app.exec())
EOF

mkdir -p "$WORK/home"
KEYMON_HOME=$WORK/home KEYMON_LANGUAGE=en LANG=C.UTF-8 LC_ALL=C.UTF-8 \
PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring QT_QPA_PLATFORM=xcb \
    "$PY" "$WORK/launch.py" "$ROOT" "$WORK" >"$WORK/keymon.log" 2>&1 &
KEYMON_PID=$!
PIDS+=($KEYMON_PID)

fail() { echo "$*" >&2; cat "$WORK/keymon.log" >&2; exit 1; }
wait_for 60 grep -q -e '^icon ' -e '^no tray icon' "$WORK/keymon.log" || fail "no tray icon"
grep -q '^no tray icon' "$WORK/keymon.log" && fail "no system tray"
read -r _ IX IY IW IH < <(grep '^icon ' "$WORK/keymon.log" | tail -1)
echo "tray icon at ${IX},${IY} ${IW}x${IH}"

visible() { xdotool search --onlyvisible --class keymon 2>/dev/null | sort; }
# new_popup BEFORE-FILE: succeed (printing its id) when a keymon window is visible that
# was not before (the balloon, the menu: both override-redirect top-level windows)
new_popup() { comm -13 "$1" <(visible) | grep -m1 .; }
# shot X Y WIDTH HEIGHT FILE: crop the bounding box of the tray icon and that popup
# rectangle, with 12 px around it
shot() {
    local X=$1 Y=$2 WIDTH=$3 HEIGHT=$4
    local x0=$((X < IX ? X : IX)) y0=$((Y < IY ? Y : IY))
    local x1=$((X + WIDTH > IX + IW ? X + WIDTH : IX + IW))
    local y1=$((Y + HEIGHT > IY + IH ? Y + HEIGHT : IY + IH))
    x0=$((x0 > 12 ? x0 - 12 : 0)) y0=$((y0 > 12 ? y0 - 12 : 0))
    x1=$((x1 + 12 < W ? x1 + 12 : W)) y1=$((y1 + 12 < H ? y1 + 12 : H))
    import -window root -crop "$((x1 - x0))x$((y1 - y0))+$x0+$y0" +repage "$5"
    echo "wrote $5 ($((x1 - x0))x$((y1 - y0)) at $x0,$y0; popup ${WIDTH}x${HEIGHT} at $X,$Y)"
}

# The balloon: Qt's own (QBalloonTip) when no notification service is on D-Bus; 10 s.
if wait_for 30 grep -q -e '^balloon ' -e '^no balloon' "$WORK/keymon.log" \
    && read -r _ BX BY BW BH < <(grep '^balloon ' "$WORK/keymon.log"); then
    shot "$BX" "$BY" "$BW" "$BH" "$OUT/tray-notification.png"
    xdotool mousemove --sync $((BX + BW / 2)) $((BY + BH / 2)) click 1  # hides it
    wait_for 15 grep -q '^balloon gone' "$WORK/keymon.log" || echo "the balloon stayed" >&2
else
    echo "no notification balloon: none was sent or none appeared" >&2
fi

# The tooltip (only with TRAY_SHOT_TOOLTIP=1: tray-tooltip.png): hover over the icon.
if [[ ${TRAY_SHOT_TOOLTIP:-} == 1 ]]; then
    visible >"$WORK/before"
    xdotool mousemove --sync $((IX + IW / 2)) $((IY + IH / 2))
    if wait_for 10 new_popup "$WORK/before"; then
        TIP=$(new_popup "$WORK/before")
        sleep 0.3
        eval "$(xdotool getwindowgeometry --shell "$TIP")"
        shot "$X" "$Y" "$WIDTH" "$HEIGHT" "$OUT/tray-tooltip.png"
        xdotool mousemove --sync $((W / 2)) $((H / 2))
        wait_for 15 bash -c "! xdotool search --onlyvisible --class keymon | grep -qx $TIP" || true
    else
        echo "no tooltip appeared" >&2
    fi
fi

# The menu: right-click the icon near its lower left corner (the menu opens at the
# pointer, so this leaves the icon in view), wait for the popup, capture.
visible >"$WORK/before"
xdotool mousemove --sync $((IX + 3)) $((IY + IH - 3))
xdotool click 3
wait_for 10 new_popup "$WORK/before" || fail "no menu appeared"
MENU=$(new_popup "$WORK/before")
sleep 0.3
eval "$(xdotool getwindowgeometry --shell "$MENU")"
shot "$X" "$Y" "$WIDTH" "$HEIGHT" "$OUT/tray-menu.png"
xdotool key Escape

kill "$KEYMON_PID" && wait "$KEYMON_PID" || true
grep -e '^tray' -e '^update' -e '^start-up' -e '^fallback' -e '^notified' -e '^balloon' \
    -e '^tooltip' -e '^menu' "$WORK/keymon.log" || true
