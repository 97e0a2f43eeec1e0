"""The shell of the app: the base screen, footer, editing, palette, help, idle collection."""
