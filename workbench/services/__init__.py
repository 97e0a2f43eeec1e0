"""Use cases. Each public call is one unit of work and returns plain frozen values."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.config import DatabaseTarget
    from workbench.services.actions import ActionService
    from workbench.services.admin import AdminService
    from workbench.services.base import Database
    from workbench.services.calendar import CalendarService
    from workbench.services.candidate_edits import CandidateEditService
    from workbench.services.comparison import ComparisonService
    from workbench.services.comparison_details import ComparisonDetailsService
    from workbench.services.demo import DemoService
    from workbench.services.interview import InterviewService
    from workbench.services.meeting_life import MeetingLifeService
    from workbench.services.meetings import MeetingService
    from workbench.services.members import MemberService
    from workbench.services.minutes import MinutesService
    from workbench.services.notes import NoteService
    from workbench.services.overview import OverviewService
    from workbench.services.schedule_views import ScheduleViewService
    from workbench.services.scheduling import SchedulingService
    from workbench.services.scope import ScopeService
    from workbench.services.scoring import ScoringService
    from workbench.services.selection_settings import SelectionSettingsService
    from workbench.services.selections import SelectionService


class Services:
    """Every service, sharing one database; handed to the command line and the screens."""

    def __init__(self, db: Database, *, display_url: str = "") -> None:
        self.db = db
        self.display_url = display_url  # password hidden

    @cached_property
    def selections(self) -> SelectionService:
        from workbench.services.selections import SelectionService

        return SelectionService(self.db)

    @cached_property
    def selection_settings(self) -> SelectionSettingsService:
        from workbench.services.selection_settings import SelectionSettingsService

        return SelectionSettingsService(self.db)

    @cached_property
    def members(self) -> MemberService:
        from workbench.services.members import MemberService

        return MemberService(self.db)

    @cached_property
    def candidates(self) -> CandidateEditService:
        from workbench.services.candidate_edits import CandidateEditService

        return CandidateEditService(self.db)

    @cached_property
    def meetings(self) -> MeetingService:
        from workbench.services.meetings import MeetingService

        return MeetingService(self.db)

    @cached_property
    def meeting_life(self) -> MeetingLifeService:
        from workbench.services.meeting_life import MeetingLifeService

        return MeetingLifeService(self.db)

    @cached_property
    def scoring(self) -> ScoringService:
        from workbench.services.scoring import ScoringService

        return ScoringService(self.db)

    @cached_property
    def notes(self) -> NoteService:
        from workbench.services.notes import NoteService

        return NoteService(self.db)

    @cached_property
    def actions(self) -> ActionService:
        from workbench.services.actions import ActionService

        return ActionService(self.db)

    @cached_property
    def interview(self) -> InterviewService:
        from workbench.services.interview import InterviewService

        return InterviewService(self.db)

    @cached_property
    def comparison(self) -> ComparisonService:
        from workbench.services.comparison import ComparisonService

        return ComparisonService(self.db)

    @cached_property
    def comparison_details(self) -> ComparisonDetailsService:
        from workbench.services.comparison_details import ComparisonDetailsService

        return ComparisonDetailsService(self.db)

    @cached_property
    def demo(self) -> DemoService:
        from workbench.services.demo import DemoService

        return DemoService(self.db)

    @cached_property
    def scheduling(self) -> SchedulingService:
        from workbench.services.scheduling import SchedulingService

        return SchedulingService(self.db)

    @cached_property
    def calendar(self) -> CalendarService:
        from workbench.services.calendar import CalendarService

        return CalendarService(self.db)

    @cached_property
    def minutes(self) -> MinutesService:
        from workbench.services.minutes import MinutesService

        return MinutesService(self.db)

    @cached_property
    def scope(self) -> ScopeService:
        from workbench.services.scope import ScopeService

        return ScopeService(self.db)

    @cached_property
    def schedule_views(self) -> ScheduleViewService:
        from workbench.services.schedule_views import ScheduleViewService

        return ScheduleViewService(self.db)

    @cached_property
    def overview(self) -> OverviewService:
        from workbench.services.overview import OverviewService

        return OverviewService(self.db)

    @cached_property
    def admin(self) -> AdminService:
        from workbench.services.admin import AdminService

        return AdminService(self.db)

    def close(self) -> None:
        self.db.engine.dispose()


def open_services(target: DatabaseTarget, *, migrate: bool = True) -> Services:
    """Make the process's engine for a database and bring its schema to head.

    Args:
        target: the resolved database.
        migrate: create or upgrade the schema (after a backup) when needed.

    Returns:
        The services.

    Raises:
        workbench.store.migrate.SchemaError: the database is from a newer version, or not a workbench database.
    """
    from workbench.config import display_database
    from workbench.store.engine import make_engine
    from workbench.store.schema import ensure_schema

    engine = make_engine(target.url)
    try:
        if migrate:
            ensure_schema(engine, sqlite_path=target.path)
        else:  # connect once now, so that a failure to connect is told before any command runs
            engine.connect().close()
    except BaseException:
        engine.dispose()
        raise
    from workbench.services.base import Database

    return Services(Database(engine, sqlite_path=target.path), display_url=display_database(target))
