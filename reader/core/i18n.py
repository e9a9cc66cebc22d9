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
- pass a count positionally, `translate("Ctx", "%n note(s)", None, count)`: lupdate
  does not read keyword arguments, so `n=count` would lose the plural;
- a string defined in a table (module level) is marked with `QT_TRANSLATE_NOOP("Ctx",
  "Text")` below and translated where it is shown, with `translate("Ctx", value)`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["QT_TRANSLATE_NOOP", "Translator", "install", "translate"]

Translator = Callable[[str, str, "str | None", int], str]

_translator: Translator | None = None


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the interface language (`context` groups it, as Qt's translate does).

    With a count `n` (passed positionally: lupdate reads only positional arguments), "%n"
    becomes the number; in English (no translator) "(s)" and "(es)" then read as the
    number needs: "%n match(es)" is "1 match", "3 matches".
    """
    if _translator is None:
        return text if n < 0 else _english_plural(text, n)
    return _translator(context, text, disambiguation, n)


def _english_plural(text: str, n: int) -> str:
    return _PLURAL_MARK.sub("" if n == 1 else r"\1", text.replace("%n", str(n)))


_PLURAL_MARK = re.compile(r"\((e?s)\)")


def install(translator: Translator | None) -> None:
    """Use `translator` for every later `translate` call (None: English as written)."""
    global _translator
    _translator = translator


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for lupdate where it is defined (a module-level table) and return it as is;
    translate it where it is shown, with `translate(context, text)` and the same context."""
    return text
