"""The terminal app (Textual screens); talks to the services only."""
