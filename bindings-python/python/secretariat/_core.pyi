"""Type stubs of the compiled module ``secretariat._core`` (checked by mypy.stubtest).

Results are plain data; ``secretariat.results`` names their shapes after the core's types."""

import datetime
import decimal
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from os import PathLike
from typing import Any, Literal, final

from secretariat.results import (
    ActivityReport,
    ActivityStatus,
    Allocation,
    BudgetReport,
    Countdown,
    CountdownSummary,
    Event,
    FormResult,
    Issue,
    LeadTimeVerdict,
    LeaveDecision,
    LeaveGrant,
    MeetingOccurrence,
    Member,
    MilestonePlan,
    Period,
    PathSegment,
    PlanValidation,
    Posting,
    Ranking,
    Replan,
    RulebookStamp,
    Standing,
    StepOutcome,
    TeamCheck,
    TermReport,
)

__version__: str
__all__ = [
    "ActivityError",
    "ActivityYear",
    "AttendanceError",
    "AttendanceRegister",
    "AuthorityError",
    "BudgetError",
    "BudgetLedger",
    "EvaluationError",
    "InputError",
    "LeaveError",
    "MARKS",
    "MemberError",
    "RecruitmentError",
    "Roster",
    "Rulebook",
    "RulebookError",
    "ScheduleError",
    "SchoolCalendar",
    "SecretariatError",
    "Table",
    "TermData",
    "ValidationError",
    "__version__",
    "allocate",
    "allowed_roles",
    "authorize",
    "budget_remaining",
    "check_activity_plan",
    "check_board_plan",
    "check_expense",
    "check_lead_time",
    "check_leave_request",
    "check_recruitment_application",
    "check_team",
    "countdown",
    "countdowns",
    "describe",
    "evaluate",
    "event_countdown",
    "explain",
    "explain_decision",
    "mark_from_times",
    "member_standing",
    "parse_grade",
    "plan",
    "regular_meetings",
    "render_activity_report",
    "render_allocation",
    "render_budget_report",
    "render_ranking",
    "render_team_check",
    "render_term_report",
    "replan",
    "roles_in_scope",
    "standings",
    "term_icalendar",
    "term_report",
    "to_icalendar",
    "validate_plan",
]

_Locale = Literal["en", "zh", "zh-Hans", "zh-CN"]
_Progress = Callable[[int, int], object]
_Date = datetime.date | str
_DateTime = datetime.datetime | str
_Action = Literal["approve_leave", "approve_plan", "approve_expense", "record_attendance"]
_RulebookLike = Rulebook | Mapping[str, Any] | None
_CalendarLike = SchoolCalendar | Mapping[str, Any]
_MembersLike = Roster | Iterable[Mapping[str, Any]]
_ContextLike = TermData | Mapping[str, Any]
_Money = decimal.Decimal | int | str
# A list of dicts, a dict of column lists, or a pandas / polars DataFrame.
_MarksLike = Sequence[Mapping[str, Any]] | Mapping[str, Sequence[Any]] | Any
# A column of marks: a pandas categorical or Series, a NumPy or polars array of integers, or
# a sequence of strings (NumPy, pandas and polars stay optional, so they are not named).
_Column = Sequence[str] | Sequence[int] | Any
_Pair = tuple[_Date, _Date] | Mapping[str, Any]
_PeriodLike = tuple[str, _Date, _Date] | Mapping[str, Any]

MARKS: tuple[str, ...]

class SecretariatError(Exception):
    message: str
    code: str
    path: list[PathSegment]
    message_zh: str
    params: dict[str, str]
    issues: list[Issue]
    def __init__(
        self,
        message: str = "",
        *,
        code: str = "",
        path: Iterable[PathSegment] = (),
        message_zh: str = "",
        params: Mapping[str, str] | None = None,
        issues: Iterable[Issue] | None = None,
    ) -> None: ...

class ValidationError(SecretariatError, ValueError): ...
class InputError(ValidationError): ...
class RulebookError(ValidationError): ...
class MemberError(ValidationError): ...
class AttendanceError(ValidationError): ...
class LeaveError(ValidationError): ...
class ScheduleError(ValidationError): ...
class EvaluationError(ValidationError): ...
class RecruitmentError(ValidationError): ...
class BudgetError(ValidationError): ...
class ActivityError(ValidationError): ...
class AuthorityError(SecretariatError): ...

@final
class Table:
    def __new__(cls, rows: Iterable[dict[str, Any]], *, key: str | None = None) -> Table: ...
    @property
    def rows(self) -> list[dict[str, Any]]: ...
    @property
    def key(self) -> str | None: ...
    def __len__(self) -> int: ...
    def __getitem__(self, index: int, /) -> dict[str, Any]: ...
    def __iter__(self) -> Iterator[dict[str, Any]]: ...
    def get(self, value: object) -> dict[str, Any] | None: ...
    def to_columns(self) -> dict[str, list[Any]]: ...
    def to_pandas(self) -> Any: ...
    def to_polars(self) -> Any: ...

@final
class Rulebook:
    @staticmethod
    def default() -> Rulebook: ...
    @staticmethod
    def from_toml(text: str) -> Rulebook: ...
    @staticmethod
    def from_json(text: str) -> Rulebook: ...
    @staticmethod
    def from_file(path: str | PathLike[str]) -> Rulebook: ...
    @staticmethod
    def from_dict(overrides: Mapping[str, Any]) -> Rulebook: ...
    def overlay(self, overrides: Mapping[str, Any]) -> Rulebook: ...
    def overlay_toml(self, text: str) -> Rulebook: ...
    @property
    def name(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...
    @property
    def stamp(self) -> RulebookStamp: ...
    @property
    def templates(self) -> list[str]: ...
    @property
    def lead_times(self) -> list[str]: ...
    def to_toml(self) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Roster:
    def __new__(cls, members: _MembersLike) -> Roster: ...
    def get(self, id: str) -> Member | None: ...
    def require(self, id: str) -> Member: ...
    def __len__(self) -> int: ...
    def __contains__(self, id: str, /) -> bool: ...
    def __getitem__(self, id: str, /) -> Member: ...
    def __iter__(self) -> Iterator[Member]: ...
    def to_dicts(self) -> list[Member]: ...

def parse_grade(grade: int | str) -> int: ...
def authorize(
    action: _Action,
    actor: Mapping[str, Any],
    *,
    rulebook: _RulebookLike = None,
    project_leader: str | None = None,
    department: str | None = None,
) -> str: ...
def allowed_roles(action: _Action, *, rulebook: _RulebookLike = None) -> list[str]: ...
def roles_in_scope(
    actor: Mapping[str, Any],
    *,
    project_leader: str | None = None,
    department: str | None = None,
) -> list[str]: ...
def mark_from_times(
    start: _DateTime,
    end: _DateTime,
    sign_in: _DateTime,
    sign_out: _DateTime | None = None,
    *,
    grace_minutes: int | None = None,
) -> str: ...

@final
class AttendanceRegister:
    def __new__(cls, members: _MembersLike, events: Iterable[Mapping[str, Any]]) -> AttendanceRegister: ...
    @property
    def events(self) -> list[Event]: ...
    @property
    def mark_count(self) -> int: ...
    @property
    def leaves(self) -> list[LeaveGrant]: ...
    def record_marks(
        self, marks: _MarksLike, *, rulebook: _RulebookLike = None, progress: _Progress | None = None
    ) -> None: ...
    def record_mark_columns(
        self, *, member: _Column, event: _Column, mark: _Column, progress: _Progress | None = None
    ) -> None: ...
    def check_leave(self, request: Mapping[str, Any], *, rulebook: _RulebookLike = None) -> list[Issue]: ...
    def grant_leave(self, request: Mapping[str, Any], *, rulebook: _RulebookLike = None) -> LeaveGrant: ...
    def standings(self, *, calendar: _CalendarLike, today: _Date, rulebook: _RulebookLike = None) -> Table: ...
    def standing_of(
        self, member: str, *, calendar: _CalendarLike, today: _Date, rulebook: _RulebookLike = None
    ) -> Standing: ...

def standings(
    members: _MembersLike,
    events: Iterable[Mapping[str, Any]],
    marks: _MarksLike,
    *,
    calendar: _CalendarLike,
    today: _Date,
    rulebook: _RulebookLike = None,
    progress: _Progress | None = None,
) -> Table: ...

@final
class SchoolCalendar:
    def __new__(
        cls,
        term: _Pair,
        *,
        semesters: Iterable[_PeriodLike] | None = None,
        holidays: Iterable[_PeriodLike] | None = None,
        vacations: Iterable[_PeriodLike] | None = None,
        makeup_workdays: Sequence[_Date] | None = None,
        weekend: Sequence[str] | None = None,
    ) -> SchoolCalendar: ...
    @staticmethod
    def from_dict(d: Mapping[str, Any]) -> SchoolCalendar: ...
    def is_working_day(self, date: _Date) -> bool: ...
    def is_holiday_or_vacation(self, date: _Date) -> bool: ...
    def add_working_days(self, date: _Date, days: int) -> datetime.date: ...
    def working_days_between(self, start: _Date, end: _Date) -> int: ...
    def semester_of(self, date: _Date) -> Period | None: ...
    def validate(self) -> None: ...
    def to_dict(self) -> dict[str, Any]: ...

def plan(
    template: str, event_date: _Date, *, rulebook: _RulebookLike = None, calendar: _CalendarLike | None = None
) -> MilestonePlan: ...
def replan(
    plan: Mapping[str, Any], new_event_date: _Date, *, today: _Date, calendar: _CalendarLike | None = None
) -> Replan: ...
def countdown(plan: Mapping[str, Any], *, today: _Date, done: Sequence[str] | None = None) -> Countdown: ...
def countdowns(
    events: Iterable[tuple[Mapping[str, Any], Sequence[str]] | Mapping[str, Any]],
    *,
    today: _Date,
    progress: _Progress | None = None,
) -> list[CountdownSummary]: ...
def check_lead_time(
    rule: str,
    *,
    anchor: _Date,
    actual: _Date,
    rulebook: _RulebookLike = None,
    calendar: _CalendarLike | None = None,
) -> LeadTimeVerdict: ...
def regular_meetings(calendar: _CalendarLike, *, rulebook: _RulebookLike = None) -> list[MeetingOccurrence]: ...
def to_icalendar(
    plans: Sequence[Mapping[str, Any]],
    meetings: Sequence[Mapping[str, Any]] | None = None,
    *,
    now: _DateTime,
    locale: _Locale | None = None,
) -> str: ...

@final
class TermData:
    @staticmethod
    def sample() -> TermData: ...
    @staticmethod
    def from_json(text: str) -> TermData: ...
    @staticmethod
    def from_file(path: str | PathLike[str]) -> TermData: ...
    @staticmethod
    def from_dict(d: Mapping[str, Any]) -> TermData: ...
    def __getitem__(self, key: str, /) -> Any: ...
    def roster(self) -> Roster: ...
    def all_events(self, *, rulebook: _RulebookLike = None) -> list[Event]: ...
    def register(self, *, rulebook: _RulebookLike = None) -> tuple[AttendanceRegister, list[LeaveDecision]]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...

def term_report(data: _ContextLike, *, today: _Date | None = None, rulebook: _RulebookLike = None) -> TermReport: ...
def term_icalendar(
    data: _ContextLike, *, now: _DateTime, rulebook: _RulebookLike = None, locale: _Locale | None = None
) -> str: ...
def evaluate(
    input: Mapping[str, Any],
    *,
    standings: Table | Sequence[Mapping[str, Any]] | None = None,
    rulebook: _RulebookLike = None,
) -> Ranking: ...
def allocate(round: Mapping[str, Any], *, rulebook: _RulebookLike = None) -> Allocation: ...
def check_team(rules: str, team: _MembersLike, *, year: int, rulebook: _RulebookLike = None) -> TeamCheck: ...

@final
class BudgetLedger:
    def __new__(cls, year: str, period: _Pair, *, members: _MembersLike, rulebook: _RulebookLike = None) -> BudgetLedger: ...
    def apply(self, operation: Mapping[str, Any]) -> Posting: ...
    def check(self, operation: Mapping[str, Any]) -> Posting: ...
    def reserve(
        self,
        *,
        date: _Date,
        activity: str,
        title: str,
        line: str,
        amount: _Money,
        approver: str,
        department: str | None = None,
        project_leader: str | None = None,
        note: str | None = None,
    ) -> Posting: ...
    def allocate(
        self, *, date: _Date, activity: str, amount: _Money, approver: str, note: str | None = None
    ) -> Posting: ...
    def record_expense(
        self,
        *,
        date: _Date,
        activity: str,
        category: str,
        amount: _Money,
        approver: str,
        receipt: str | None = None,
        note: str | None = None,
    ) -> Posting: ...
    def settle(self, *, date: _Date, activity: str, approver: str, note: str | None = None) -> Posting: ...
    @property
    def entries(self) -> Table: ...
    @property
    def committed_within_cap(self) -> decimal.Decimal: ...
    @property
    def spent_within_cap(self) -> decimal.Decimal: ...
    def report(self) -> BudgetReport: ...
    def to_dict(self) -> dict[str, Any]: ...

def validate_plan(
    plan: Mapping[str, Any],
    *,
    today: _Date,
    members: _MembersLike,
    ledger: BudgetLedger | None = None,
    rulebook: _RulebookLike = None,
    calendar: _CalendarLike | None = None,
    locale: _Locale | None = None,
) -> PlanValidation: ...

@final
class ActivityYear:
    def __new__(
        cls,
        year: str,
        period: _Pair,
        *,
        members: _MembersLike,
        rulebook: _RulebookLike = None,
        calendar: _CalendarLike | None = None,
    ) -> ActivityYear: ...
    @staticmethod
    def replay(
        data: Mapping[str, Any] | None = None,
        *,
        today: _Date,
        members: _MembersLike,
        rulebook: _RulebookLike = None,
        calendar: _CalendarLike | None = None,
    ) -> ActivityYear: ...
    @property
    def applied(self) -> int: ...
    @property
    def pending(self) -> int: ...
    def draft(self, plan: Mapping[str, Any], *, on: _Date) -> None: ...
    def revise(self, plan: Mapping[str, Any]) -> dict[str, Any]: ...
    def step(
        self, activity: str, action: str, *, by: str, on: _Date, note: str | None = None
    ) -> StepOutcome: ...
    def validate_plan(
        self, plan: Mapping[str, Any], *, today: _Date, locale: _Locale | None = None
    ) -> PlanValidation: ...
    @property
    def activities(self) -> dict[str, Any]: ...
    @property
    def ledger(self) -> BudgetLedger: ...
    def report(self, today: _Date) -> ActivityReport: ...
    def budget_report(self) -> BudgetReport: ...

def check_leave_request(
    form: Mapping[str, Any], *, context: _ContextLike, today: _Date, rulebook: _RulebookLike = None, locale: _Locale | None = None
) -> FormResult: ...
def check_activity_plan(
    form: Mapping[str, Any], *, context: _ContextLike, today: _Date, rulebook: _RulebookLike = None, locale: _Locale | None = None
) -> FormResult: ...
def check_expense(
    form: Mapping[str, Any], *, context: _ContextLike, today: _Date, rulebook: _RulebookLike = None, locale: _Locale | None = None
) -> FormResult: ...
def check_recruitment_application(
    form: Mapping[str, Any], *, context: _ContextLike, today: _Date, rulebook: _RulebookLike = None, locale: _Locale | None = None
) -> FormResult: ...
def check_board_plan(
    form: Mapping[str, Any], *, context: _ContextLike, today: _Date, rulebook: _RulebookLike = None, locale: _Locale | None = None
) -> FormResult: ...
def member_standing(member: str, *, context: _ContextLike, today: _Date, rulebook: _RulebookLike = None) -> Standing: ...
def event_countdown(activity: str, *, context: _ContextLike, today: _Date, rulebook: _RulebookLike = None) -> ActivityStatus: ...
def budget_remaining(
    *, context: _ContextLike, today: _Date, activity: str | None = None, rulebook: _RulebookLike = None
) -> dict[str, Any]: ...
def explain(standing: Mapping[str, Any], locale: _Locale | None = None) -> str: ...
def describe(consequence: Mapping[str, Any], locale: _Locale | None = None) -> str: ...
def explain_decision(decision: Mapping[str, Any], locale: _Locale | None = None) -> str: ...
def render_term_report(report: Mapping[str, Any], locale: _Locale | None = None) -> str: ...
def render_ranking(ranking: Mapping[str, Any], locale: _Locale | None = None) -> str: ...
def render_allocation(allocation: Mapping[str, Any], locale: _Locale | None = None) -> str: ...
def render_team_check(check: Mapping[str, Any], locale: _Locale | None = None) -> str: ...
def render_budget_report(report: Mapping[str, Any], locale: _Locale | None = None) -> str: ...
def render_activity_report(report: Mapping[str, Any], locale: _Locale | None = None) -> str: ...
