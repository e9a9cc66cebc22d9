"""Translation of user-visible text, usable from the Qt-free core.

Every string a user reads goes through `translate(context, text)`. The core cannot import
Qt, so the function looks the text up through a translator the Qt shell installs at
start (`install(QCoreApplication.translate)`); without one (plain pytest, the command
line before Qt starts) the text is returned as written, in English.

How `pyside6-lupdate` (packaging/translations.py runs it) finds the strings, checked on
PySide6 6.11: it reads any call *named* `translate(...)`, `self.tr(...)`,
`QCoreApplication.translate(...)` or `QT_TRANSLATE_NOOP(...)` whose context and text are
string literals (adjacent literals are joined), whatever module the name comes from. So:

- import the function as `from reader.core.i18n import translate` and call it by that
  name (an alias such as `_` is not seen; `i18n.translate(...)` is);
- pass literals, never f-strings or variables; placeholders are `{name}` filled by
  `.format(name=...)` after translation;
- pass a count positionally, `translate("Ctx", "%n note(s)", None, count)` (lupdate does
  not read keyword arguments: `n=count` would hide the string). lupdate marks such a
  message as plural only when the count is a number literal, so a plural is written with
  marks, "(s)" or "(es)", in the source and in each translation, and `translate` keeps or
  drops them by the count and the language's rule (see `_SINGULAR`);
- a string defined in a table (module level) is marked with `QT_TRANSLATE_NOOP("Ctx",
  "Text")` below and translated where it is shown, with `translate("Ctx", value)`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["QT_TRANSLATE_NOOP", "Translator", "install", "language", "number", "translate"]

Translator = Callable[[str, str, "str | None", int], str]

_translator: Translator | None = None


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the interface language (`context` groups it, as Qt's translate does).

    With a count `n` (passed positionally, see above), "%n" becomes the number and the
    plural marks "(s)" and "(es)" of the translated text read as the number needs in the
    interface language: "%n match(es)" is "1 match", "3 matches"; in French
    "%n correspondance(s)" is "0 correspondance", "2 correspondances".
    """
    # Looked up without the count: Qt would look for the plural form of `n`, and these
    # messages have one form (see above).
    shown = text if _translator is None else _translator(context, text, disambiguation, -1)
    if n < 0:
        return shown
    shown = shown.replace("%n", str(n))
    return _PLURAL_MARK.sub("" if _singular(n) else r"\1", shown)


# Plural marks, read after translation: lupdate (PySide6 6.11) marks a message as plural
# only when its count is a number literal, so the forms live in one string instead.
_PLURAL_MARK = re.compile(r"\((e?s)\)")
# Which counts take the singular, by language (French says "0 note", "1 note").
_SINGULAR: dict[str, Callable[[int], bool]] = {"fr": lambda n: n in (0, 1)}


def _english_singular(n: int) -> bool:
    return n == 1


_singular: Callable[[int], bool] = _english_singular
_language = "en"
# How each language groups the thousands of a number written in a message.
_THOUSANDS = {"fr": "\u202f", "es": "."}


def install(translator: Translator | None, language: str = "en") -> None:
    """Use `translator` for every later `translate` call (None: English as written), with
    the plural rule of `language`."""
    global _translator, _singular, _language
    _translator = translator
    _singular = _SINGULAR.get(language, _english_singular)
    _language = language if translator is not None else "en"


def language() -> str:
    """The code of the language `translate` answers in ("en" when nothing is installed).

    Caches that keep translated text name their files after it (reader/core/data_folder.py).
    """
    return _language


def number(value: int) -> str:
    """`value` with its thousands grouped as the interface language writes them
    ("20,000"; in French "20 000" with a narrow no-break space; in Spanish "20.000")."""
    return f"{value:,}".replace(",", _THOUSANDS.get(_language, ","))


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for lupdate where it is defined (a module-level table) and return it as is;
    translate it where it is shown, with `translate(context, text)` and the same context."""
    return text
