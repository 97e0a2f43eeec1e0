"""The live interview's quiet parts: widgets that hand the compositor their last lines when nothing in them changed.

On a partial update Textual asks every widget whose container overlaps the changed area for all
of its lines, and each one goes through its styles (background walked up the ancestors, filters,
a loop over every line) even when nothing in it was marked dirty; only the changed lines are then
written out. A score key changes three lines or so (the agenda row, the anchors, the status line),
yet about a dozen unchanged widgets of the screen were drawn that way on each key. These keep the
lines they gave last and give them again while the widget has no dirty line, the same size and
crop, and the same filters; any refresh marks lines dirty and a style or theme change forgets them,
so they are drawn again as before.
"""

from __future__ import annotations

from typing import Any

from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Static


class KeptLines:
    """Mixin for a Widget (listed before it): ``render_lines`` again without a change gives the same lines.

    For widgets without links: a link's hover style is applied on every draw, outside Textual's
    own line cache, so those (``auto_links``) are always drawn.
    """

    _kept: tuple[Any, list[Strip]] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        widget: Any = self
        key = (crop, widget.size, tuple(widget.app.get_line_filters()))
        kept = self._kept
        # Textual's styles cache holds the lines it drew; its dirty lines are those refreshed since.
        if kept is not None and kept[0] == key and not widget._styles_cache._dirty_lines and not widget.auto_links:
            return kept[1]
        strips: list[Strip] = super().render_lines(crop)  # type: ignore[misc]
        self._kept = (key, strips)
        return strips

    def notify_style_update(self) -> None:
        self._kept = None  # a theme or a pseudo-class changed the colours
        super().notify_style_update()  # type: ignore[misc]


class QuietStatic(KeptLines, Static):
    """A Static without links whose unchanged lines are not drawn again."""

    def __init__(self, content: Any = "", *, id: str | None = None) -> None:
        super().__init__(content, id=id)
        self.auto_links = False


class QuietVertical(KeptLines, Vertical):
    def __init__(self, *children: Any, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self.auto_links = False


class QuietHorizontal(KeptLines, Horizontal):
    def __init__(self, *children: Any, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self.auto_links = False


class QuietScroll(KeptLines, VerticalScroll):
    def __init__(self, *children: Any, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self.auto_links = False
