"""One modal dialog per kind of question: confirm, text, file path, panel member, form."""

from pathlib import Path

STYLESHEET = Path(__file__).with_name("dialogs.tcss")
"""The dialogs' stylesheet, for a dialog defined elsewhere (the home screen's new-selection form)."""
