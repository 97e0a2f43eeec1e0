"""The screen tests use the shared fixtures of tests/conftest.py: sample_path, sample_app, stored, settle, notices."""

from __future__ import annotations

SAMPLE = "Outsource IT support (sample)"
MEMBER = "Helen Marsh"
