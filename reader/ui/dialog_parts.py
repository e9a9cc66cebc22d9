"""Pieces the small option dialogs share: the this-chapter-or-all choice and their layout."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
)

from reader.core.i18n import translate

__all__ = ["ChapterScope", "lay_out_dialog"]


class ChapterScope:
    """Two radio buttons, "This chapter: <title>" and "All chapters", in a column.

    Without an open chapter only "All chapters" shows, and it is chosen; with one, the
    chapter is chosen first.
    """

    def __init__(
        self,
        dialog: QDialog,
        chapter_title: str | None,
        this_label: str = "",
        all_label: str = "",
    ) -> None:
        this_label = this_label or translate("DialogParts", "This chapter")
        all_label = all_label or translate("DialogParts", "All chapters")
        self._this = QRadioButton(f"{this_label}: {chapter_title}" if chapter_title else "")
        self._all = QRadioButton(all_label)
        group = QButtonGroup(dialog)
        group.addButton(self._this)
        group.addButton(self._all)
        self._this.setVisible(chapter_title is not None)
        (self._this if chapter_title else self._all).setChecked(True)
        self.layout = QVBoxLayout()
        self.layout.addWidget(self._this)
        self.layout.addWidget(self._all)

    def this_chapter(self) -> bool:
        """Whether only the open chapter is chosen."""
        return self._this.isChecked()


def lay_out_dialog(dialog: QDialog, form: QFormLayout, buttons: QDialogButtonBox) -> None:
    """Put `form` above `buttons` in `dialog`, the buttons accepting or rejecting it."""
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
