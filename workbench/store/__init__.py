"""Persistence: the only package that writes SQL or knows SQLModel."""
