"""The comparison: the matrix, weights, robustness, the drill-down, the export."""
