#!/usr/bin/env bash
# One-command setup for Field Reader on Debian/Ubuntu (Python 3.11+).
#   ./dev.sh run [ARGS...]   set everything up, then open the reader (ARGS go to field-reader)
#   ./dev.sh test [ARGS...]  set everything up, then run the whole test suite (ARGS go to pytest)
#   ./dev.sh lint            ruff and mypy
#   ./dev.sh translations    update resources/translations/*.ts from the code, compile the .qm
#   ./dev.sh setup           only set up
# It creates .venv/ beside this file and installs the package with its test and dev extras.
# System libraries Qt needs are installed with apt-get when running as root (or with
# passwordless sudo); otherwise the script names the missing ones and the command to run.
set -euo pipefail
cd "$(dirname "$0")"

# Libraries the PySide6 wheels load on Linux, as "soname:debian-package".
QT_LIBS=(
  "libEGL.so.1:libegl1" "libGL.so.1:libgl1" "libfontconfig.so.1:libfontconfig1"
  "libfreetype.so.6:libfreetype6" "libX11.so.6:libx11-6" "libglib-2.0.so.0:libglib2.0-0"
  "libxkbcommon.so.0:libxkbcommon0" "libdbus-1.so.3:libdbus-1-3"
  "libxkbcommon-x11.so.0:libxkbcommon-x11-0" "libxcb-cursor.so.0:libxcb-cursor0"
  "libxcb-icccm.so.4:libxcb-icccm4" "libxcb-keysyms.so.1:libxcb-keysyms1"
  "libxcb-image.so.0:libxcb-image0" "libxcb-render-util.so.0:libxcb-render-util0"
  "libxcb-randr.so.0:libxcb-randr0" "libxcb-shape.so.0:libxcb-shape0"
  "libxcb-xkb.so.1:libxcb-xkb1" "libxcb-util.so.1:libxcb-util1"
  "libwayland-cursor.so.0:libwayland-cursor0"
)

say() { printf '%s\n' "dev.sh: $*" >&2; }

apt_install() {
  local runner=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then runner=(sudo -n); else
      say "missing system packages: $*"
      say "install them with:  sudo apt-get install -y $*"
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null; then
    say "missing system packages: $* (no apt-get here: install the equivalents with your package manager)"
    exit 1
  fi
  say "installing system packages: $*"
  "${runner[@]}" apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive "${runner[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

check_system() {
  local missing=() entry lib pkg known fonts
  if [ "$(uname -s)" = "Linux" ]; then
    # Read the lists once (a `| grep -q` would race pipefail with SIGPIPE).
    known=$(ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true)
    for entry in "${QT_LIBS[@]}"; do
      lib=${entry%%:*}; pkg=${entry##*:}
      if [[ "$known" != *"$lib"* ]]; then missing+=("$pkg"); fi
    done
    # Stable text metrics for the reader and its tests.
    fonts=$(fc-list 2>/dev/null || true)
    if [[ "$fonts" != *DejaVu* ]]; then missing+=("fonts-dejavu-core"); fi
    if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
      missing+=("python3-venv")
    fi
    # The test suite opens the frozen build's real window on a virtual X server.
    if [ "${1:-}" = "test" ] && ! command -v Xvfb >/dev/null; then
      missing+=("xvfb" "xauth")
    fi
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    # fontconfig's fc-list comes with fontconfig; make sure it is there to check fonts.
    command -v fc-list >/dev/null || missing+=("fontconfig")
    apt_install "${missing[@]}"
  fi
}

check_python() {
  if ! command -v python3 >/dev/null; then
    say "Python 3.11 or newer is needed: sudo apt-get install -y python3 python3-venv"
    exit 1
  fi
  if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    say "Python 3.11 or newer is needed; this is $(python3 --version 2>&1)."
    exit 1
  fi
}

setup() {
  check_python
  check_system "${1:-}"
  if [ ! -x .venv/bin/python ]; then
    say "creating .venv"
    python3 -m venv .venv
  fi
  local stamp=.venv/.field-reader-installed
  local want
  want=$(cat pyproject.toml | sha256sum | cut -c1-16)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing Field Reader and its dependencies into .venv"
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -e ".[dev]"
    echo "$want" > "$stamp"
  fi
}

command=${1:-run}
[ $# -gt 0 ] && shift
case "$command" in
  setup) setup ;;
  run)
    setup
    if [ "$(uname -s)" = "Linux" ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] \
       && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      say "no display found (DISPLAY is not set): the window cannot open here."
      say "try '.venv/bin/field-reader screenshot page.png' to render it to a file instead."
      exit 1
    fi
    exec .venv/bin/field-reader "$@" ;;
  test)
    setup test
    export QT_QPA_PLATFORM=offscreen
    exec .venv/bin/python -m pytest "$@" ;;
  lint)
    setup
    .venv/bin/ruff check reader tests benchmarks packaging
    .venv/bin/ruff format --check reader tests benchmarks packaging
    .venv/bin/mypy ;;
  translations)
    setup
    exec .venv/bin/python packaging/translations.py "$@" ;;
  *) say "unknown command '$command' (use run, test, lint, translations or setup)"; exit 2 ;;
esac
