"""Benchmark: standings over 1,000,000 marks (10,000 members x 100 events), the binding
against the pure-Python reference of the attendance rule (reference.py), after checking
that both give identical standings.

    python bench/bench_standings.py [--members 10000] [--events 100] [--repeat 3]

Both sides start from the same Python data (the marks as a dict of column lists, the
common pandas shape) and end with every member's standing; the times are end to end and
the best of `--repeat` runs.
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reference  # noqa: E402

import secretariat as sec  # noqa: E402

TERM = (datetime.date(2002, 9, 2), datetime.date(2003, 7, 4))
TODAY = datetime.date(2003, 6, 30)


def term(n_members: int, n_events: int) -> tuple[list[dict], list[dict], dict[str, list[str]]]:
    """The data of the core's criterion bench (benches/benches/attendance.rs): mostly
    present, some late, early and absent, from the same xorshift sequence."""
    members = [
        {"id": f"m{i:05}", "name": f"Member {i}", "grade": 2002,
         "department": f"dept-{i % 10}", "role": "officer", "status": "active"}
        for i in range(n_members)
    ]
    kinds = ["regular_meeting", "duty_shift", "group_activity"]
    first = datetime.datetime(2002, 9, 4, 19)
    events = []
    for e in range(n_events):
        start = first + datetime.timedelta(days=2 * e)
        events.append({"id": f"e{e:03}", "kind": kinds[e % 3], "title": f"Event {e}",
                       "start": start, "end": start + datetime.timedelta(hours=1)})
    member_col: list[str] = []
    event_col: list[str] = []
    mark_col: list[str] = []
    state = 0x9E3779B97F4A7C15
    mask = (1 << 64) - 1
    for m in members:
        for e in events:
            state ^= (state << 13) & mask
            state ^= state >> 7
            state ^= (state << 17) & mask
            r = state % 1000
            mark = "late" if r <= 4 else "left_early" if r <= 7 else "absent" if r == 8 else "present"
            member_col.append(m["id"])
            event_col.append(e["id"])
            mark_col.append(mark)
    return members, events, {"member": member_col, "event": event_col, "mark": mark_col}


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times = []
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def main(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    members, events, marks = term(args.members, args.events)
    calendar = sec.SchoolCalendar(TERM)
    n = len(marks["member"])

    def binding() -> sec.Standings:
        return sec.standings(members, events, marks, calendar=calendar, today=TODAY)

    def binding_dicts() -> list[dict[str, Any]]:
        return binding().to_dicts()

    def pure() -> list[dict[str, Any]]:
        return reference.standings(members, events, marks, TERM, TODAY)

    # Identical standings first.
    ours = binding().to_dicts()
    theirs = pure()
    as_json = json.loads(json.dumps(ours, default=lambda v: v.isoformat()))
    if as_json != theirs:
        first = next(i for i, (a, b) in enumerate(zip(as_json, theirs)) if a != b)
        raise SystemExit(f"standings differ at member {first}:\n{as_json[first]}\n{theirs[first]}")

    t_pure, _ = best(pure, args.repeat)
    t_binding, _ = best(binding, args.repeat)
    t_binding_dicts, _ = best(binding_dicts, args.repeat)
    figures = {
        "marks": n,
        "members": len(members),
        "events": len(events),
        "python": platform.python_version(),
        "pure_python_s": round(t_pure, 4),
        "binding_s": round(t_binding, 4),
        "binding_with_dicts_s": round(t_binding_dicts, 4),
        "speedup": round(t_pure / t_binding, 1),
        "speedup_with_dicts": round(t_pure / t_binding_dicts, 1),
        "identical": True,
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"standings over {n:,} marks ({len(members):,} members x {len(events)} events), "
              f"best of {args.repeat}; identical standings: yes")
        print(f"  pure Python reference          {t_pure * 1000:9.1f} ms")
        print(f"  binding (Standings)            {t_binding * 1000:9.1f} ms   x{t_pure / t_binding:.1f}")
        print(f"  binding + to_dicts()           {t_binding_dicts * 1000:9.1f} ms   x{t_pure / t_binding_dicts:.1f}")
    return figures


if __name__ == "__main__":
    main(sys.argv[1:])
