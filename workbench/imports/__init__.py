"""CSV imports: validate a whole file, then write everything or nothing."""
