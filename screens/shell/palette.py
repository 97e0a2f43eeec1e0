"""The command palette (ctrl+p): every section, the workbench's actions, and the keys of the current screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from screens.shell.sections import SECTION_TIPS, SECTIONS

if TYPE_CHECKING:
    from screens.shell.host import Workbench

# Screen actions already offered under a clearer name above the screen's own keys.
COVERED = frozenset(
    {"load_sample", "new_selection", "panel", "app.choose_member", "app.help", "help", "app.open('actions')"}
)


@dataclass(frozen=True)
class Command:
    """One palette entry."""

    name: str
    help: str
    run: Callable[[], object]


def _on_home(app: App[Any], action: str) -> Callable[[], None]:
    """Go back to the home screen, then run one of its actions."""

    def run() -> None:
        _wb(app).action_open("home")

        def then() -> None:
            from screens.home.home import HomeScreen

            if isinstance(app.screen, HomeScreen):
                getattr(app.screen, f"action_{action}")()

        app.call_later(then)

    return run


def _wb(app: App[Any]) -> Workbench:
    """The app as the screens know it (screens.shell.host)."""
    return cast("Workbench", app)


def _section(app: App[Any], name: str) -> Callable[[], None]:
    return lambda: _wb(app).action_open(name)


def workbench_commands(app: App[Any], screen: object) -> Iterator[Command]:
    """The palette's entries for a screen: sections, actions, then the screen's own keys."""
    wb = _wb(app)
    tips = {b.action: b.tooltip for b in app.BINDINGS if not isinstance(b, tuple)}
    for name in SECTIONS:
        where = "" if name == "home" else f" · {wb.selection or 'choose a selection first'}"
        yield Command(
            name.capitalize(),
            (tips.get(f"open('{name}')") or SECTION_TIPS.get(name) or "The selections and their progress") + where,
            _section(app, name),
        )
    yield Command("Load the sample selection", "A fictional selection to look around in", _on_home(app, "load_sample"))
    yield Command(
        "New selection", "From the it-outsourcing template: scope, rubric and questions", _on_home(app, "new_selection")
    )
    yield Command(
        "Panel",
        f"Add, edit, rename, retire panel members · {wb.selection or 'choose a selection first'}",
        _on_home(app, "panel"),
    )
    yield Command(
        "Choose panel member", f"Who this terminal speaks for (now: {wb.member or 'nobody'})", wb.action_choose_member
    )
    yield Command("Help", "The keys of this screen", wb.action_help)
    yield Command(
        "Change theme", f"Textual's themes; the choice is remembered (now: {app.theme})", app.action_change_theme
    )
    yield from _screen_keys(app, screen)


def _screen_keys(app: App[Any], screen: object) -> Iterator[Command]:
    """The current screen's own bindings that have a description, as commands."""
    bindings = getattr(screen, "active_bindings", {})
    seen: set[str] = set()
    for _key, active in bindings.items():
        binding = active.binding
        if active.node is not screen or not binding.description or binding.action in seen | COVERED | _BASE:
            continue
        seen.add(binding.action)
        tip = f" — {binding.tooltip}" if binding.tooltip else ""
        yield Command(
            binding.description, f"{app.get_key_display(binding)}{tip}", _run_action(app, binding.action, active.node)
        )


_BASE = frozenset(b.action for b in Screen.BINDINGS if isinstance(b, Binding))  # focus moves, copy


def _run_action(app: App[Any], action: str, node: object) -> Callable[[], object]:
    return lambda: app.run_action(action, node)  # type: ignore[arg-type]


class WorkbenchCommands(Provider):
    """Sections (Home, Scope, Candidates, Schedule) and actions of the workbench."""

    def _commands(self) -> list[Command]:
        return list(workbench_commands(self.app, self.screen))

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.name, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(score, matcher.highlight(command.name), command.run, text=command.name, help=command.help)
