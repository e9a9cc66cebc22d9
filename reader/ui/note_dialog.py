"""The note editor: plain text, shown literally, saved with Ctrl+Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.i18n import translate

MAX_NOTE_CHARS = 100_000


class NoteDialog(QDialog):
    """Edit the note of one highlight; the quote is shown above for context."""

    def __init__(self, quote: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("NoteDialog", "Note"))
        quote_label = QLabel()
        quote_label.setTextFormat(Qt.TextFormat.PlainText)
        shown = quote if len(quote) <= 400 else quote[:400] + "…"
        quote_label.setText(f"“{shown}”")
        quote_label.setWordWrap(True)
        quote_label.setObjectName("noteQuote")
        quote_label.setStyleSheet("font-style: italic; padding: 4px 0 8px 0;")
        self._editor = QPlainTextEdit(note)
        self._editor.setPlaceholderText(translate("NoteDialog", "Write your note (plain text)…"))
        self._editor.setObjectName("noteEditor")
        self._editor.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel(translate("NoteDialog", "Ctrl+Enter saves. Notes are kept as plain text."))
        hint.setObjectName("noteHint")
        hint.setStyleSheet("color: palette(placeholder-text); font-size: 12px;")
        layout = QVBoxLayout(self)
        layout.addWidget(quote_label)
        layout.addWidget(self._editor, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.accept)
        self.resize(480, 320)
        self._editor.setFocus()
        cursor = self._editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self._editor.setTextCursor(cursor)

    def note(self) -> str:
        """The note as typed (trailing white space removed), at most MAX_NOTE_CHARS long."""
        return self._editor.toPlainText().rstrip()[:MAX_NOTE_CHARS]

    def set_note(self, text: str) -> None:
        """Replace the text being edited."""
        self._editor.setPlainText(text)
