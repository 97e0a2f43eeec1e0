"""Vendor Interview Workbench: choose an IT vendor by structured interviews."""

__version__ = "0.1.0"
