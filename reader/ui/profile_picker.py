""" "Who is reading?": choosing a reader at start, or when switching readers in the window.

Shown only when two readers or more share the data folder; the last one used is
preselected, Up and Down move, Enter opens, Esc quits (at start) or cancels. Imported
only when a data folder has a list of readers, so a start with one reader never pays for
it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.profiles import MAX_NAME_LENGTH, Profile, ProfileError, ProfileRegistry

PROFILE_ROLE = Qt.ItemDataRole.UserRole

WindowClaim = Callable[[Path], AbstractContextManager[bool]]
"""Holds a reader's window claim for a while: True if no window had them open."""


def fill_list(
    listing: QListWidget, profiles: tuple[Profile, ...], selected: str, reading: str = ""
) -> None:
    """Show `profiles` by name in `listing`, the one whose folder is `selected` current.

    The reader whose folder is `reading` (the window's own) is marked as reading now.
    """
    listing.clear()
    now = QCoreApplication.translate("ProfilePicker", "{name} (reading now)")
    for profile in profiles:
        item = QListWidgetItem(
            now.format(name=profile.name) if profile.folder == reading else profile.name
        )
        item.setData(PROFILE_ROLE, profile)
        listing.addItem(item)
        if profile.folder == selected:
            listing.setCurrentItem(item)
    if listing.currentItem() is None and listing.count():
        listing.setCurrentRow(0)


class NameDialog(QDialog):
    """Asks for a reader's name; `apply(name)` saves it, or its error is shown in place."""

    def __init__(
        self,
        title: str,
        name: str,
        apply: Callable[[str], Profile],
        parent: QWidget | None = None,
    ) -> None:
        """A dialog titled `title` with `name` typed in; OK calls `apply` (ProfileError: stays)."""
        super().__init__(parent)
        self.setObjectName("profileNameDialog")
        self.setWindowTitle(title)
        self._apply = apply
        self.result_profile: Profile | None = None
        label = QLabel(self.tr("&Name:"))
        self.name_edit = QLineEdit(name)
        self.name_edit.setMaxLength(MAX_NAME_LENGTH + 20)  # longer names get told, not cut
        label.setBuddy(self.name_edit)
        self.error = QLabel("")
        self.error.setObjectName("profileNameError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.name_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name_edit.selectAll()
        self.name_edit.setFocus()
        self.setMinimumWidth(340)

    def accept(self) -> None:
        """Save the name; if it cannot be used, say why and stay open."""
        try:
            self.result_profile = self._apply(self.name_edit.text())
        except (ProfileError, OSError) as error:
            self.error.setText(getattr(error, "message", None) or str(error))
            self.error.show()
            self.adjustSize()
            self.name_edit.setFocus()
            return
        super().accept()


class ProfilePicker(QDialog):
    """The list of readers with Open, Add Reader… and Quit (at start) or Cancel."""

    def __init__(
        self,
        registry: ProfileRegistry,
        *,
        at_start: bool,
        current: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Pick among `registry`'s readers; `current` (a folder) is preselected, else the last."""
        super().__init__(parent)
        self._registry = registry
        self.setObjectName("profilePicker")
        self.setWindowTitle(self.tr("Field Reader"))
        heading = QLabel(self.tr("Who is reading?"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        heading.setFont(font)
        self.list = QListWidget()
        self.list.setObjectName("profileList")
        self.list.setAccessibleName(self.tr("Readers"))
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(2)
        larger = QFont(self.list.font())
        larger.setPointSizeF(larger.pointSizeF() * 1.15)
        self.list.setFont(larger)
        self.list.itemDoubleClicked.connect(self.accept)
        heading.setBuddy(self.list)
        hint = QLabel(
            self.tr(
                "Each reader has their own notes, settings and places. Anyone using this "
                "computer's login can open any reader."
            )
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)  # drawn softer: an aside, not a warning
        # Add Reader… apart on the left; Quit (or Cancel) and Open, the default, on the right.
        self.add_button = QPushButton(self.tr("Add Reader…"))
        self.add_button.setAutoDefault(False)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(
            self.tr("Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setDefault(True)
        leave = self.tr("Quit") if at_start else self.tr("Cancel")
        self.leave_button = buttons.addButton(leave, QDialogButtonBox.ButtonRole.RejectRole)
        self.leave_button.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(self.add_reader)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        layout.addWidget(hint)
        layout.addLayout(row)
        self.name_dialog: QDialog | None = None
        loaded = registry.load()
        fill_list(self.list, loaded.profiles, current if current is not None else loaded.last)
        self.list.setFocus()
        self.resize(360, 320)

    def chosen(self) -> Profile | None:
        """The reader selected."""
        item = self.list.currentItem()
        value = item.data(PROFILE_ROLE) if item is not None else None
        return value if isinstance(value, Profile) else None

    @Slot()
    def add_reader(self) -> None:
        """Ask for a name and add that reader, selected in the list (Enter then opens it)."""
        dialog = NameDialog(self.tr("Add Reader"), "", self._registry.add, parent=self)
        self.name_dialog = dialog

        def added() -> None:
            if dialog.result_profile is not None:
                fill_list(self.list, self._registry.load().profiles, dialog.result_profile.folder)
            self.list.setFocus()

        dialog.accepted.connect(added)
        dialog.open()


def pick_profile_at_start(shared_root: Path, parent: QWidget | None = None) -> Path | None:
    """The data folder of the reader who is reading; None when they chose to quit.

    With one reader that is theirs, without asking; a damaged list of readers is said and
    the readers found are offered.
    """
    registry = ProfileRegistry(shared_root)
    loaded = registry.load()
    if loaded.notice:
        box = QMessageBox(QMessageBox.Icon.Warning, "Field Reader", loaded.notice, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
    if len(loaded.profiles) == 1:
        return loaded.profiles[0].root(shared_root)
    # Asked in the language of the reader who read last: on a lab computer set to French
    # by its readers, the question comes in French too.
    from reader.ui.i18n import apply_language
    from reader.ui.settings import Settings

    apply_language(Settings(loaded.last_profile.root(shared_root), read_only=True).language)
    picker = ProfilePicker(registry, at_start=True, parent=parent)
    if picker.exec() != QDialog.DialogCode.Accepted:
        return None
    profile = picker.chosen()
    if profile is None:
        return None
    with contextlib.suppress(OSError):  # a read-only folder: the same one is asked next time
        registry.set_last(profile)
    return profile.root(shared_root)
