"""The interface language: Qt translators for the reader's text and Qt's own, and View › Language.

At start (reader/ui/app.py `build_window`) `apply_language` installs, for the language
chosen in the settings (`interface/language`: "system", the default, follows the system's
language), the reader's translation (resources/translations/field-reader_xx.qm), Qt's own
(qtbase_xx.qm: the standard buttons of dialogs) and hooks reader.core.i18n to
QCoreApplication.translate so that messages made in the Qt-free core are translated too.
English loads no file at all. View › Language (reader/ui/language_menu.py) saves another
choice and reopens the window in that language, at the same place.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.core import i18n
from reader.paths import resource

SYSTEM = "system"
ENGLISH = "en"
# The shipped languages, each named in its own language (the menu shows them so, whatever
# the interface language is, so that a reader lost in a foreign one finds their own).
LANGUAGE_NAMES = {ENGLISH: "English", "fr": "Français", "es": "Español"}
LANGUAGE_CHOICES = (SYSTEM, *LANGUAGE_NAMES)
SETTINGS_KEY = "interface/language"
CATALOGUE = "field-reader"
_TRANSLATOR_NAME = "fieldReaderTranslator"
_LANGUAGE_PROPERTY = "fieldReaderLanguage"  # on the application: the language shown now


def translations_dir() -> Path:
    """Where the reader's .ts sources and compiled .qm files are."""
    return resource("translations")


def system_language() -> str:
    """The shipped language the system asks for first, else English."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGE_NAMES:
            return code
    return ENGLISH


def resolve_language(choice: str) -> str:
    """The language code a setting means: "system" follows the system, unknown means English."""
    if choice == SYSTEM:
        return system_language()
    return choice if choice in LANGUAGE_NAMES else ENGLISH


def _qt_translation_dirs() -> list[Path]:
    """Where Qt's own .qm files may be: Qt's configured folder, then PySide6's own tree
    (the frozen build keeps qtbase_xx.qm there)."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders.append(Path(bundle) / "PySide6" / "Qt" / "translations")
    return folders


def _load(app: QCoreApplication, name: str, folders: list[Path]) -> bool:
    for folder in folders:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            translator.setObjectName(_TRANSLATOR_NAME)
            app.installTranslator(translator)
            return True
        translator.deleteLater()
    return False


def apply_language(choice: str) -> str:
    """Translate the interface into the language `choice` means; returns its code.

    Translators of an earlier choice are removed first. English loads nothing. A missing
    .qm file leaves that part in English rather than failing.
    """
    app = QCoreApplication.instance()
    code = resolve_language(choice)
    if app is None:
        return code
    app.setProperty(_LANGUAGE_PROPERTY, code)
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()
    if code == ENGLISH:
        i18n.install(None)
        return code
    _load(app, f"{CATALOGUE}_{code}", [translations_dir()])
    _load(app, f"qtbase_{code}", _qt_translation_dirs())
    i18n.install(QCoreApplication.translate, code)
    return code


def interface_language() -> str:
    """The language the interface is shown in now ("en" when nothing is translated)."""
    app = QCoreApplication.instance()
    code = app.property(_LANGUAGE_PROPERTY) if app is not None else None
    return code if isinstance(code, str) else ENGLISH
