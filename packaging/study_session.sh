#!/usr/bin/env bash
# A student's session with the real program on a virtual display, as screenshots.
#
# A manual acceptance aid, not part of the test suite: it starts Xvfb, runs Field Reader
# (xcb platform) at 700x500 and at 1600x1000, drives it with xdotool the way a student
# would (keyboard first), and writes numbered PNGs and a PDF to OUT for a person to look
# at. Nothing is asserted. There is no window manager, so every key goes to a window
# named on purpose (xdotool windowfocus) rather than to whatever has the focus.
#
# Needs: xvfb xdotool imagemagick poppler-utils x11-utils (apt-get install -y ...).
# Usage: packaging/study_session.sh [OUT]   (default /tmp/study-session)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY="$ROOT/.venv/bin/python"
OUT=${1:-/tmp/study-session}
COURSES=${COURSES:-/work/shared/courses}
SCREEN=${SCREEN_NUMBER:-77}
export DISPLAY=":$SCREEN"
mkdir -p "$OUT"
rm -rf "$OUT/data" "$OUT/data-courses"

Xvfb "$DISPLAY" -screen 0 1920x1200x24 >"$OUT/xvfb.log" 2>&1 &
XVFB=$!
APP=""
cleanup() {
    [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
    kill "$XVFB" 2>/dev/null || true
}
trap cleanup EXIT
sleep 1

N=0
shot() { # shot NAME WIDTHxHEIGHT: the top-left corner of the screen, where the window is
    sleep 0.7
    N=$((N + 1))
    local file
    file=$(printf '%s/%02d-%s.png' "$OUT" "$N" "$1")
    import -window root "$file"
    mogrify -crop "${2:-1920x1200}+0+0" +repage "$file"
    echo "$file"
}
main_window() { xdotool search --name " — Field Reader\$" | head -1; }
dialog() { xdotool search --onlyvisible --name "^$1\$" | head -1; }
keys() { # keys KEY...: to the main window, one after another
    xdotool windowfocus --sync "$(main_window)"
    xdotool key --delay 120 "$@"
    sleep 0.4
}
into() { # into WINDOW-TITLE KEYS...: to a dialog
    local win
    win=$(dialog "$1")
    shift
    xdotool windowfocus --sync "$win"
    xdotool key --delay 120 "$@"
    sleep 0.4
}
start() { # start SIZE ARGS...: run the reader and wait for its window
    "$PY" -m reader "${@:2}" >>"$OUT/reader.log" 2>&1 &
    APP=$!
    for _ in $(seq 50); do
        [ -n "$(main_window)" ] && break
        sleep 0.2
    done
    sleep 1
    xdotool windowmove "$(main_window)" 0 0
    xdotool windowsize "$(main_window)" "${1%x*}" "${1#*x}"
    sleep 0.8
}
quit() {
    keys ctrl+q
    wait "$APP" || true
    APP=""
}

# -- Session 1: the bundled library at 700x500 -------------------------------------------
S=720x520
start 700x500 --data-dir "$OUT/data"
shot start $S
keys ctrl+1 Down Down Down
shot contents-keyboard $S
keys Return
shot section-opened $S
keys F7 Down shift+ctrl+Right shift+ctrl+Right shift+ctrl+Right
shot caret-selection $S
keys ctrl+h
shot highlighted $S
keys Down Down shift+End ctrl+shift+n
xdotool windowfocus --sync "$(dialog Note)"
xdotool type --delay 30 "Globalization cuts both ways: check the examples later."
xdotool key ctrl+Return
shot note-added $S
keys ctrl+f
xdotool type --delay 40 "dislocation"
keys Return
shot find-match $S
keys ctrl+h # the page must stay where it is
shot find-match-highlighted $S
keys Escape ctrl+d
shot bookmarked $S
keys ctrl+2
shot notes-list $S
keys shift+F10
shot note-menu $S
keys Escape
xdotool windowsize "$(main_window)" 1000 700
shot resized 1020x720
xdotool windowsize "$(main_window)" 700 500
shot resized-back $S
keys ctrl+shift+l
shot theme-sepia $S
keys ctrl+shift+l
shot theme-dark $S
keys F1
shot guide
xdotool key Escape
keys ctrl+slash
shot shortcuts
xdotool key Escape
# File > Save as PDF..., notes as footnotes, a file name typed into Qt's file dialog.
keys alt+f d
into "Save as PDF" alt+n Down Return
into "Save as PDF" ctrl+a
xdotool type --delay 20 "$OUT/session.pdf"
xdotool key Return
sleep 3
shot pdf-saved $S
quit
pdftoppm -png -r 60 "$OUT/session.pdf" "$OUT/pdf-page" || echo "no PDF was written"
start 700x500 --data-dir "$OUT/data"
shot restarted-place-notes-theme $S # dark theme, the same place, notes and progress marks
keys ctrl+2
shot restarted-notes $S
xdotool windowsize "$(main_window)" 1600 1000
keys ctrl+shift+l # back to light for session 2
shot big-window-bookmark-ribbon 1620x1020
quit

# -- Session 2: real courses at 1600x1000 ------------------------------------------------
S=1620x1020
if [ -d "$COURSES/iot-for-beginners" ]; then
    start 1600x1000 --data-dir "$OUT/data-courses" --content "$COURSES/iot-for-beginners"
    shot iot-first-page $S
    keys ctrl+1 End Return # the last module's entry
    shot iot-contents-end $S
    xdotool mousemove 150 107 click 1 # the Filter chapters field
    xdotool type --delay 40 "soil"
    shot iot-filtered $S
    keys Down Return
    shot iot-lesson $S
    keys ctrl+0 Next Next Next
    shot iot-lesson-code-figures $S
    keys alt+Left
    shot iot-back $S
    quit
fi
if [ -d "$COURSES/python-novice-inflammation" ]; then
    start 1600x1000 --data-dir "$OUT/data-courses" --content "$COURSES/python-novice-inflammation"
    shot carpentries-first-page $S
    xdotool mousemove 150 107 click 1
    xdotool type --delay 40 "fundamentals"
    keys Return
    shot carpentries-episode $S
    # Contents > a Solution heading: the box opens; a click on its title folds it again.
    keys ctrl+1 End Up Return
    shot carpentries-solution-open $S
    keys ctrl+1 End Return
    shot carpentries-solution-keyboard $S
    quit
fi
echo "Screenshots and the PDF's pages are in $OUT"
