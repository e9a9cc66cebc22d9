"""The `profiles` command: list, add, rename and remove the readers of a shared data folder."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader.cli import UsageError, shared_data_dir
from reader.core.i18n import translate
from reader.core.profile_removal import remove_profile
from reader.core.profiles import Profile, ProfileError, ProfileRegistry

DESCRIPTION = """\
List, add, rename or remove the readers (profiles) of the data folder, so that a lab
computer with one login for many students can be set up from a script.

Each reader has their own notes, settings, places in chapters and sync folder. When
there are two readers or more, the window asks "Who is reading?" at start, and
--profile NAME picks one without asking. Profiles keep work apart; they do not protect
it: anyone using the same login can open any reader.

  field-reader profiles list [--json]
  field-reader profiles add NAME
  field-reader profiles rename OLD NEW
  field-reader profiles remove NAME --yes

Removing a reader first keeps a zip of their files in backups/removed-readers/ (their
name and the date in the file name), then deletes them; the last reader cannot be
removed. Exit status 0 when done, 1 when it could not be done, 2 for a usage error."""


def _folder_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="the data folder the readers share (default: the user data folder)",
    )
    parser.add_argument(
        "--portable",
        action="store_true",
        default=argparse.SUPPRESS,
        help="the 'data' folder next to the program",
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `profiles` command and its actions."""
    parser = subparsers.add_parser(
        "profiles",
        help="list, add, rename or remove the readers",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _folder_options(parser)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help="list the readers (the last one used is marked)")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    add = actions.add_parser("add", help="add a reader")
    add.add_argument("name", metavar="NAME", help="the new reader's name")
    rename = actions.add_parser("rename", help="rename a reader (their files stay)")
    rename.add_argument("old", metavar="OLD", help="the reader's name now")
    rename.add_argument("new", metavar="NEW", help="the new name")
    remove = actions.add_parser(
        "remove", help="remove a reader, keeping a backup zip of their files"
    )
    remove.add_argument("name", metavar="NAME", help="the reader to remove")
    remove.add_argument("--yes", action="store_true", help="really remove (required)")
    for action in (listing, add, rename, remove):
        _folder_options(action)
    parser.set_defaults(handler=cmd_profiles, action=None)


def cmd_profiles(args: argparse.Namespace) -> int:
    """Run one action on the readers; a refused change prints why and exits 1."""
    if args.action is None:
        raise UsageError("say what to do: profiles list, add NAME, rename OLD NEW, remove NAME")
    root = shared_data_dir(args)
    registry = ProfileRegistry(root)
    try:
        if args.action == "list":
            return _list(registry, as_json=args.json)
        if args.action == "add":
            profile = registry.add(args.name)
            print(
                translate("Profiles", "Added {name} ({folder}).").format(
                    name=profile.name, folder=profile.root(root)
                )
            )
        elif args.action == "rename":
            renamed = registry.rename(_existing(registry, args.old), args.new)
            print(translate("Profiles", "Renamed to {name}.").format(name=renamed.name))
        else:
            return _remove(registry, args.name, yes=args.yes)
    except ProfileError as error:
        print(f"field-reader: {error.message}", file=sys.stderr)
        return 1
    return 0


def _existing(registry: ProfileRegistry, name: str) -> Profile:
    try:
        return registry.find(name)
    except ProfileError as error:
        raise UsageError(error.message) from None


def _list(registry: ProfileRegistry, *, as_json: bool) -> int:
    loaded = registry.load()
    if loaded.notice:
        print(f"field-reader: {loaded.notice}", file=sys.stderr)
    if as_json:
        items = [
            {
                "name": p.name,
                "folder": str(p.root(registry.shared_root)),
                "last": p.folder == loaded.last,
            }
            for p in loaded.profiles
        ]
        print(json.dumps({"profiles": items}, ensure_ascii=False, indent=2))
        return 0
    mark = translate("Profiles", "(last used)")
    for profile in loaded.profiles:
        last = f"  {mark}" if profile.folder == loaded.last and len(loaded.profiles) > 1 else ""
        print(f"{profile.name}{last}")
    return 0


def _remove(registry: ProfileRegistry, name: str, *, yes: bool) -> int:
    profile = _existing(registry, name)
    if not yes:
        raise UsageError(
            translate(
                "Profiles",
                "removing {name} deletes their notes and settings from this computer (a "
                "backup zip is kept). Add --yes to remove them.",
            ).format(name=profile.name)
        )
    from reader.ui.profile_claim import window_closed_on

    with window_closed_on(profile.root(registry.shared_root)) as closed:
        if not closed:
            raise ProfileError(
                translate(
                    "Profiles", "{name} is open in a Field Reader window: close it first."
                ).format(name=profile.name)
            )
        removal = remove_profile(registry, profile)
    print(
        translate("Profiles", "Removed {name}; their files are kept in {backup}.").format(
            name=profile.name, backup=removal.backup
        )
    )
    for path in removal.left:
        print(
            "field-reader: "
            + translate("Profiles", "{path} could not be deleted.").format(path=path),
            file=sys.stderr,
        )
    return 0
