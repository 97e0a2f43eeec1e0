"""The import screen: pick a candidates CSV file, see every bad line and why, then import all or nothing."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, DirectoryTree, Input, Label, Static, Switch

from screens.shell.base import WorkbenchScreen, describe_error
from screens.shell.editing import LEAVE_BINDINGS, leave_for
from screens.widgets.table import Table

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.views.candidates import ImportResult

COLUMNS = (
    ("line", "Line"),
    ("check", "Check"),
    ("name", "Name or line as written"),
    ("details", "What it imports, or why it cannot"),
)
CHECK_WIDTH = 8  # "✓ update"
NAME_WIDTH = 28  # at most; a narrower screen gives the name two fifths of what is left
_NEWLINES = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class PreviewLine:
    """One line of the preview: a row that imports, or a line with its problems."""

    line: int
    ok: bool
    action: str  # "new", "update" or "bad"
    name: str
    fields: dict[str, Any]
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Preview:
    path: str
    lines: tuple[PreviewLine, ...]
    rows: int
    problems: int
    error: str = ""  # the file could not be read at all

    @property
    def importable(self) -> bool:
        return not self.error and self.problems == 0 and self.rows > 0


def build_preview(services: Services, path: str, *, update: bool, selection: str | None) -> Preview:
    """Read a CSV file without writing anything; mark each bad line and why (runs in a worker).

    Args:
        services: the services (for the names stored already).
        path: the file.
        update: whether names stored already update those candidates (else they are problems).
        selection: the selection to import into.
    """
    from workbench.domain.text import name_key
    from workbench.imports.candidates_csv import parse_candidates_csv
    from workbench.services.errors import ImportRejected, UserError

    try:
        rows, problems = parse_candidates_csv(path)
    except ImportRejected as exc:
        rows, problems = [], list(exc.problems)
    except UserError as exc:
        return Preview(path, (), 0, 0, error=str(exc))
    existing = {name_key(v.name) for v in services.candidates.list(selection=selection)}
    problems = list(problems)
    lines: list[PreviewLine] = []
    for row in rows:
        known = name_key(row.name) in existing
        if known and not update:
            problems.append(
                (
                    row.line,
                    f"name: a candidate named {row.name!r} exists already in this selection "
                    "(switch on 'update existing' to update it)",
                )
            )
            continue
        lines.append(PreviewLine(row.line, True, "update" if known else "new", row.name, dict(row.fields)))
    raw = _raw_lines(path)
    by_line: dict[int, list[str]] = {}
    for number, message in problems:
        by_line.setdefault(number, []).append(message)
    for number, messages in by_line.items():
        text = raw[number - 1] if 0 < number <= len(raw) else ""
        lines.append(PreviewLine(number, False, "bad", text, {}, tuple(messages)))
    lines.sort(key=lambda p: (p.line, p.ok))
    return Preview(path, tuple(lines), rows=sum(1 for p in lines if p.ok), problems=len(problems))


def _raw_lines(path: str) -> list[str]:
    from workbench.imports.candidates_csv import MAX_BYTES
    from workbench.imports.reading import read_regular_file
    from workbench.services.errors import UserError

    try:  # read as the import reads it: a regular file, never more than the limit
        data = read_regular_file(path, limit=MAX_BYTES)
    except UserError:
        return []
    return _NEWLINES.split(data.decode("utf-8-sig", errors="replace"))


def _cell(text: str, style: str = "") -> Text:
    """A cell on one line, cut with an ellipsis where its column ends (the cell keeps the whole text)."""
    return Text(text, style=style, no_wrap=True, overflow="ellipsis", end="")


def _cells(p: PreviewLine) -> tuple[Text, ...]:
    if not p.ok:
        bad = "bold red"
        return (_cell(str(p.line), bad), _cell("✗ bad", bad), _cell(p.name, "red"), _cell("; ".join(p.problems), "red"))
    return (_cell(str(p.line)), _cell(f"✓ {p.action}", "green"), _cell(p.name), _cell(_details(p)))


def column_widths(lines: Iterable[PreviewLine], width: int, padding: int) -> dict[str, int]:
    """The preview's column widths, so that the table fits ``width`` cells (each column has ``padding`` each side).

    Line and check take what they need, the name up to NAME_WIDTH, the details what is left.
    """
    line = max([len(COLUMNS[0][1])] + [len(str(p.line)) for p in lines])
    rest = max(0, width - 2 * padding * len(COLUMNS) - line - CHECK_WIDTH)
    name = min(NAME_WIDTH, rest * 2 // 5)
    return {"line": line, "check": CHECK_WIDTH, "name": name, "details": max(1, rest - name)}


def _details(p: PreviewLine) -> str:
    """The values a good line sets; for an update, only those the file gives."""
    f = p.fields
    new = p.action == "new"
    parts = [f.get("timezone", "UTC" if new else "")]
    if f.get("support_hours"):
        parts.append(f["support_hours"])
    if "onsite" in f or new:
        parts.append("on-site" if f.get("onsite") else "no on-site")
    parts.append(f.get("status", "long-list" if new else ""))
    if f.get("website"):
        parts.append(f["website"])
    return " · ".join(x for x in parts if x)


def folder_label(path: Path) -> str:
    """A short name for the folder at the tree's root: its own name ("/" for the root of the disk)."""
    return path.name or str(path)


class CsvTree(DirectoryTree):
    """Folders and CSV files, without hidden ones; the root shows the folder's name, its full path as a tooltip."""

    def __init__(self, path: Path, *, id: str | None = None) -> None:
        super().__init__(path, id=id)
        self.root.set_label(folder_label(Path(path)))
        self.tooltip = str(path)

    def reset_node(self, node: Any, label: Any, data: Any = None) -> Any:
        """Textual labels the root with the full path when the tree (re)loads: keep the short name."""
        if node is self.root:
            label = folder_label(Path(self.path))
        return super().reset_node(node, label, data)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [p for p in paths if not p.name.startswith(".") and (p.suffix.lower() == ".csv" or p.is_dir())]


class ImportScreen(WorkbenchScreen):
    """Import candidates from a CSV file, all or nothing, after a preview of every line."""

    CSS_PATH = "import_csv.tcss"
    BINDINGS = [
        Binding("ctrl+s", "import_all", "Import all", tooltip="Import every row (only when no line has a problem)"),
        Binding(
            "ctrl+t",
            "toggle_update",
            "Update existing",
            tooltip="Whether names stored already update those candidates (else they are problems)",
        ),
        Binding("ctrl+r", "preview", "Preview again", tooltip="Read the file again"),
        Binding("escape", "back", "Back", tooltip="Back to the candidates"),
        *LEAVE_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.preview: Preview | None = None
        self._widths: tuple[int, dict[str, int]] = (0, {})  # the table's width the columns were laid out for

    def compose_body(self) -> ComposeResult:
        with Vertical(id="import-body"):
            with Horizontal(id="import-top"):
                yield Input(
                    placeholder="Path of a CSV file (enter previews it), or pick one on the left", id="import-path"
                )
                yield Label("update existing", id="import-update-label")
                yield Switch(id="import-update")
            with Horizontal(id="import-main"):
                yield CsvTree(Path.cwd(), id="import-tree")
                with Vertical(id="import-right"):
                    yield Static(
                        "Columns: name (required), website, timezone, support_hours, onsite, status, notes. "
                        "Nothing is written until every line is fine.",
                        id="import-summary",
                    )
                    yield Table(id="import-preview", cursor_type="row", zebra_stripes=True)
                    yield Static("", id="import-line")
            with Horizontal(id="import-buttons"):
                yield Button("Import all", id="import-go", variant="success", disabled=True)
                yield Button("Back", id="import-back")

    @property
    def path_input(self) -> Input:
        return self.query_one("#import-path", Input)

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#import-preview", DataTable)

    def on_mount(self) -> None:
        self.sub_title = f"Import candidates · {self.wb.selection}"
        self._fill(())
        self.path_input.focus()

    def _fill(self, lines: tuple[PreviewLine, ...]) -> None:
        """Lay the columns out to fit the table's width, then the lines; the cursor stays on its line."""
        table = self.table
        row = table.cursor_row
        width = self._table_width()
        widths = column_widths(lines, width, table.cell_padding)
        self._widths = (width, widths)
        table.clear(columns=True)
        for key, label in COLUMNS:
            table.add_column(_cell(label), width=widths[key], key=key)
        for line in lines:
            table.add_row(*_cells(line), key=f"{line.line}-{line.action}")
        if lines:
            table.move_cursor(row=min(row, len(lines) - 1))

    def _table_width(self) -> int:
        """The cells the columns may take: the table's width less a vertical scroll bar, shown or not yet."""
        table = self.table
        return max(0, table.content_region.width - table.styles.scrollbar_size_vertical)

    def on_resize(self) -> None:
        self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        """After the screen changed size: the columns fit the table's new width."""
        if self._table_width() != self._widths[0]:
            self._fill(self.preview.lines if self.preview is not None else ())

    def _summary(self, text: str | Text) -> None:
        self.query_one("#import-summary", Static).update(text)

    # ------------------------------------------------------------------ preview

    def action_preview(self) -> None:
        path = self.path_input.value.strip()
        if not path:
            self._summary(Text("Type the path of a CSV file, or pick one in the folder tree.", style="yellow"))
            return
        path = os.path.expanduser(path)
        update = self.query_one("#import-update", Switch).value
        selection = self.wb.selection
        self._set_importable(False)
        self._summary(f"Reading {path}…")
        self.call(
            lambda services: build_preview(services, path, update=update, selection=selection),
            self.show_preview,
            group="import-preview",
            exclusive=True,
        )

    def show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self._fill(preview.lines)
        first_bad = next((i for i, p in enumerate(preview.lines) if not p.ok), 0)
        if preview.lines:
            self.table.move_cursor(row=first_bad)
        else:
            self.query_one("#import-line", Static).update("")
        if preview.error:
            self._summary(Text(preview.error, style="bold red"))
        elif preview.problems:
            bad = sorted({p.line for p in preview.lines if not p.ok})
            self._summary(
                Text(
                    f"{preview.problems} problem(s) on line(s) {', '.join(map(str, bad[:15]))}"
                    f"{'…' if len(bad) > 15 else ''}: nothing can be imported until the file is fixed "
                    f"({preview.rows} line(s) are fine).",
                    style="bold red",
                )
            )
        elif not preview.rows:
            self._summary(Text("The file holds no candidate.", style="yellow"))
        else:
            new = sum(1 for p in preview.lines if p.action == "new")
            self._summary(
                Text(
                    f"All {preview.rows} line(s) are fine: {new} new, {preview.rows - new} to update. "
                    "ctrl+s (or Import all) imports them.",
                    style="green",
                )
            )
        self._set_importable(preview.importable)

    @on(DataTable.RowHighlighted, "#import-preview")
    def _line_highlighted(self, event: DataTable.RowHighlighted) -> None:
        line = (
            next((p for p in self.preview.lines if f"{p.line}-{p.action}" == event.row_key.value), None)
            if self.preview is not None
            else None
        )
        text = Text()
        if line is not None:
            text.append(f"Line {line.line}: ", style="bold")
            text.append(line.name + "\n")
            if line.ok:
                text.append(f"{'Updates' if line.action == 'update' else 'Imports'}: {_details(line)}\n", style="green")
            for problem in line.problems:
                text.append(f"✗ {problem}\n", style="red")
            text.rstrip()
        self.query_one("#import-line", Static).update(text)

    def _set_importable(self, on: bool) -> None:
        self.query_one("#import-go", Button).disabled = not on

    @on(Input.Submitted, "#import-path")
    def _path_submitted(self) -> None:
        self.action_preview()

    @on(Input.Changed, "#import-path")
    def _path_changed(self) -> None:
        if self.preview is not None and self.preview.path != os.path.expanduser(self.path_input.value.strip()):
            self._set_importable(False)  # the preview is of another file

    @on(DirectoryTree.FileSelected, "#import-tree")
    def _file_picked(self, event: DirectoryTree.FileSelected) -> None:
        self.path_input.value = str(event.path)
        self.action_preview()

    @on(Switch.Changed, "#import-update")
    def _update_switched(self) -> None:
        if self.path_input.value.strip():
            self.action_preview()

    def action_toggle_update(self) -> None:
        switch = self.query_one("#import-update", Switch)
        switch.value = not switch.value

    # ------------------------------------------------------------------ import

    def action_import_all(self) -> None:
        preview = self.preview
        if preview is None or not preview.importable or self.query_one("#import-go", Button).disabled:
            self.notify(
                "Nothing to import: preview a file whose lines are all fine first.", severity="warning", timeout=4
            )
            return
        path, selection = preview.path, self.wb.selection
        update = self.query_one("#import-update", Switch).value
        self._set_importable(False)
        self._summary(f"Importing {path}…")
        self.call(
            lambda services: services.candidates.import_csv(path, update=update, selection=selection),
            self._imported,
            failed=self._not_imported,
            group="import",
        )

    def _imported(self, result: ImportResult) -> None:
        message = f"Imported {len(result.names)} candidate(s): {result.created} new, {result.updated} updated."
        self._summary(Text(message + " escape goes back to the candidates.", style="bold green"))
        self.notify(message, timeout=5)
        self.preview = None

    def _not_imported(self, exc: BaseException) -> None:
        from workbench.services.errors import ImportRejected

        if isinstance(exc, ImportRejected) and self.preview is not None:  # the database changed since the preview
            lines = tuple(PreviewLine(n, False, "bad", "", {}, (m,)) for n, m in exc.problems)
            self.show_preview(Preview(self.preview.path, lines, 0, len(exc.problems)))
        else:
            self._summary(Text(describe_error(exc), style="bold red"))
        self.notify(describe_error(exc), title="Nothing imported", severity="error", timeout=8)

    @on(Button.Pressed, "#import-go")
    def _go(self) -> None:
        self.action_import_all()

    @on(Button.Pressed, "#import-back")
    def _back_pressed(self) -> None:
        self.action_back()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_leave(self, section: str) -> None:
        leave_for(self, section)
