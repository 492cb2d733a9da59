"""A pure-Python reference implementation of the attendance rule (seed 000, discipline §2,
with the default rulebook), for the benchmark: late arrivals and early leaves share one
counter and 2 expel; 1 unexcused absence from a regular meeting or group activity expels;
one below a limit is a warning. The window is the term of office.

It is written the way a careful analyst would write it (validation, reasons with their
records, the next consequence), and returns the same dicts as the binding's standings in
their JSON form, so that the benchmark can check that both give identical standings.
"""

from __future__ import annotations

import datetime
from typing import Any

LATENESS_KINDS = {"regular_meeting", "group_activity", "duty_shift", "rehearsal"}
ABSENCE_KINDS = {"regular_meeting", "group_activity"}
LATENESS_LIMIT = 2
ABSENCE_LIMIT = 1
WARNING_MARGIN = 1
ARTICLE = "seed 000, discipline §2"
LATENESS_RULE = {"key": "attendance.lateness_limit", "article": ARTICLE}
ABSENCE_RULE = {"key": "attendance.absence_limit", "article": ARTICLE}
OFFENCES = {"late": (1, 0), "left_early": (0, 1), "late_and_left_early": (1, 1)}


class ReferenceError(ValueError):
    """Bad input, with the same code and path the library gives."""

    def __init__(self, code: str, path: str) -> None:
        super().__init__(f"[{code}] {path}")
        self.code = code
        self.path = path


def _outcome(count: int, limit: int) -> str:
    if count >= limit:
        return "expelled"
    if count > 0 and count + WARNING_MARGIN >= limit:
        return "warning"
    return "good"


RANK = {"good": 0, "warning": 1, "expelled": 2}


def standings(
    members: list[dict[str, Any]],
    events: list[dict[str, Any]],
    marks: dict[str, list[str]],
    term: tuple[datetime.date, datetime.date],
    today: datetime.date,
) -> list[dict[str, Any]]:
    """Every member's standing on `today`, in roster order."""
    index = {}
    for i, m in enumerate(members):
        if m["id"] in index:
            raise ReferenceError("member.duplicate_id", f"members[{i}].id")
        index[m["id"]] = i
    start, end = term
    event_info = {}
    for e in events:
        date = e["start"].date()
        counted = start <= date <= end and date <= today
        event_info[e["id"]] = (
            counted and e["kind"] in LATENESS_KINDS,
            counted and e["kind"] in ABSENCE_KINDS,
            counted,
            e["start"],
            date,
            e["kind"],
        )
    n = len(members)
    present = [0] * n
    late = [0] * n
    left_early = [0] * n
    absences = [0] * n
    offences: list[list[tuple[datetime.datetime, int, str, str]]] = [[] for _ in range(n)]
    seen = set()
    for k, (member, event, mark) in enumerate(zip(marks["member"], marks["event"], marks["mark"])):
        m = index.get(member)
        if m is None:
            raise ReferenceError("member.unknown", f"marks[{k}].member")
        info = event_info.get(event)
        if info is None:
            raise ReferenceError("attendance.unknown_event", f"marks[{k}].event")
        key = (m, event)
        if key in seen:
            raise ReferenceError("attendance.duplicate_mark", f"marks[{k}]")
        seen.add(key)
        counts_lateness, counts_absence, counted, at, _, _ = info
        if not counted:
            continue
        if mark == "present":
            present[m] += 1
        elif mark in OFFENCES:
            if counts_lateness:
                is_late, is_early = OFFENCES[mark]
                late[m] += is_late
                left_early[m] += is_early
                offences[m].append((at, k, event, mark))
            else:
                present[m] += 1
        elif mark == "absent":
            if counts_absence:
                absences[m] += 1
                offences[m].append((at, k, event, mark))
        else:
            raise ReferenceError("input.invalid", f"marks[{k}].mark")
    window = {"start": start.isoformat(), "end": end.isoformat()}
    out = []
    for i, member in enumerate(members):
        lateness = late[i] + left_early[i]
        records = sorted(offences[i])
        reasons = []
        status = "good"
        if member.get("status") == "expelled":
            status = "expelled"
            reasons.append(
                {"rule": {"key": "members.status", "article": ARTICLE}, "counter": None,
                 "count": 0, "limit": 0, "outcome": "expelled", "records": []}
            )
        next_consequence = None
        for counter, count, limit, rule, wanted in (
            ("lateness", lateness, LATENESS_LIMIT, LATENESS_RULE, False),
            ("absence", absences[i], ABSENCE_LIMIT, ABSENCE_RULE, True),
        ):
            outcome = _outcome(count, limit)
            if RANK[outcome] > RANK[status]:
                status = outcome
            if count:
                reasons.append(
                    {
                        "rule": rule,
                        "counter": counter,
                        "count": count,
                        "limit": limit,
                        "outcome": outcome,
                        "records": [
                            {
                                "event": event,
                                "date": event_info[event][4].isoformat(),
                                "kind": event_info[event][5],
                                "mark": mark,
                            }
                            for _, _, event, mark in records
                            if (mark == "absent") == wanted
                        ],
                    }
                )
            remaining = max(limit - count, 0)
            if next_consequence is None or remaining < next_consequence["remaining"]:
                next_consequence = {"counter": counter, "remaining": remaining, "outcome": "expelled"}
        out.append(
            {
                "member": member["id"],
                "name": member["name"],
                "status": status,
                "counts": {
                    "present": present[i],
                    "late": late[i],
                    "left_early": left_early[i],
                    "lateness": lateness,
                    "absences": absences[i],
                    "excused": 0,
                },
                "reasons": reasons,
                "next_consequence": None if status == "expelled" else next_consequence,
                "window": window,
            }
        )
    return out
