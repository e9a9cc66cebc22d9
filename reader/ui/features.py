"""The features installed on a window, one typed field each (None until installed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Type hints only: the window is built and painted before any feature is imported.
    # None of these modules imports the window, so this closes no cycle.
    from reader.ui.annotations_feature import AnnotationsFeature
    from reader.ui.exchange_feature import ExchangeFeature
    from reader.ui.help_feature import HelpFeature
    from reader.ui.library_feature import LibraryFeature
    from reader.ui.navigation import NavigationFeature
    from reader.ui.print_feature import PrintFeature
    from reader.ui.profiles_feature import ProfilesFeature
    from reader.ui.search_feature import SearchFeature


class Features:
    """Highlights and notes, export/import/sync, Back/Forward, search, printing and libraries.

    Each is None until installed (right after the first paint).
    """

    annotations: AnnotationsFeature | None = None
    exchange: ExchangeFeature | None = None
    navigation: NavigationFeature | None = None
    search: SearchFeature | None = None
    help: HelpFeature | None = None
    printing: PrintFeature | None = None
    libraries: LibraryFeature | None = None
    profiles: ProfilesFeature | None = None

    def installed(self) -> list[str]:
        """The names of the features installed so far, in the order they are declared."""
        return [name for name in self.__annotations__ if getattr(self, name) is not None]
