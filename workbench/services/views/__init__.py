"""Frozen, slotted values that services return (never ORM rows): one module per concept."""
