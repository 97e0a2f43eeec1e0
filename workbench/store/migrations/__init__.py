"""Alembic environment and revisions for the workbench schema."""
