"""The candidates: the list, one candidate's profile and tabs, the CSV import."""
