"""The independence rule on plain values: whose scores, comments, verdicts and notes a member may see.

A member expected at a meeting (an attendee; every panel member when it lists none, see
``workbench.store.attendance``) sees no other member's scores, comments, verdicts or notes for
it until they have submitted their own scorecard. Every screen, file and command asks this
module; none decides it on its own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MeetingPanel:
    """Who is expected to submit a scorecard for one meeting, and who has (member ids)."""

    expected: frozenset[int]
    submitted: frozenset[int]

    @property
    def pending(self) -> frozenset[int]:
        """The expected members who have not submitted yet."""
        return self.expected - self.submitted

    @property
    def complete(self) -> bool:
        """Every expected member has submitted: a document for everyone (the minutes) may show it all."""
        return not self.pending

    def withheld_from(self, member: int | None) -> bool:
        """Whether the other members' scores, comments, verdicts and notes are hidden from ``member``.

        Only a member expected at the meeting who has not submitted is held to it; nobody asking
        (None) and a member not expected (who may not score it) have nothing withheld.
        """
        return member is not None and member in self.expected and member not in self.submitted

    def hides_submitted(self, member: int | None) -> bool:
        """``withheld_from`` and another member has submitted: a submitted scorecard is left out for them."""
        return self.withheld_from(member) and bool(self.submitted - {member})

    def may_see(self, member: int | None, author: int, author_submitted: bool) -> bool:
        """Whether ``member`` may see a score (or comment) by ``author``, submitted or a draft.

        Their own always; after submitting, every member's (drafts marked as such where shown);
        while withheld, nobody else's; otherwise (not expected, or nobody asking) the submitted ones.
        """
        if member is not None and author == member:
            return True
        if member is not None and member in self.submitted:
            return True
        if self.withheld_from(member):
            return False
        return author_submitted

    def may_see_notes_of(self, member: int | None, author: int) -> bool:
        """Whether ``member`` may see a note by ``author``: their own, else unless withheld from them."""
        return (member is not None and author == member) or not self.withheld_from(member)
