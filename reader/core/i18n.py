"""Translation of user-visible text, usable from the Qt-free core.

Every string a user reads goes through `translate(context, text)`. The core cannot import
Qt, so the function looks the text up through a translator the Qt shell installs at
start (`install(QCoreApplication.translate)`); without one (plain pytest, the command
line before Qt starts) the text is returned as written, in English. `lupdate` finds the
calls by their name, so `translate` must be called by that name with literal strings.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["Translator", "install", "translate"]

Translator = Callable[[str, str, "str | None", int], str]

_translator: Translator | None = None


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the interface language (`context` groups it, as Qt's translate does)."""
    if _translator is None:
        return text
    return _translator(context, text, disambiguation, n)


def install(translator: Translator | None) -> None:
    """Use `translator` for every later `translate` call (None: English as written)."""
    global _translator
    _translator = translator
