"""Build the standalone Field Reader with PyInstaller: one command, output in dist/.

    python packaging/build.py              # one-folder build + its archive (the default)
    python packaging/build.py --onefile    # one self-unpacking executable
    python packaging/build.py --baseline   # the bare QTextBrowser program, for measure.py

One folder:  dist/field-reader/ and, on Linux, dist/field-reader-<version>-linux-<arch>.tar.gz
One file:    dist/onefile/field-reader (field-reader.exe on Windows)
Baseline:    dist/baseline/bare-browser/ and dist/baseline/bare-browser-<platform>.tar.gz
macOS also gets dist/Field Reader.app. See packaging/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "field-reader.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def version() -> str:
    """reader.__version__, read from the source without importing anything else."""
    namespace: dict[str, str] = {}
    exec((ROOT / "reader" / "__init__.py").read_text(encoding="utf-8"), namespace)
    return namespace["__version__"]


def isolated_env(work: Path) -> dict[str, str]:
    """This environment with Qt offscreen and every per-user folder inside `work`."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(work / "home"),
        "XDG_CONFIG_HOME": str(work / "config"),
        "XDG_DATA_HOME": str(work / "share"),
        "XDG_CACHE_HOME": str(work / "cache"),
    }


def platform_tag() -> str:
    """linux-x86_64, windows-amd64, macos-arm64, ..."""
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower()}"


def tree_size(path: Path) -> int:
    """Bytes of the files under `path` (symbolic links count as nothing)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def archive(folder: Path, out_stem: Path, top: str) -> Path:
    """Pack `folder` as `top/` into a .tar.gz (zip on Windows); returns the archive."""
    if sys.platform == "win32":
        out = out_stem.with_name(out_stem.name + ".zip")
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(folder.rglob("*")):
                zf.write(path, Path(top) / path.relative_to(folder))
        return out
    out = out_stem.with_name(out_stem.name + ".tar.gz")
    with tarfile.open(out, "w:gz", compresslevel=9) as tar:
        # Symbolic links (PyInstaller links Qt's libraries) are stored as links.
        tar.add(folder, arcname=top)
    return out


def run_pyinstaller(distpath: Path, workpath: Path, spec_args: list[str]) -> None:
    """Run PyInstaller on the spec; exits with its status when it fails."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(distpath),
        "--workpath",
        str(workpath),
        str(SPEC),
        "--",
        *spec_args,
    ]
    print("+", " ".join(command), flush=True)
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode:
        raise SystemExit(f"build.py: PyInstaller failed with status {result.returncode}")


def build(*, onefile: bool, baseline: bool, no_trim: bool, make_archive: bool) -> Path:
    """Build one variant; returns the folder or file produced."""
    spec_args = [
        *(["--onefile"] if onefile else []),
        *(["--baseline"] if baseline else []),
        *(["--no-trim"] if no_trim else []),
    ]
    variant = "-".join(["baseline" if baseline else "app", "onefile" if onefile else "onedir"])
    if no_trim:
        variant += "-untrimmed"
    distpath = DIST
    if baseline:
        distpath = DIST / ("baseline-untrimmed" if no_trim else "baseline")
    elif onefile or no_trim:
        distpath = DIST / variant.removeprefix("app-")
    name = "bare-browser" if baseline else "field-reader"
    started = time.monotonic()
    run_pyinstaller(distpath, WORK / variant, spec_args)
    exe_suffix = ".exe" if sys.platform == "win32" else ""
    product = distpath / (name + exe_suffix if onefile else name)
    if not onefile and not baseline:
        # The Linux desktop entry travels with the build (see README: desktop entry).
        shutil.copy2(ROOT / "packaging" / "field-reader.desktop", product)
    print(f"build.py: {product.relative_to(ROOT)}  {tree_size(product) / 1e6:.1f} MB", flush=True)
    if make_archive and not onefile:
        stem = f"{name}-{platform_tag()}" if baseline else f"{name}-{version()}-{platform_tag()}"
        top = name if baseline else f"{name}-{version()}"
        packed = archive(product, distpath / stem, top)
        print(f"build.py: {packed.relative_to(ROOT)}  {packed.stat().st_size / 1e6:.1f} MB")
    print(f"build.py: done in {time.monotonic() - started:.0f} s")
    return product


def main(argv: list[str] | None = None) -> int:
    """Parse the options and build."""
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build the standalone Field Reader with PyInstaller (output in dist/).",
    )
    parser.add_argument("--onefile", action="store_true", help="one self-unpacking executable")
    parser.add_argument(
        "--baseline", action="store_true", help="the bare QTextBrowser program (for measure.py)"
    )
    parser.add_argument(
        "--no-trim", action="store_true", help="keep every Qt file PyInstaller collects"
    )
    parser.add_argument("--no-archive", action="store_true", help="skip the .tar.gz")
    args = parser.parse_args(argv)
    build(
        onefile=args.onefile,
        baseline=args.baseline,
        no_trim=args.no_trim,
        make_archive=not args.no_archive,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
