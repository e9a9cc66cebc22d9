"""Undoable annotation edits: every change is committed at once, and Ctrl+Z reverses it.

The window remembers the version of each highlight that its commands wrote last. Undo
and redo write only while that version is still stored: when a sync, an import or
another program has changed the highlight since, the newer version is kept and the
command leaves the stack.
"""

from __future__ import annotations

from typing import Literal, Protocol

from PySide6.QtGui import QUndoCommand

from reader.core.anchoring import Target
from reader.core.i18n import translate
from reader.core.notes import (
    Annotation,
    AnnotationChangedError,
    AnnotationId,
    AnnotationNotFoundError,
)
from reader.storage.annotations import AnnotationStore
from reader.storage.db import StorageError


class CommandHost(Protocol):
    """What the commands need: the store, the versions they wrote, and whom to tell."""

    written_versions: dict[AnnotationId, Annotation]

    @property
    def store(self) -> AnnotationStore:
        """The store the commands write to."""
        ...

    def placed_changed(self, annotation: Annotation) -> None:
        """A highlight was created, restored or edited."""
        ...

    def removed(self, annotation: Annotation) -> None:
        """A highlight was deleted."""
        ...

    def report_storage_error(self, error: StorageError) -> None:
        """A write failed: tell the user why."""
        ...

    def changed_elsewhere(self, current: Annotation | None, action: str) -> None:
        """An undo or redo was skipped: the highlight changed elsewhere since."""
        ...


class _StoreCommand(QUndoCommand):
    """Runs a store change; a write that fails or finds a newer version leaves the stack."""

    def __init__(self, feature: CommandHost, text: str) -> None:
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
        except AnnotationChangedError as changed:
            # QUndoStack deletes a command made obsolete inside undo() or redo(); keeping it
            # would offer an undo that can only fail again.
            self.setObsolete(True)
            self._feature.changed_elsewhere(changed.current, "redo" if redo else "undo")
        except AnnotationNotFoundError:
            # Only a first write can get here (later ones are conditional): the highlight
            # was deleted elsewhere before the window heard of it.
            self.setObsolete(True)
            self._feature.changed_elsewhere(None, "redo" if redo else "undo")

    def _apply(self, *, redo: bool, first: bool) -> None:
        raise NotImplementedError

    def _expected(self, annotation_id: AnnotationId) -> Annotation | None:
        """The only version an undo or redo may write over: the last one this window wrote.

        Per highlight, not per command: undoing a delete writes a new version, and the
        undo of the highlight's creation before it must accept that one.
        """
        return self._feature.written_versions.get(annotation_id)

    def _wrote(self, version: Annotation) -> Annotation:
        self._feature.written_versions[version.id] = version
        return version


class AddCommand(_StoreCommand):
    """Create a highlight; undo deletes it (keeping its tombstone), redo restores it."""

    def __init__(
        self, feature: CommandHost, chapter: str, target: Target, colour: str, note: str = ""
    ) -> None:
        super().__init__(feature, translate("AnnotationCommands", "Highlight"))
        self._chapter, self._target, self._colour, self._note = chapter, target, colour, note
        self.annotation: Annotation | None = None

    def _apply(self, *, redo: bool, first: bool) -> None:
        store = self._feature.store
        if redo and first:
            self.annotation = self._wrote(
                store.add(self._chapter, self._target, self._colour, self._note)
            )
            self._feature.placed_changed(self.annotation)
        elif self.annotation is not None and redo:
            expected = self._expected(self.annotation.id)
            self._feature.placed_changed(
                self._wrote(store.restore(self.annotation.id, expected=expected))
            )
        elif self.annotation is not None:
            expected = self._expected(self.annotation.id)
            self._feature.removed(self._wrote(store.delete(self.annotation.id, expected=expected)))


class DeleteCommand(_StoreCommand):
    """Delete a highlight (a tombstone is kept); undo brings it back."""

    def __init__(
        self, feature: CommandHost, annotation_id: AnnotationId, what: str = "Highlight"
    ) -> None:
        super().__init__(
            feature,
            translate("AnnotationCommands", "Delete Bookmark")
            if what == "Bookmark"
            else translate("AnnotationCommands", "Delete Highlight"),
        )
        self._id = annotation_id

    def _apply(self, *, redo: bool, first: bool) -> None:
        store = self._feature.store
        # The first delete is the user's own, newest intent: it needs no expected version.
        expected = None if first else self._expected(self._id)
        if redo:
            self._feature.removed(self._wrote(store.delete(self._id, expected=expected)))
        else:
            self._feature.placed_changed(self._wrote(store.restore(self._id, expected=expected)))


class EditCommand(_StoreCommand):
    """Change a highlight's colour or note; undo puts the old value back."""

    def __init__(
        self, feature: CommandHost, annotation: Annotation, field: str, value: str
    ) -> None:
        super().__init__(
            feature,
            translate("AnnotationCommands", "Change Colour")
            if field == "colour"
            else translate("AnnotationCommands", "Edit Note"),
        )
        self._id = annotation.id
        self._field: Literal["colour", "note"] = "colour" if field == "colour" else "note"
        self._old = annotation.colour if field == "colour" else annotation.note
        self._new = value

    def _apply(self, *, redo: bool, first: bool) -> None:
        store, field = self._feature.store, self._field
        if first:
            before, after = store.edit(self._id, field, self._new)
            # What undo puts back is what this write replaced, which may be newer than
            # what the window showed when the edit began.
            self._old = before.colour if field == "colour" else before.note
            if before == after:
                self.setObsolete(True)  # nothing changed: nothing to undo
        else:
            value = self._new if redo else self._old
            after = store.edit(self._id, field, value, expected=self._expected(self._id))[1]
        self._feature.placed_changed(self._wrote(after))
