"""Notes and actions: the Actions view across a selection, choosing and editing one\x27s own notes."""
