"""Undoable annotation edits: every change is committed at once, and Ctrl+Z reverses it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from reader.core.anchoring import Target
from reader.storage.annotations import Annotation, AnnotationId
from reader.storage.db import StorageError

if TYPE_CHECKING:
    from reader.ui.annotations_feature import AnnotationsFeature


class _StoreCommand(QUndoCommand):
    """Runs a store change; a first write that fails is reported and never enters the stack."""

    def __init__(self, feature: AnnotationsFeature, text: str) -> None:
        super().__init__(text)
        self._feature = feature
        self._done_once = False

    def redo(self) -> None:
        """Apply the change (the first time, or again after an undo)."""
        first = not self._done_once
        self._done_once = True
        self._run(redo=True, first=first)

    def undo(self) -> None:
        """Reverse the change."""
        self._run(redo=False, first=False)

    def _run(self, *, redo: bool, first: bool) -> None:
        try:
            self._apply(redo=redo, first=first)
        except StorageError as error:
            self._feature.report_storage_error(error)
            if first:
                # QUndoStack drops a command that is obsolete after its first redo().
                self.setObsolete(True)

    def _apply(self, *, redo: bool, first: bool) -> None:
        raise NotImplementedError


class AddCommand(_StoreCommand):
    """Create a highlight; undo deletes it (keeping its tombstone), redo restores it."""

    def __init__(
        self, feature: AnnotationsFeature, chapter: str, target: Target, colour: str, note: str = ""
    ) -> None:
        super().__init__(feature, "Highlight")
        self._chapter, self._target, self._colour, self._note = chapter, target, colour, note
        self.annotation: Annotation | None = None

    def _apply(self, *, redo: bool, first: bool) -> None:
        store = self._feature.store
        if redo and first:
            self.annotation = store.add(self._chapter, self._target, self._colour, self._note)
            self._feature.placed_changed(self.annotation)
        elif self.annotation is not None and redo:
            self._feature.placed_changed(store.restore(self.annotation.id))
        elif self.annotation is not None:
            self._feature.removed(store.delete(self.annotation.id))


class DeleteCommand(_StoreCommand):
    """Delete a highlight (a tombstone is kept); undo brings it back."""

    def __init__(self, feature: AnnotationsFeature, annotation_id: AnnotationId) -> None:
        super().__init__(feature, "Delete Highlight")
        self._id = annotation_id

    def _apply(self, *, redo: bool, first: bool) -> None:
        store = self._feature.store
        if redo:
            self._feature.removed(store.delete(self._id))
        else:
            self._feature.placed_changed(store.restore(self._id))


class EditCommand(_StoreCommand):
    """Change a highlight's colour or note; undo puts the old value back."""

    def __init__(
        self, feature: AnnotationsFeature, annotation: Annotation, field: str, value: str
    ) -> None:
        super().__init__(feature, "Change Colour" if field == "colour" else "Edit Note")
        self._id = annotation.id
        self._field = field
        self._old = annotation.colour if field == "colour" else annotation.note
        self._new = value

    def _apply(self, *, redo: bool, first: bool) -> None:
        value = self._new if redo else self._old
        store = self._feature.store
        if self._field == "colour":
            self._feature.placed_changed(store.set_colour(self._id, value))
        else:
            self._feature.placed_changed(store.set_note(self._id, value))
