"""Pure domain rules on plain values: no database, no I/O, no clock, no Textual."""
