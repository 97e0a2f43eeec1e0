"""PaintedLines: a line-drawing widget hands the compositor the lines it keeps drawn, with their final colours.

Textual styles every line of a widget again after a refresh of the whole widget (the base colours,
the line filters): for a list that keeps its lines drawn this cost more than the rest of a key
press. A widget with this mixin draws its lines with their final colours itself
(``_lines_between``) and they go to the screen as they are, with the app's line filters applied.
With padding, a border, an outline, a tint, an opacity or a hatch, Textual styles them as usual.
"""

from __future__ import annotations

from textual.color import Color
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


class PaintedLines(Widget):
    """A Widget that draws its own lines: implement ``_lines_between(start, end, width)``, extend
    ``_forget_drawing()``."""

    _paint: tuple[bool, Color] | None = None
    _styles_key = -1

    def _lines_between(self, start: int, end: int, width: int) -> list[Strip]:
        raise NotImplementedError

    def _forget_drawing(self) -> None:
        """Drop every line drawn (their colours changed)."""
        self._paint = None

    def _styles_changed(self) -> None:
        """Forget the lines drawn when a style of the widget changed since (set in code: no notify_style_update)."""
        key = self.styles._cache_key  # Textual's own key for "any style changed"
        if key != self._styles_key:
            self._styles_key = key
            self._forget_drawing()

    def _plain_paint(self) -> Color | None:
        """The background the app's line filters need, or None when Textual must style the lines (see render_lines)."""
        self._styles_changed()
        if self._paint is None:
            styles = self.styles
            plain = (
                not any(styles.padding)
                and not any(edge for edge, _ in styles.border)
                and not any(edge for edge, _ in styles.outline)
                and not styles.tint.a
                and styles.text_opacity == 1.0
                and self.opacity == 1.0
                and not (styles.has_rule("hatch") and styles.hatch != "none")
                and self.border_title is None
                and self.border_subtitle is None
            )
            self._paint = (plain, self.background_colors[1])
        plain, background = self._paint
        return background if plain else None

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines of ``crop`` as the list keeps them drawn, the app's line filters applied (cached per line).

        Textual styles every line of a widget again after a refresh of the whole widget (a window
        move, a filter key), which cost more than the rest of such a key press. The lines drawn
        here already carry their final colours, so they go to the screen as they are: a window
        move only looks lines up. With padding, a border, an outline, a tint or an opacity,
        Textual styles them as usual.
        """
        background = self._plain_paint()
        if background is None:
            return super().render_lines(crop)
        width = self.size.width
        strips = self._lines_between(crop.y, crop.bottom, width)
        for line_filter in self.get_line_filters():
            strips = [strip.apply_filter(line_filter, background) for strip in strips]
        if crop.column_span != (0, width):
            x1, x2 = crop.column_span
            strips = [strip.crop(x1, x2) for strip in strips]
        return strips
