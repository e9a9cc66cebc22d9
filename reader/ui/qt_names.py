"""Qt enum values by name, for the code that runs before the chapter's first paint.

PySide creates all of a class's Python enums the first time anything touches one of
them; for Qt's namespace (QtCore.Qt: about a hundred enums) that costs 15-20 ms, more than
the rest of the window's set-up after the imports. Nothing the student sees needs them
before the first chapter is painted, so until then the reader passes the plain values
below, each named after the enum member it stands for. After the first paint the code
uses the scoped enums themselves (`Qt.Key.Key_Escape`), as everywhere else.

tests/ui/test_startup.py checks, in a process of its own and after the first paint, that
each value equals its enum's value, so a Qt release that renumbered one fails there.
"""

from __future__ import annotations

USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole: the first item-data role free for the reader
TREE_ITEM_USER_TYPE = 1000  # QTreeWidgetItem.ItemType.UserType: first item type of our own
IMAGE_RESOURCE = 2  # QTextDocument.ResourceType.ImageResource: loadResource's type of images

# Enum-valued properties are set by name (QObject.setProperty), which takes the value
# without touching the enum class: setTextFormat(Qt.TextFormat.PlainText) would create it.
PLAIN_TEXT = 0  # Qt.TextFormat.PlainText
SCROLL_BAR_ALWAYS_ON = 2  # Qt.ScrollBarPolicy.ScrollBarAlwaysOn

# Each name above with the enum member it stands for (checked by the test).
ENUM_OF: dict[str, str] = {
    "USER_ROLE": "PySide6.QtCore.Qt.ItemDataRole.UserRole",
    "TREE_ITEM_USER_TYPE": "PySide6.QtWidgets.QTreeWidgetItem.ItemType.UserType",
    "IMAGE_RESOURCE": "PySide6.QtGui.QTextDocument.ResourceType.ImageResource",
    "PLAIN_TEXT": "PySide6.QtCore.Qt.TextFormat.PlainText",
    "SCROLL_BAR_ALWAYS_ON": "PySide6.QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOn",
}
