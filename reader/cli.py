"""Command line: open the reader, or run one of its headless commands."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING

from reader import __version__
from reader.paths import DataLocation, bundled_content_dir, resolve_data_dir

if TYPE_CHECKING:
    from reader.core.library import Library

DESCRIPTION = """\
Field Reader: an offline reader for course chapters, with highlights and notes.

Without a command it opens the reader window on the library of chapters."""

EPILOG = "Run 'field-reader COMMAND --help' for the options of a command."

# Modules that add a command: each defines `register(subparsers)`, which adds its parser
# and sets `handler=` (a function taking the parsed arguments and returning the exit status).
COMMAND_MODULES: dict[str, tuple[str, str]] = {
    "search": ("reader.commands_search", "search the chapters and your notes"),
    "export": ("reader.commands_exchange", "export your notes (Markdown, HTML or JSON)"),
    "import": ("reader.commands_exchange", "import notes from a JSON export"),
    "sync": ("reader.commands_exchange", "merge the notes in a sync folder, write this computer's"),
    "recover": ("reader.commands_recover", "recover notes from a damaged notes file"),
    "pdf": ("reader.commands_pdf", "write a chapter or the whole library as a PDF"),
    "profiles": ("reader.commands_profiles", "list, add, rename or remove the readers"),
}


def _wanted_modules(argv: Sequence[str] | None) -> set[str]:
    """The command modules this command line needs: all for help, else only its own.

    Importing every command's code costs a tenth of a second that opening the window
    does not need to pay.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    if any(word in ("-h", "--help") for word in words):
        return {module for module, _ in COMMAND_MODULES.values()}
    return {COMMAND_MODULES[word][0] for word in words if word in COMMAND_MODULES}


class UsageError(Exception):
    """A command-line mistake: reported with exit status 2."""


class QtUnavailable(Exception):
    """Qt could not be loaded (usually a missing system library): exit status 3."""


def _known_error_types() -> tuple[type[Exception], ...]:
    """Errors the environment causes, which main() reports in words with exit status 1."""
    from reader.core.importing import ImportRefused
    from reader.core.pack import PackError
    from reader.storage.db import StorageError

    return (OSError, StorageError, ImportRefused, PackError)


def _ui_app() -> ModuleType:
    """Import the Qt shell, turning a missing system library into words.

    The cyclic garbage collector is paused from here until the window is painted
    (reader/startup_gc.py).
    """
    from reader import startup_gc

    startup_gc.pause()
    try:
        import reader.ui.app as app
    except ImportError as error:
        from reader.qtcheck import explain_qt_import_error

        raise QtUnavailable(explain_qt_import_error(error)) from None
    return app


def add_common_options(parser: argparse.ArgumentParser, *, suppress: bool = True) -> None:
    """Add --content and --data-dir (suppressed defaults so a command never overrides them)."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--content",
        metavar="PATH",
        type=Path,
        default=default,
        help="the library: a folder of chapters or a .zip course pack, read in place "
        "(default: the bundled chapters; in the window, the library open last)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=default,
        help="folder for notes and settings (default: the user data folder)",
    )
    parser.add_argument(
        "--portable",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="keep every user file in the 'data' folder next to the program "
        "(on by itself when that folder exists beside the executable)",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        default=default,
        help="the reader whose notes and settings to use, when several share the data "
        "folder (default: the window asks; commands use the last reader)",
    )


def _window_parser(*, exit_on_error: bool = True) -> argparse.ArgumentParser:
    """The parser of the options that open the window, without any command."""
    parser = argparse.ArgumentParser(
        prog="field-reader",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        exit_on_error=exit_on_error,
    )
    parser.add_argument("--version", action="version", version=f"Field Reader {__version__}")
    add_common_options(parser, suppress=False)
    parser.add_argument("--chapter", metavar="SLUG", help="open this chapter")
    parser.add_argument(
        "--sync-dir",
        metavar="DIR",
        type=Path,
        help="merge the notes exported in DIR at start and on focus, and keep this "
        "machine's export there (overrides the folder set in the window)",
    )
    return parser


def parse_command_line(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line `argv` (default: this process's), parsed.

    A command line that only opens the window is read by the window's own options: the
    parser of every command costs a hundredth of a second that the first paint would
    wait for. Anything else (a command, help, a mistake) goes to the whole parser, which
    also words the errors.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    if not any(word in ("-h", "--help") for word in words):
        with contextlib.suppress(argparse.ArgumentError):
            args, rest = _window_parser(exit_on_error=False).parse_known_args(words)
            if not rest:
                args.command = None
                return args
    return build_parser(words).parse_args(words)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser for the command line `argv` (default: this process's), with
    the commands it names (all of them for help)."""
    parser = _window_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    shot = sub.add_parser(
        "screenshot",
        help="render the window offscreen to a PNG",
        description="Build the real main window offscreen (no display needed), "
        "save it as a PNG and exit.",
    )
    shot.add_argument("out", metavar="OUT.png", type=Path, help="where to write the PNG")
    add_common_options(shot, suppress=True)
    shot.add_argument(
        "--chapter", metavar="SLUG", default=argparse.SUPPRESS, help="chapter to show"
    )
    shot.add_argument(
        "--size", metavar="WxH", default="1280x800", help="window size (default 1280x800)"
    )
    shot.add_argument("--heading", metavar="ID", help="scroll this heading id to the top")
    shot.add_argument(
        "--theme",
        choices=("light", "sepia", "dark"),
        help="reading theme (default: the saved one)",
    )

    check = sub.add_parser(
        "check",
        help="validate a library of chapters",
        description="Validate a library for content authors. Exit 0 when there is "
        "no problem, 1 when problems were found, 2 for a usage error.",
    )
    add_common_options(check, suppress=True)
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.set_defaults(handler=cmd_check)
    shot.set_defaults(handler=cmd_screenshot)
    wanted = _wanted_modules(argv)
    registered: set[str] = set()
    for name, (module, summary) in COMMAND_MODULES.items():
        if module in wanted:
            if module not in registered:
                importlib.import_module(module).register(sub)
                registered.add(module)
        else:
            # Listed (for errors and usage) without loading its code.
            sub.add_parser(name, help=summary)
    return parser


def content_path(args: argparse.Namespace) -> Path:
    """The library (folder or zip pack) named by --content; a usage error when it is absent."""
    content: Path = getattr(args, "content", None) or bundled_content_dir()
    if not content.exists():
        raise UsageError(
            f"The library {content} does not exist. Give a folder of chapters or a .zip "
            "course pack with --content."
        )
    return content


def content_dir(args: argparse.Namespace) -> Path:
    """The library the command works on: a folder, or a zip pack that opens; a usage error
    (with the pack's refusal in words) otherwise."""
    content = content_path(args)
    if content.is_dir():
        return content
    from reader.core.pack import PackError
    from reader.core.zip_pack import is_zip, open_zip

    if not is_zip(content):
        raise UsageError(
            f"{content} is neither a folder of chapters nor a .zip course pack; give one "
            "of those with --content."
        )
    try:
        open_zip(content).close()
    except PackError as error:
        raise UsageError(error.message) from None
    return content


def content_library(args: argparse.Namespace) -> Library:
    """The library the command works on (folder or zip pack); a usage error when refused."""
    from reader.core.pack import PackError, load_pack

    try:
        return load_pack(content_path(args))
    except PackError as error:
        raise UsageError(error.message) from None


def data_location(args: argparse.Namespace) -> DataLocation:
    """Where user data lives for this run (--data-dir, portable mode or the user folder)."""
    location = resolve_data_dir(getattr(args, "data_dir", None), getattr(args, "portable", False))
    if location.notice:
        print(f"field-reader: {location.notice}", file=sys.stderr)
    return location


def data_dir(args: argparse.Namespace) -> Path:
    """The data folder of the reader the command works for, created if needed.

    That is the reader named by --profile, else the last one used (the data folder itself
    while it has only one reader); a usage error when it cannot be created or the reader
    does not exist.
    """
    root = shared_data_dir(args)
    return profile_dir(root, getattr(args, "profile", None), announce=True)


def profile_dir(root: Path, name: str | None, *, announce: bool = False) -> Path:
    """The folder of the reader called `name` (None: the last one used) in data folder `root`.

    With `announce`, a command run where several readers share the folder without naming
    one says on stderr whose notes it uses.
    """
    from reader.core.data_folder import PROFILES_FILE

    if name is None and not (root / PROFILES_FILE).is_file():
        return root  # one reader: the data folder itself, and nothing more to read
    from reader.core.profiles import ProfileError, ProfileRegistry

    registry = ProfileRegistry(root)
    if name is None:
        loaded = registry.load()
        if loaded.notice:
            print(f"field-reader: {loaded.notice}", file=sys.stderr)
        profile = loaded.last_profile
        if announce and len(loaded.profiles) > 1:
            from reader.core.i18n import translate

            message = translate(
                "Command line",
                "using the notes of {name}, the last reader; choose another with --profile NAME.",
            )
            print(f"field-reader: {message.format(name=profile.name)}", file=sys.stderr)
    else:
        try:
            profile = registry.find(name)
        except ProfileError as error:
            raise UsageError(error.message) from None
    return _created(profile.root(root))


def shared_data_dir(args: argparse.Namespace) -> Path:
    """The data folder shared by every reader, created if needed (a usage error if not)."""
    return _created(data_location(args).path)


def _created(data: Path) -> Path:
    """`data`, created if needed; a usage error when that is impossible."""
    try:
        data.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(
            f"The data folder {data} cannot be created ({error.strerror}). "
            "Choose another one with --data-dir."
        ) from None
    return data


def _parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size must look like 1280x800, not {text!r}.") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise UsageError("--size must be between 200x200 and 8000x8000.")
    return width, height


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the library; exit 1 when it has problems."""
    from reader.checks import check_library, format_report

    content = content_path(args)  # a pack that cannot be opened is reported, not refused
    report = check_library(content)
    if args.json:
        import json  # only for this report: the window's start does not pay for it

        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_report(report, content))
    return 1 if report["problems"] else 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    """Render the real main window offscreen into a PNG."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    width, height = _parse_size(args.size)
    content, data = content_dir(args), data_dir(args)
    return _ui_app().take_screenshot(
        content,
        data,
        args.out,
        size=(width, height),
        chapter=getattr(args, "chapter", None),
        heading=args.heading,
        theme=args.theme,
    )


def cmd_open(args: argparse.Namespace) -> int:
    """Open the reader window (asking who is reading when several readers share the folder).

    Without --content the window opens the library open last (see run_gui); a folder or
    .zip that cannot be opened is refused with PackError's words.
    """
    content, location = getattr(args, "content", None), data_location(args)
    if content is not None and not content.exists():
        raise UsageError(f"The library {content} does not exist.")
    data = shared = _created(location.path)
    if args.profile is not None:
        data = profile_dir(shared, args.profile)
        from reader.core.profiles import ProfileRegistry

        registry = ProfileRegistry(shared)
        with contextlib.suppress(OSError):  # a read-only folder: next time asks again
            registry.set_last(registry.find(args.profile))
    return _ui_app().run_gui(
        content,
        data,
        chapter=args.chapter,
        sync_dir=args.sync_dir,
        portable=location.portable,
        notice=location.notice,
        shared_dir=shared if args.profile is not None else None,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    No traceback reaches the user: known problems print one line (status 1, 2 for usage,
    3 without Qt); a bug prints one line naming the log file that holds its traceback
    (status 70).
    """
    _safe_output()
    args: argparse.Namespace | None = None
    previous_hook = sys.excepthook
    try:
        args = parse_command_line(argv)
        handler = getattr(args, "handler", cmd_open)
        # The window runs its slots inside Qt's event loop, which reports an exception
        # through this hook and carries on.
        sys.excepthook = _log_uncaught(args)
        return int(handler(args))
    except UsageError as error:
        print(f"field-reader: {error}", file=sys.stderr)
        return 2
    except QtUnavailable as error:
        print(error, file=sys.stderr)
        return 3
    except BrokenPipeError:
        # The reader of our output (e.g. `| head`) went away: not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("field-reader: interrupted.", file=sys.stderr)
        return 130
    except _known_error_types() as error:
        print(f"field-reader: {_known_message(error)}", file=sys.stderr)
        return 1
    except Exception as error:
        from reader.errorlog import report_internal_error

        return report_internal_error(error, args)
    finally:
        sys.excepthook = previous_hook


def _log_uncaught(args: argparse.Namespace) -> Callable[..., None]:
    """An excepthook that logs a bug and prints the short line, for the window's event loop."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        # Imported only when a bug happens: it costs about 13 ms, before the first paint.
        from reader.errorlog import report_internal_error

        report_internal_error(error, args)

    return hook


def _safe_output() -> None:
    """Let text that cannot be encoded (a file name that is not UTF-8) print escaped."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _known_message(error: Exception) -> str:
    """The words for an error the environment caused (a file, the notes database)."""
    message = getattr(error, "message", None)
    if isinstance(message, str):
        return message
    if isinstance(error, OSError) and error.strerror:
        name = f"{error.filename}: " if error.filename is not None else ""
        return f"{name}{error.strerror}."
    return str(error)
