"""The live interview: scoring by keys, notes, timers, submit, hand-over."""
