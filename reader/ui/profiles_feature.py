"""The File menu's Switch Reader… and Manage Readers…, and who is reading in the status bar.

Switching closes this window and opens the other reader's in the same process
(context.request_reopen): everything that reads notes, settings or places starts over.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel

from reader.core.profiles import ROOT_FOLDER, ProfileRegistry
from reader.ui.actions import make_action
from reader.ui.profile_picker import WindowClaim
from reader.ui.window_menus import FILE_READERS

if TYPE_CHECKING:
    from reader.ui.context import AppContext, ReaderWindow
    from reader.ui.profile_picker import ProfilePicker
    from reader.ui.profiles_dialog import ManageReaders


def profile_folder(data_dir: Path, shared_root: Path) -> str:
    """The registry's name for the folder `data_dir` of the shared data folder `shared_root`."""
    if data_dir == shared_root:
        return ROOT_FOLDER
    return Path(os.path.relpath(data_dir, shared_root)).as_posix()


class ProfilesFeature(QObject):
    """Switch Reader…, Manage Readers… and the status bar's "Reader: NAME"."""

    def __init__(self, context: AppContext, window: ReaderWindow, claim: WindowClaim) -> None:
        """Register the actions in the File menu and show who is reading.

        `claim(folder)` holds a reader's window claim while their files are removed
        (reader/ui/profile_claim.py, handed in by app.py so that this module does not
        import the single-instance code, which imports the window).
        """
        main = window.as_widget()
        super().__init__(main)
        self._context = context
        self._window = window
        self._claim = claim
        folder = context.data_folder
        self.registry = ProfileRegistry(folder.shared_root)
        self.current = profile_folder(folder.root, folder.shared_root)
        self.picker: ProfilePicker | None = None
        self.manager: ManageReaders | None = None
        self.switch_action = make_action(
            main,
            self.tr("S&witch Reader…"),
            self.switch,
            "Ctrl+Shift+R",
            tip=self.tr("Choose who is reading"),
        )
        self.manage_action = make_action(
            main,
            self.tr("Manage &Readers…"),
            self.manage,
            "Ctrl+Alt+R",
            tip=self.tr("Add, rename or remove the readers of this computer"),
        )
        register = context.actions.register
        register(self.switch_action, menu="file", group="readers", order=FILE_READERS)
        register(self.manage_action, menu="file", group="readers", order=FILE_READERS + 1)
        self.label = QLabel("")
        self.label.setObjectName("readerName")
        main.statusBar().addPermanentWidget(self.label)
        self.show_reader()

    @Slot()
    def show_reader(self) -> None:
        """Name the reader in the status bar, only when there is more than one."""
        if not self.registry.exists():
            self.label.hide()
            return
        loaded = self.registry.load()
        profile = loaded.by_folder(self.current)
        if profile is None or len(loaded.profiles) < 2:
            self.label.hide()
            return
        self.label.setText(self.tr("Reader: {name}").format(name=profile.name))
        self.label.show()

    @Slot()
    def switch(self) -> None:
        """Ask who is reading; another reader's window replaces this one."""
        from reader.ui.profile_picker import ProfilePicker

        picker = ProfilePicker(
            self.registry, at_start=False, current=self.current, parent=self._window.as_widget()
        )
        self.picker = picker
        picker.accepted.connect(self._switch_to_chosen)
        picker.finished.connect(self.show_reader)  # it may have added a reader
        picker.open()

    @Slot()
    def _switch_to_chosen(self) -> None:
        from reader.ui.context import ReopenRequest

        picker, self.picker = self.picker, None
        profile = picker.chosen() if picker is not None else None
        if profile is None or profile.folder == self.current:
            return
        with contextlib.suppress(OSError):
            self.registry.set_last(profile)
        shared = self.registry.shared_root
        self._context.request_reopen(
            ReopenRequest(data_dir=profile.root(shared), shared_dir=shared)
        )
        self._window.as_widget().close()

    @Slot()
    def manage(self) -> None:
        """Open Manage Readers."""
        from reader.ui.profiles_dialog import ManageReaders

        if self.manager is None:
            self.manager = ManageReaders(
                self.registry, self.current, self._claim, self._window.as_widget()
            )
            self.manager.changed.connect(self.show_reader)
        self.manager.show()
        self.manager.raise_()
        self.manager.activateWindow()


def install_profiles(
    context: AppContext, window: ReaderWindow, claim: WindowClaim
) -> ProfilesFeature:
    """Add Switch Reader… and Manage Readers… to the window."""
    return ProfilesFeature(context, window, claim)
