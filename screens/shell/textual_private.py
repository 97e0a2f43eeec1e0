"""Every private Textual name the project touches, where, and why: what an upgrade of Textual must re-check.

Textual is pinned (``TEXTUAL_VERSION``, the same pin as pyproject.toml). ``tests/unit/test_textual_private.py``
asserts the pin and that each name below still exists, and fails with this whole list when one is gone;
it also scans the code so that a private name used without being listed here fails too. Each entry says
why no public way serves; where one exists, the code uses it (``on_key``, ``border_title``).
"""

from __future__ import annotations

from dataclasses import dataclass

TEXTUAL_VERSION = "8.2.8"
"""The Textual release these names were checked against."""


@dataclass(frozen=True, slots=True)
class PrivateName:
    """One private name of Textual: on what (a module or a class, dotted), the name, where we use it, why."""

    owner: str
    name: str
    where: tuple[str, ...]
    why: str


NAMES: tuple[PrivateName, ...] = (
    PrivateName(
        "textual.widgets._footer",
        "FooterKey",
        ("screens/shell/footer.py", "tests/ui/test_forms_footer.py"),
        "The footer's key widget is not exported by textual.widgets; the footer styles each new key once "
        "(its compact flag) and the tests read the keys a footer shows.",
    ),
    PrivateName(
        "textual.widgets.Footer",
        "_bindings_ready",
        ("screens/shell/footer.py",),
        "WorkbenchFooter.bindings_changed replaces Footer's (to rebuild once per refresh, only when the keys "
        "differ) and must set the flag Footer's compose reads.",
    ),
    PrivateName(
        "textual.widgets.Input",
        "_watch_value",
        ("screens/candidates/filtering.py",),
        "FilterInput sets the virtual size quietly before Input's own watcher, which would lay out the whole "
        "screen on each key; a public watch_value runs after it, too late.",
    ),
    PrivateName(
        "textual.css.styles.RenderStyles",
        "_cache_key",
        ("screens/candidates/filtering.py", "screens/widgets/painted_lines.py"),
        "Textual's own key for 'any style changed': FilterInput redraws one line while it holds, PaintedLines "
        "drops its drawn lines when it changes. No public signal covers styles set in code.",
    ),
    PrivateName(
        "textual.widget.Widget",
        "_styles_cache",
        ("screens/interview/frame.py",),
        "KeptLines hands back a widget's last lines unless Textual refreshed some since (the cache's dirty lines).",
    ),
    PrivateName(
        "textual._styles_cache.StylesCache",
        "_dirty_lines",
        ("screens/interview/frame.py",),
        "The lines refreshed since the last draw: KeptLines keeps its lines only while this is empty.",
    ),
    *(
        PrivateName(
            "textual.widgets.DataTable",
            name,
            ("screens/widgets/table.py",),
            "Table.update_cell drops one cell's cached renders and its row's lines, where DataTable's invalidates "
            "every cached cell (a one-cell change rendered every cell in sight through Rich again: "
            "benchmarks/bench_table.py measures both). Replacing these lists by RowList would change how they "
            "are drawn, and this issue keeps every snapshot the same; the cache keys' layouts (row key first, "
            "column key second; renderable rows by index; lines by y) are part of what an upgrade re-checks.",
        )
        for name in (
            "_cell_render_cache",
            "_row_render_cache",
            "_row_renderable_cache",
            "_line_cache",
            "_row_locations",
            "_column_locations",
            "_data",
            "_updated_cells",
            "_require_update_dimensions",
            "_get_offsets",
            "_clear_caches",
        )
    ),
    PrivateName(
        "textual.widgets.DataTable",
        "_render_cell",
        ("tests/ui/test_table.py",),
        "The test counts the cells DataTable renders through Rich, to show a one-cell change renders one cell.",
    ),
    PrivateName(
        "textual.drivers.linux_driver.LinuxDriver",
        "_file",
        ("screens/shell/terminal.py",),
        "GuardedDriver hands the driver's writer thread a file that drops the output once a write to the terminal "
        "fails: Textual's thread dies of the error and its bounded queue then blocks the event loop for ever "
        "(Textualize/textual#6692). The driver takes its file from sys.__stderr__ with no public way to give it one.",
    ),
    PrivateName(
        "textual.app.App",
        "_driver",
        ("benchmarks/bench_comparison_screen.py",),
        "The benchmark sends a key straight to the headless driver and stops the clock at the first frame drawn.",
    ),
    PrivateName(
        "textual.app.App",
        "_display",
        ("benchmarks/bench_comparison_screen.py",),
        "The benchmark wraps the method that writes a frame, to time the first frame that shows a change.",
    ),
)
"""Every private Textual name the project touches."""
