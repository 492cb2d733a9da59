"""The shapes of the results, named after the core's types: each is the core's JSON form
(dates as ``datetime.date``, money and scores as ``decimal.Decimal``), to be generated from
its JSON Schema; only the issue, which every surface shares, is spelt out."""

from __future__ import annotations

from typing import Any, TypedDict

PathSegment = str | int


class Issue(TypedDict):
    """A problem found by the core: what an exception's ``issues`` and a form hold."""

    code: str
    path: list[PathSegment]
    message: str
    message_zh: str
    messages: dict[str, str]
    params: dict[str, str]


Member = dict[str, Any]
Event = dict[str, Any]
LeaveGrant = dict[str, Any]
LeaveDecision = dict[str, Any]
Standing = dict[str, Any]
NextConsequence = dict[str, Any]
MilestonePlan = dict[str, Any]
Replan = dict[str, Any]
Countdown = dict[str, Any]
CountdownSummary = dict[str, Any]
LeadTimeVerdict = dict[str, Any]
MeetingOccurrence = dict[str, Any]
TermReport = dict[str, Any]
ActivityStatus = dict[str, Any]
Ranking = dict[str, Any]
Decision = dict[str, Any]
Allocation = dict[str, Any]
TeamCheck = dict[str, Any]
Posting = dict[str, Any]
BudgetReport = dict[str, Any]
PlanValidation = dict[str, Any]
StepOutcome = dict[str, Any]
ActivityReport = dict[str, Any]
FormResult = dict[str, Any]
RulebookStamp = dict[str, Any]
Period = dict[str, Any]
