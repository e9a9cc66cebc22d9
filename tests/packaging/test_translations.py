"""The shipped translations: complete, faithful to the source strings, and current with the code.

Every source string of the code has a finished translation in each shipped language, with
the same `{placeholders}`, `%n` counts and one `&` accelerator where the source has one;
the .ts files list exactly the strings lupdate finds in the code today, and the .qm files
are what lrelease makes of them.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "translations", ROOT / "packaging" / "translations.py"
)
assert _spec is not None and _spec.loader is not None
translations = importlib.util.module_from_spec(_spec)
sys.modules["translations"] = translations
_spec.loader.exec_module(translations)

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _marks(text: str) -> tuple[list[str], int, int]:
    """The placeholders (sorted), the %n count and the number of & accelerators of `text`."""
    accelerators = len(re.findall(r"&(?!&)\w", text))
    return sorted(PLACEHOLDER.findall(text)), text.count("%n"), accelerators


def problems_of(ts: Path) -> list[str]:
    """Every message of `ts` left untranslated or translated unfaithfully, in words."""
    found = []
    for message in translations.read_ts(ts):
        where = f"{message.context}: {message.source!r}"
        if not message.finished:
            found.append(f"{where} is not translated (unfinished)")
            continue
        for form in message.translations:
            if not form.strip():
                found.append(f"{where} has an empty translation")
            elif _marks(form) != _marks(message.source):
                found.append(f"{where} -> {form!r}: placeholders, %n or & differ")
    return found


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_every_source_string_has_a_faithful_translation(language: str) -> None:
    ts = translations.ts_file(language)
    messages = translations.read_ts(ts)
    assert len(messages) > 300  # the whole interface, not a sample
    problems = problems_of(ts)
    assert not problems, f"{len(problems)} problems in {ts.name}:\n" + "\n".join(problems[:40])


def test_the_check_finds_an_untranslated_or_unfaithful_string(tmp_path: Path) -> None:
    source = translations.ts_file("fr").read_text(encoding="utf-8")
    broken = tmp_path / "broken.ts"
    # One translation loses its placeholder, another is marked unfinished.
    broken.write_text(
        source.replace(
            "<translation>{path} n’existe pas.",
            "<translation>Le chemin n’existe pas.",
            1,
        ).replace(
            "<translation>&amp;Fichier</translation>",
            '<translation type="unfinished">&amp;Fichier</translation>',
            1,
        ),
        encoding="utf-8",
    )
    problems = problems_of(broken)
    assert len(problems) == 2
    assert any("does not exist" in p and "differ" in p for p in problems)
    assert any("&File" in p and "unfinished" in p for p in problems)


def test_the_ts_files_match_the_code_and_the_qm_files_match_the_ts() -> None:
    reasons = translations.stale_reasons()
    assert not reasons, "run ./dev.sh translations:\n" + "\n".join(reasons)


def test_a_new_string_in_the_code_makes_the_ts_files_stale(tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    for language in translations.LANGUAGES:
        for path in (translations.ts_file(language), translations.qm_file(language)):
            (folder / path.name).write_bytes(path.read_bytes())
    extra = tmp_path / "added.py"
    extra.write_text(
        "from reader.core.i18n import translate\n\n"
        'X = translate("Probe", "A string added today")\n',
        encoding="utf-8",
    )
    reasons = translations.stale_reasons(folder, [*translations.source_files(), extra])
    assert any("A string added today" in reason for reason in reasons)
    assert len(reasons) == len(translations.LANGUAGES)
