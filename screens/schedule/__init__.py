"""The schedule: meetings by day in both zones, the new-meeting form, cancel, export."""
