"""Update the translation sources from the code and compile them: the one translations command.

    .venv/bin/python packaging/translations.py          # (or ./dev.sh translations)
    .venv/bin/python packaging/translations.py --check  # change nothing; fail if out of date

Qt's lupdate reads every module of reader/ and brings resources/translations/
field-reader_<lang>.ts up to date: new source strings are added untranslated
(type="unfinished"), strings no longer in the code are dropped, translations of unchanged
strings are kept. lrelease then compiles each .ts into the .qm file the reader loads. Both
are committed: the reader, the tests and the standalone build use the .qm files as they are.
The .ts files carry no line numbers, so moving code around does not change them.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "reader"
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = "field-reader"
# The shipped languages besides English (the language the code is written in).
LANGUAGES = ("fr", "es")
QT_LANGUAGE = {"fr": "fr_FR", "es": "es_ES"}


def ts_file(language: str, folder: Path = TRANSLATIONS) -> Path:
    """The translation source of `language`."""
    return folder / f"{CATALOGUE}_{language}.ts"


def qm_file(language: str, folder: Path = TRANSLATIONS) -> Path:
    """The compiled translation of `language`, as the reader loads it."""
    return folder / f"{CATALOGUE}_{language}.qm"


def qt_tool(name: str) -> Path:
    """Qt's `lupdate` or `lrelease`, as the PySide6 wheel ships it."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.is_file():
            return candidate
    found = shutil.which(f"pyside6-{name}")
    if found:
        return Path(found)
    raise SystemExit(f"translations: Qt's {name} was not found beside PySide6 in {folder}.")


def source_files() -> list[Path]:
    """Every module whose strings are translated: the whole reader package."""
    return sorted(SOURCES.rglob("*.py"))


def run_lupdate(ts: Path, language: str, sources: list[Path] | None = None) -> None:
    """Bring `ts` up to date with the code (`sources`, by default the whole reader package;
    creating it when missing)."""
    command = [
        str(qt_tool("lupdate")),
        *(str(p) for p in (sources if sources is not None else source_files())),
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "en",
        "-target-language",
        QT_LANGUAGE[language],
        "-ts",
        str(ts),
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"translations: lupdate failed:\n{result.stdout}{result.stderr}")


def run_lrelease(ts: Path, qm: Path) -> None:
    """Compile `ts` into `qm` (unfinished strings are left out: they show in English)."""
    command = [str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"translations: lrelease failed:\n{result.stdout}{result.stderr}")


@dataclass(frozen=True)
class Message:
    """One source string of a .ts file and what it is translated to."""

    context: str
    source: str
    comment: str
    plural: bool
    finished: bool
    translations: tuple[str, ...]


def read_ts(ts: Path) -> list[Message]:
    """The messages of a .ts file, in file order."""
    messages = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms: tuple[str, ...] = ()
            finished = False
            if translation is not None:
                finished = translation.get("type") is None
                numerus = translation.findall("numerusform")
                texts = numerus if numerus else [translation]
                forms = tuple(f.text or "" for f in texts)
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source", ""),
                    comment=message.findtext("comment", ""),
                    plural=message.get("numerus") == "yes",
                    finished=finished,
                    translations=forms,
                )
            )
    return messages


def source_keys(ts: Path) -> set[tuple[str, str, str]]:
    """(context, source, comment) of every message in `ts`."""
    return {(m.context, m.source, m.comment) for m in read_ts(ts)}


def stale_reasons(folder: Path = TRANSLATIONS, sources: list[Path] | None = None) -> list[str]:
    """What is out of date in `folder`: a .ts behind the code (`sources`, by default the
    reader package), a .qm behind its .ts."""
    reasons = []
    with tempfile.TemporaryDirectory(prefix="field-reader-ts-") as scratch:
        for language in LANGUAGES:
            ts = ts_file(language, folder)
            if not ts.is_file():
                reasons.append(f"{ts.name} is missing")
                continue
            fresh = ts_file(language, Path(scratch))
            shutil.copyfile(ts, fresh)
            run_lupdate(fresh, language, sources)
            have, want = source_keys(ts), source_keys(fresh)
            for context, source, _ in sorted(want - have):
                reasons.append(f"{ts.name} lacks {context}: {source!r}")
            for context, source, _ in sorted(have - want):
                reasons.append(f"{ts.name} still has {context}: {source!r}, gone from the code")
            qm = qm_file(language, folder)
            compiled = qm_file(language, Path(scratch))
            run_lrelease(ts, compiled)
            if not qm.is_file() or not filecmp.cmp(qm, compiled, shallow=False):
                reasons.append(f"{qm.name} is not compiled from the current {ts.name}")
    return reasons


def update(folder: Path = TRANSLATIONS) -> None:
    """Update every .ts from the code and compile every .qm."""
    folder.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = ts_file(language, folder)
        run_lupdate(ts, language)
        run_lrelease(ts, qm_file(language, folder))
        messages = read_ts(ts)
        unfinished = sum(not m.finished for m in messages)
        print(f"{ts.relative_to(ROOT)}: {len(messages)} strings, {unfinished} to translate")


def main(argv: list[str] | None = None) -> int:
    """Run the command."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if anything is out of date"
    )
    options = parser.parse_args(argv)
    if options.check:
        reasons = stale_reasons()
        for reason in reasons:
            print(reason)
        if reasons:
            print("Run: ./dev.sh translations (then translate the new strings)")
            return 1
        print("translations are up to date")
        return 0
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())
