"""The minutes of a meeting: shown, and written to a file."""
