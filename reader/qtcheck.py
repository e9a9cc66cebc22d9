"""Turn a failed Qt import into words: which system library is missing and how to get it."""

from __future__ import annotations

import re

# The Debian/Ubuntu packages that provide the libraries the Qt wheels load on Linux.
QT_SYSTEM_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libX11.so.6": "libx11-6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
}


def explain_qt_import_error(error: ImportError) -> str:
    """A message naming the missing library and the command that installs it."""
    text = str(error)
    match = re.search(r"(lib[\w.+-]+\.so(?:\.\d+)*)", text)
    if match:
        library = match.group(1)
        package = QT_SYSTEM_PACKAGES.get(library)
        hint = (
            f"Install it with: sudo apt-get install {package}"
            if package
            else "Install the package that provides it with your system's package manager."
        )
        return (
            f"field-reader: Qt cannot start because the system library {library} is missing.\n"
            f"{hint}\nAll libraries Qt needs on Debian/Ubuntu: sudo apt-get install "
            + " ".join(sorted(set(QT_SYSTEM_PACKAGES.values())))
        )
    return (
        f"field-reader: a required module could not be loaded ({text}). "
        "Reinstall Field Reader's dependencies (see the README's Quick start)."
    )
