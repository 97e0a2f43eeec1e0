"""WorkbenchFooter: Textual's footer, looking the same, rebuilt less often."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class WorkbenchFooter(Footer):
    """Textual's footer, looking the same, with less work each time the bindings change.

    Textual's footer rebuilds all its keys after every change of bindings (several in a row when
    a screen opens or the focus moves) and styles each new key three times (its ``compact``
    starts True, then the binding sets it to the footer's value). Here it rebuilds at most once
    per refresh and only when the keys it shows differ, and a new key is styled once.
    """

    _rebuild_queued = False
    _shown: tuple[Any, ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_queued:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

    def _keys(self) -> tuple[Any, ...]:
        """What the footer shows: every active binding with its state, and the footer's own options."""
        return (
            self.compact,
            self.show_command_palette,
            tuple(
                (b.key, b.action, b.description, b.show, b.group, b.tooltip, enabled, tooltip)
                for (_node, b, enabled, tooltip) in self.screen.active_bindings.values()
            ),
        )

    async def _rebuild(self) -> None:
        self._rebuild_queued = False
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)  # bound to the footer's value right after
            yield widget
