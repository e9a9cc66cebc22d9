"""Smoke test of the frozen Field Reader: does the built program really work?

    python packaging/smoke_test.py [--build] [--onefile]

Builds the one-folder program first when it is missing or older than the sources (always
with --build), then runs the frozen executable:

  version     `field-reader --version` prints "Field Reader <version>"
  screenshot  `field-reader screenshot` of the bundled chapter, offscreen, gives a PNG
              whose reading column shows lines of dark text on a light page
  check       `field-reader check --json` on the bundled library exits 1 with exactly
              the 4 expected problems, all "missing-image"
  xcb         (when Xvfb is installed) the window opens on a real X server and stays up
  read-only   none of the runs added or changed a file inside the bundle

Each failing step says which one failed and why; the exit status is 1 if any failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import build as builder  # noqa: E402  (packaging/build.py)

EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
# Windows: the windowed field-reader.exe cannot print; its console twin can.
CLI_NAME = "field-reader-cli" if sys.platform == "win32" else "field-reader"
EXPECTED_PROBLEMS = 4
TIMEOUT = 120


class StepFailed(Exception):
    """A smoke test step did not give the expected result."""


def executable(onefile: bool) -> Path:
    """The frozen program the steps run."""
    if onefile:
        return ROOT / "dist" / "onefile" / (CLI_NAME + EXE_SUFFIX)
    if sys.platform == "darwin":
        return ROOT / "dist" / "field-reader" / "field-reader"
    return ROOT / "dist" / "field-reader" / (CLI_NAME + EXE_SUFFIX)


def sources_newer_than(path: Path) -> bool:
    """Whether anything that goes into the build changed after `path` was built."""
    if not path.exists():
        return True
    built = path.stat().st_mtime
    inputs = [ROOT / "reader", ROOT / "content", ROOT / "resources", ROOT / "packaging"]
    return any(
        p.stat().st_mtime > built
        for folder in inputs
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


def run(
    command: list[str], env: dict[str, str], timeout: int = TIMEOUT
) -> subprocess.CompletedProcess[str]:
    """Run the frozen program, capturing its output."""
    try:
        return subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise StepFailed(f"{Path(command[0]).name} did not exit within {timeout} s") from None


def describe(result: subprocess.CompletedProcess[str]) -> str:
    """Exit status and the end of stderr, for failure messages."""
    tail = "\n    ".join(result.stderr.strip().splitlines()[-8:])
    return f"exit status {result.returncode}" + (f"; stderr:\n    {tail}" if tail else "")


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file under the bundle."""
    return {
        str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns)
        for p in folder.rglob("*")
    }


def text_lines_in_column(png: Path) -> tuple[int, float, int]:
    """(lines of text, share of dark pixels, distinct grey levels) in the reading column.

    The column is the middle of the window right of the sidebar; a line of text is a run
    of pixel rows holding dark pixels, separated from the next by a light gap.
    """
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    if image.isNull():
        raise StepFailed(f"{png} is not a readable PNG")
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    data = bytes(grey.constBits())[: stride * height]
    left, right = int(width * 0.30), int(width * 0.90)
    top, bottom = int(height * 0.08), int(height * 0.92)
    dark_total, levels, lines, in_line = 0, set(), 0, False
    for y in range(top, bottom):
        row = data[y * stride + left : y * stride + right]
        levels.update(row)
        dark = sum(1 for value in row if value < 110)
        dark_total += dark
        if dark >= 3 and not in_line:
            lines += 1
        in_line = dark >= 3
    share = dark_total / ((right - left) * (bottom - top))
    return lines, share, len(levels)


def step_version(exe: Path, env: dict[str, str]) -> str:
    result = run([str(exe), "--version"], env)
    expected = f"Field Reader {builder.version()}"
    if result.returncode != 0 or result.stdout.strip() != expected:
        raise StepFailed(
            f"expected {expected!r}, got {result.stdout.strip()!r}; {describe(result)}"
        )
    return expected


def step_screenshot(exe: Path, env: dict[str, str], work: Path) -> str:
    out = work / "chapter.png"
    command = [
        str(exe),
        "screenshot",
        str(out),
        "--data-dir",
        str(work / "data"),
        "--size",
        "1280x800",
        "--theme",
        "light",
    ]
    result = run(command, env)
    if result.returncode != 0:
        raise StepFailed(describe(result))
    if not out.is_file():
        raise StepFailed(f"exit status 0 but no PNG was written at {out}")
    lines, share, levels = text_lines_in_column(out)
    # The seed chapter fills the column with a heading and a long paragraph: about 12
    # lines at 1280x800. A blank page, a missing font or a lone image gives far fewer.
    if lines < 8 or share < 0.01 or levels < 32:
        raise StepFailed(
            f"the PNG does not show text: {lines} text lines, {share:.1%} dark pixels, "
            f"{levels} grey levels in the reading column (kept at {out})"
        )
    kept = ROOT / "dist" / "smoke-test-screenshot.png"
    shutil.copy2(out, kept)
    return f"{lines} lines of text, {share:.1%} dark pixels ({kept.relative_to(ROOT)})"


def step_translations(bundle: Path) -> str:
    """The reader's .qm files and Qt's own for each shipped language are in the bundle."""
    wanted = [
        *(f"field-reader_{language}.qm" for language in ("fr", "es")),
        *(f"qtbase_{language}.qm" for language in ("fr", "es")),
    ]
    found = {path.name for path in bundle.rglob("*.qm")}
    missing = [name for name in wanted if name not in found]
    if missing:
        raise StepFailed(f"translations missing from the bundle: {', '.join(missing)}")
    return f"{len(wanted)} translation files"


def step_check(exe: Path, env: dict[str, str]) -> str:
    result = run([str(exe), "check", "--json"], env)
    if result.returncode != 1:
        raise StepFailed(f"expected exit status 1 (problems found), got {describe(result)}")
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise StepFailed(f"the output is not JSON ({error}): {result.stdout[:200]!r}") from None
    problems = report.get("problems", [])
    kinds = sorted({p.get("kind") for p in problems})
    if len(problems) != EXPECTED_PROBLEMS or kinds != ["missing-image"]:
        raise StepFailed(
            f"expected {EXPECTED_PROBLEMS} missing-image problems, got {len(problems)} "
            f"of kinds {kinds}"
        )
    chapters = len(report.get("chapters", []))
    if chapters < 1:
        raise StepFailed("the bundled library has no chapter")
    return f"{chapters} chapter(s), {len(problems)} missing-image problems as expected"


def missing_xcb_libraries(bundle: Path) -> list[str]:
    """Libraries the xcb platform plugin links that neither the bundle nor this system has.

    They are bundled from the build machine when it has them; when it does not (Debian:
    libxcb-icccm4, libxcb-keysyms1, libxcb-cursor0, ...), the frozen program cannot open
    a window on machines that lack them either.
    """
    internal = bundle / "_internal"
    plugin = internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return ["libqxcb.so (the plugin itself)"]
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    ldd = subprocess.run(["ldd", str(plugin)], env=env, capture_output=True, text=True, check=False)
    return [line.split()[0] for line in ldd.stdout.splitlines() if "not found" in line]


def step_xcb(exe: Path, env: dict[str, str], work: Path) -> str:
    """Open the real window on Xvfb: the xcb platform plugin and its libraries load."""
    if sys.platform != "linux":
        return "skipped (not Linux)"
    if exe.parent.name != "onefile":
        missing = missing_xcb_libraries(exe.parent)
        if missing:
            raise StepFailed(
                "the xcb platform plugin needs libraries the build did not bundle: "
                + ", ".join(missing)
                + " (install them on the build machine and rebuild)"
            )
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        return "libraries complete; window not tried (no Xvfb)"
    display = ":97"
    server = subprocess.Popen(
        [xvfb, display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        gui_env = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        gui_env.pop("WAYLAND_DISPLAY", None)
        app = subprocess.Popen(
            [str(exe), "--data-dir", str(work / "data")],
            env=gui_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            _out, err = app.communicate(timeout=6)
        except subprocess.TimeoutExpired:
            app.terminate()
            app.communicate(timeout=10)
            return "the window stayed open for 6 s on Xvfb"
        tail = "\n    ".join(err.strip().splitlines()[-8:])
        raise StepFailed(f"the program exited with status {app.returncode}:\n    {tail}")
    finally:
        server.terminate()
        server.wait(timeout=10)


def main(argv: list[str] | None = None) -> int:
    """Build if needed, run every step, report."""
    parser = argparse.ArgumentParser(prog="smoke_test.py", description=__doc__.split("\n")[0])
    parser.add_argument("--build", action="store_true", help="always build first")
    parser.add_argument("--onefile", action="store_true", help="test the one-file build")
    args = parser.parse_args(argv)

    exe = executable(args.onefile)
    if args.build or sources_newer_than(exe):
        command = [sys.executable, str(ROOT / "packaging" / "build.py"), "--no-archive"]
        if args.onefile:
            command.append("--onefile")
        started = time.monotonic()
        if subprocess.run(command, cwd=ROOT, check=False).returncode != 0 or not exe.exists():
            print("smoke test FAILED at step build: see the PyInstaller output above")
            return 1
        print(f"smoke test: built in {time.monotonic() - started:.0f} s")

    bundle = exe.parent
    results: list[tuple[str, bool, str]] = []
    with tempfile.TemporaryDirectory(prefix="field-reader-smoke-") as tmp:
        work = Path(tmp)
        # Keep every per-user folder (settings, data, caches) inside the test folder.
        env = builder.isolated_env(work)
        before = snapshot(bundle) if not args.onefile else {}
        steps: list[tuple[str, Callable[[], str]]] = [
            ("version", lambda: step_version(exe, env)),
            ("screenshot", lambda: step_screenshot(exe, env, work)),
            ("check", lambda: step_check(exe, env)),
            ("xcb", lambda: step_xcb(exe, env, work)),
        ]
        if not args.onefile:
            steps.append(("translations", lambda: step_translations(bundle)))
        for name, step in steps:
            try:
                results.append((name, True, step()))
            except StepFailed as error:
                results.append((name, False, str(error)))
        if not args.onefile:
            after = snapshot(bundle)
            changed = sorted(
                k for k in after.keys() | before.keys() if after.get(k) != before.get(k)
            )
            results.append(
                (
                    "read-only",
                    not changed,
                    "the bundle is unchanged"
                    if not changed
                    else "files inside the bundle changed: " + ", ".join(changed[:10]),
                )
            )

    for name, ok, detail in results:
        print(f"smoke test: {name:<10} {'ok' if ok else 'FAILED'}  {detail}")
    failed = [name for name, ok, _ in results if not ok]
    if failed:
        print(f"smoke test FAILED at step(s): {', '.join(failed)}")
        return 1
    print(f"smoke test passed: {exe.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
