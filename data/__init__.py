"""Shipped templates: rubric, question bank, checklist, sample selection, minutes templates."""
