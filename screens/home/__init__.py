"""The home screen: the selections, their progress, the next meetings."""
