"""The shapes of the results, named after the core's types.

Every result of ``secretariat`` is plain data: the core's JSON form as dicts and lists, with
dates as ``datetime.date``/``datetime.datetime`` and money and scores as ``decimal.Decimal``.
These names say which core type a dict holds; the shapes are the core's (its serde form,
that of the WebAssembly binding with snake_case keys), to be generated from the core's
JSON Schema. Only the issue, which every surface shares, is spelt out.
"""

from __future__ import annotations

from typing import Any, TypedDict

PathSegment = str | int


class Issue(TypedDict):
    """A problem found by the core: what an exception's ``issues`` and a form hold."""

    code: str
    path: list[PathSegment]
    message: str
    message_zh: str
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
