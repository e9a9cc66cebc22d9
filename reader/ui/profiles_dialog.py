"""Manage Readers: add, rename and remove the readers sharing the data folder.

Removing asks first, keeps a backup zip of the reader's files and says where; the reader
whose window this is cannot be removed from it (switch first), nor can the last one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.profile_removal import remove_profile
from reader.core.profiles import Profile, ProfileError, ProfileRegistry
from reader.ui.profile_picker import PROFILE_ROLE, NameDialog, WindowClaim, fill_list


class ManageReaders(QDialog):
    """The readers with Add…, Rename… and Remove…; `changed` after every successful change."""

    changed = Signal()

    def __init__(
        self,
        registry: ProfileRegistry,
        current: str,
        claim: WindowClaim,
        parent: QWidget | None = None,
    ) -> None:
        """Manage `registry`'s readers from the window of the reader whose folder is `current`.

        `claim(folder)` holds a reader's window claim while their files are removed.
        """
        super().__init__(parent)
        self.setObjectName("manageReaders")
        self.setWindowTitle(self.tr("Manage Readers"))
        self._registry = registry
        self._current = current
        self._claim = claim
        self.list = QListWidget()
        self.list.setObjectName("profileList")
        self.list.setAccessibleName(self.tr("Readers"))
        self.list.currentItemChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.rename_button = QPushButton(self.tr("&Rename…"))
        self.remove_button = QPushButton(self.tr("Re&move…"))
        self.add_button.clicked.connect(self.add_reader)
        self.rename_button.clicked.connect(self.rename_reader)
        self.remove_button.clicked.connect(self.ask_remove)
        column = QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.remove_button):
            button.setAutoDefault(False)
            column.addWidget(button)
        column.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(column)
        self.status = QLabel("")
        self.status.setObjectName("manageStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        note = QLabel(
            self.tr(
                "Readers keep their work apart; they do not protect it. Anyone using "
                "this computer's login can open any reader."
            )
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.name_dialog: NameDialog | None = None
        self.confirmation: QMessageBox | None = None
        self._refresh(current)
        self.list.setFocus()
        self.resize(440, 320)

    def _refresh(self, selected: str) -> None:
        fill_list(self.list, self._registry.load().profiles, selected, reading=self._current)
        self._update_buttons()

    def selected(self) -> Profile | None:
        """The reader selected in the list."""
        item = self.list.currentItem()
        value = item.data(PROFILE_ROLE) if item is not None else None
        return value if isinstance(value, Profile) else None

    @Slot()
    def _update_buttons(self) -> None:
        profile = self.selected()
        only_one = self.list.count() < 2
        is_current = profile is not None and profile.folder == self._current
        self.rename_button.setEnabled(profile is not None)
        self.remove_button.setEnabled(profile is not None and not only_one and not is_current)
        if is_current and not only_one:
            self.remove_button.setToolTip(
                self.tr("This is the reader open now: switch to another reader to remove it.")
            )
        elif only_one:
            self.remove_button.setToolTip(self.tr("The last reader cannot be removed."))
        else:
            self.remove_button.setToolTip("")

    def _ask_name(self, title: str, name: str, apply: Callable[[str], Profile]) -> None:
        dialog = NameDialog(title, name, apply, parent=self)
        self.name_dialog = dialog

        def done() -> None:
            if dialog.result_profile is not None:
                self._refresh(dialog.result_profile.folder)
                self.status.setText("")
                self.changed.emit()

        dialog.accepted.connect(done)
        dialog.open()

    @Slot()
    def add_reader(self) -> None:
        """Ask for a name and add that reader."""
        self._ask_name(self.tr("Add Reader"), "", self._registry.add)

    @Slot()
    def rename_reader(self) -> None:
        """Ask for the selected reader's new name."""
        profile = self.selected()
        if profile is not None:
            self._ask_name(
                self.tr("Rename Reader"),
                profile.name,
                lambda name: self._registry.rename(profile, name),
            )

    @Slot()
    def ask_remove(self) -> None:
        """Ask whether to remove the selected reader (No is the default)."""
        profile = self.selected()
        if profile is None or not self.remove_button.isEnabled():
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove Reader"),
            self.tr(
                "Remove {name}? Their notes, settings and places are deleted from this "
                "computer. A backup zip of their files is kept in the data folder's backups."
            ).format(name=profile.name),
            parent=self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        remove = box.addButton(
            self.tr("Remove {name}").format(name=profile.name),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        keep = box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.confirmation = box
        box.finished.connect(
            lambda _result: self._confirmed(profile, box.clickedButton() is remove)
        )
        box.open()

    def _confirmed(self, profile: Profile, yes: bool) -> None:
        self.confirmation = None
        if yes:
            self.remove(profile)

    def remove(self, profile: Profile) -> None:
        """Remove `profile` now (its window claim held), saying where the backup is."""
        root = profile.root(self._registry.shared_root)
        try:
            with self._claim(root) as closed:
                if not closed:
                    self.status.setText(
                        self.tr("{name} is open in another window: close it there first.").format(
                            name=profile.name
                        )
                    )
                    return
                removal = remove_profile(self._registry, profile)
        except (ProfileError, OSError) as error:
            self.status.setText(getattr(error, "message", None) or str(error))
            return
        message = self.tr("Removed {name}. A backup of their files is kept in {backup}.")
        text = message.format(name=profile.name, backup=removal.backup)
        if removal.left:
            text += " " + self.tr("{count} files could not be deleted, in {folder}.").format(
                count=len(removal.left), folder=Path(removal.left[0]).parent
            )
        self.status.setText(text)
        self._refresh(self._current)
        self.changed.emit()
