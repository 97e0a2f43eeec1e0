"""Reusable widgets drawn line by line (RowList, MatrixTable) and the table; no service calls."""
