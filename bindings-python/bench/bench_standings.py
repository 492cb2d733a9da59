"""Benchmark: standings over 1,000,000 marks (10,000 members x 100 events), the binding
against the pure-Python reference of the attendance rule (reference.py), after checking
that both give identical standings.

    python bench/bench_standings.py [--members 10000] [--events 100] [--repeat 7] [--json]

Both sides start from the same data an analyst holds: the roster and the events as lists
of dicts, and the marks as a pandas DataFrame whose columns are categorical (what
`pandas.read_csv(..., dtype="category")` or a dictionary-encoded Parquet file gives). Both
end with every member's standing. The reference reads the columns with `.tolist()`, the
binding reads the categoricals' codes; the times are end to end, the best of `--repeat`
runs, each started with the previous result already freed.

Further lines, for comparison: the binding with its standings turned into dicts; the
binding given the marks as a dict of lists of strings (the input of earlier versions) and
as a DataFrame of plain string (object) columns; and the parts of the binding's time,
measured one by one through the public API.
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

import pandas as pd

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


REFERENCE_KEYS = ("member", "name", "status", "counts", "reasons", "next_consequence", "window")


def best(fn: Callable[[], Any], repeat: int) -> float:
    """The best time of `repeat` calls; each call's result is freed before the next starts,
    so that no call pays for freeing the one before."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
        del result
    return min(times)


def main(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    members, events, lists = term(args.members, args.events)
    frame = pd.DataFrame({name: pd.Categorical(column) for name, column in lists.items()})
    calendar = sec.SchoolCalendar(TERM)
    n = len(frame)

    def binding() -> sec.Table:
        return sec.standings(members, events, frame, calendar=calendar, today=TODAY)

    def pure() -> list[dict[str, Any]]:
        columns = {name: frame[name].tolist() for name in ("member", "event", "mark")}
        return reference.standings(members, events, columns, TERM, TODAY)

    # Identical standings first.
    ours = json.loads(json.dumps(binding().rows, default=lambda v: v.isoformat()))
    # The reference computes the seed's counters, not the discipline trace (`trace`,
    # `sanction`, `points`, `next_sanction`): those are compared on the keys it has.
    ours = [{k: v for k, v in d.items() if k in REFERENCE_KEYS} for d in ours]
    theirs = pure()
    if ours != theirs:
        first = next(
            (i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs))
        )
        raise SystemExit(f"standings differ at member {first}:\n{ours[first:first + 1]}\n"
                         f"{theirs[first:first + 1]}")
    by_lists = sec.standings(members, events, lists, calendar=calendar, today=TODAY)
    if by_lists.rows != binding().rows:
        raise SystemExit("standings from lists of strings differ from standings from the frame")

    t_pure = best(pure, args.repeat)
    t_binding = best(binding, args.repeat)
    t_dicts = best(lambda: binding().rows, args.repeat)
    t_lists = best(
        lambda: sec.standings(members, events, lists, calendar=calendar, today=TODAY),
        args.repeat,
    )
    strings = pd.DataFrame(lists)
    t_strings = best(
        lambda: sec.standings(members, events, strings, calendar=calendar, today=TODAY),
        args.repeat,
    )

    # The parts of the binding's time, one by one through the public API.
    t_roster = best(lambda: sec.Roster(members), args.repeat)
    roster = sec.Roster(members)
    t_register = best(lambda: sec.AttendanceRegister(roster, events), args.repeat)

    def record() -> sec.AttendanceRegister:
        register = sec.AttendanceRegister(roster, events)
        register.record_mark_columns(member=frame["member"], event=frame["event"],
                                     mark=frame["mark"])
        return register

    t_record = best(record, args.repeat) - t_register
    register = record()
    t_standings = best(lambda: register.standings(calendar=calendar, today=TODAY), args.repeat)

    figures = {
        "marks": n,
        "members": len(members),
        "events": len(events),
        "python": platform.python_version(),
        "pandas": pd.__version__,
        "pure_python_s": round(t_pure, 4),
        "binding_s": round(t_binding, 4),
        "speedup": round(t_pure / t_binding, 1),
        "binding_with_dicts_s": round(t_dicts, 4),
        "speedup_with_dicts": round(t_pure / t_dicts, 1),
        "binding_from_lists_s": round(t_lists, 4),
        "speedup_from_lists": round(t_pure / t_lists, 1),
        "binding_from_string_frame_s": round(t_strings, 4),
        "speedup_from_string_frame": round(t_pure / t_strings, 1),
        "parts_s": {
            "roster": round(t_roster, 4),
            "register": round(t_register, 4),
            "read_and_record_marks": round(t_record, 4),
            "standings": round(t_standings, 4),
        },
        "identical": True,
    }
    if args.json:
        print(json.dumps(figures))
        return figures
    ms = 1000
    print(f"standings over {n:,} marks ({len(members):,} members x {len(events)} events), "
          f"best of {args.repeat}; identical standings: yes")
    print("  from a DataFrame with categorical columns, to every member's standing:")
    print(f"  pure Python reference (incl. tolist)  {t_pure * ms:9.1f} ms")
    print(f"  binding                               {t_binding * ms:9.1f} ms   x{t_pure / t_binding:.1f}")
    print(f"  binding + .rows (dicts)               {t_dicts * ms:9.1f} ms   x{t_pure / t_dicts:.1f}")
    print(f"  binding, marks as lists of strings    {t_lists * ms:9.1f} ms   x{t_pure / t_lists:.1f}")
    print(f"  binding, DataFrame of str columns     {t_strings * ms:9.1f} ms   x{t_pure / t_strings:.1f}")
    print("  where the binding's time goes (each part alone):")
    print(f"    roster from {len(members):,} dicts           {t_roster * ms:9.1f} ms")
    print(f"    register (roster copied, events)    {t_register * ms:9.1f} ms")
    print(f"    marks read and recorded             {t_record * ms:9.1f} ms")
    print(f"    standings                           {t_standings * ms:9.1f} ms")
    return figures


if __name__ == "__main__":
    main(sys.argv[1:])
