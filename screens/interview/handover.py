"""Who is at the keyboard of the live interview: asked when nobody is known, handed over with m."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from screens.interview.host import InterviewHost


class Keyboard:
    """Changes the member an interview screen scores for; nothing of the previous member stays on screen."""

    def __init__(self, screen: InterviewHost) -> None:
        self.screen = screen

    def ask(self) -> None:
        """Ask who is scoring (nobody remembered, or a name that is not on the selection's panel)."""
        from screens.dialogs.member import MemberPicker

        screen, mid = self.screen, self.screen.meeting_ref

        def names(services: Any) -> list[str]:
            return list(services.scoring.expected_members(mid))  # the attendees, else the whole panel

        def ask(found: list[str]) -> None:
            screen.app.push_screen(MemberPicker(found), self._chosen)

        screen.call(names, ask, failed=screen.not_opened)

    def _chosen(self, name: str | None) -> None:
        screen = self.screen
        if not name:
            if screen.view is None:  # nobody to score for: nothing to show
                screen.app.pop_screen()
            return
        screen.speak_for(name, remember=True)  # nobody was known: this terminal speaks for them from now on

    def hand_over(self) -> None:
        """Pick another member of the meeting's panel and reload the screen as them."""
        from screens.dialogs.member import MemberPicker

        view = self.screen.view
        if view is None:
            return
        others = [name for name in view.panel if name != view.member]
        if not others:
            self.screen.notify("Nobody else is on this meeting's panel.", severity="warning")
            return
        self.screen.app.push_screen(MemberPicker(others), self._handed_over)

    def _handed_over(self, name: str | None) -> None:
        screen = self.screen
        if not name or screen.view is None or name == screen.view.member:
            return
        screen.finish_editing(focus=False)
        screen.save_now()  # the previous member's last note and position are stored under their name
        screen.forget(f"Handing the keyboard to {name}…")
        screen.speak_for(name, remember=False)  # this screen only: the app's member, and the one in the prefs, stay
