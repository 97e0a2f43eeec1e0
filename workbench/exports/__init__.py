"""File formats out of the workbench: comparison tables, minutes, calendars."""
