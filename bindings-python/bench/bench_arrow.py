"""Benchmark: standings from Arrow, end to end, against polars; and the peak memory of a
province's term.

    python bench/bench_arrow.py speed [--members 10000] [--events 100] [--repeat 7]
    python bench/bench_arrow.py memory [--members 100000] [--events 100]

`speed`: 1,000,000 marks (10,000 members x 100 events, the data of bench_standings.py) in a
polars DataFrame. The binding reads them through the Arrow C stream and gives the standings
as an Arrow table (`pyarrow.table(sec.standings(...))`); the polars side is an idiomatic
implementation of the seed's counting rule (counts and status only: one join with the
events, one group_by), on the same DataFrame, in the same run. Both times are the best of
`--repeat`; the ratio is polars over the binding.

`memory`: 10,000,000 marks (100,000 members x 100 events) as a dictionary-encoded Arrow
table (what a Parquet file of a province's term gives), the standings computed and taken as
Arrow; prints the peak RSS of the whole process (the data included).
"""

from __future__ import annotations

import argparse
import datetime
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any, Callable

import polars as pl
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_standings import TERM, TODAY, best, term  # noqa: E402

import secretariat as sec  # noqa: E402

LATENESS_KINDS = ["regular_meeting", "group_activity", "duty_shift", "rehearsal"]
ABSENCE_KINDS = ["regular_meeting", "group_activity"]


def polars_standings(marks: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """The seed's counting rule in polars: late arrivals and early leaves share a counter
    (2 expel), one unexcused absence from a meeting or group activity expels, one below a
    limit warns. Events outside the term or after today do not count."""
    counted = events.filter(pl.col("date").is_between(TERM[0], min(TERM[1], TODAY)))
    late = pl.col("mark").is_in(["late", "late_and_left_early"])
    early = pl.col("mark").is_in(["left_early", "late_and_left_early"])
    lateness_kind = pl.col("kind").is_in(LATENESS_KINDS)
    counts = (
        marks.join(counted, left_on="event", right_on="id")
        .group_by("member", maintain_order=True)
        .agg(
            lateness=((late & lateness_kind).cast(pl.UInt32) + (early & lateness_kind)).sum(),
            absences=((pl.col("mark") == "absent") & pl.col("kind").is_in(ABSENCE_KINDS)).sum(),
        )
    )
    return counts.with_columns(
        status=pl.when((pl.col("lateness") >= 2) | (pl.col("absences") >= 1))
        .then(pl.lit("expelled"))
        .when(pl.col("lateness") == 1)
        .then(pl.lit("warning"))
        .otherwise(pl.lit("good"))
    )


def speed(args: argparse.Namespace) -> dict[str, Any]:
    members, events, lists = term(args.members, args.events)
    marks = pl.DataFrame(lists)
    event_frame = pl.DataFrame(
        {"id": [e["id"] for e in events], "kind": [e["kind"] for e in events],
         "date": [e["start"].date() for e in events]}
    )
    roster, calendar = sec.Roster(members), sec.SchoolCalendar(TERM)

    def binding() -> pa.Table:
        return pa.table(sec.standings(roster, events, marks, calendar=calendar, today=TODAY))

    def polars() -> pl.DataFrame:
        return polars_standings(marks, event_frame)

    ours, theirs = binding(), polars()
    same = ours.column("status").to_pylist() == theirs["status"].to_list()
    if not same:
        raise SystemExit("the binding and polars disagree on a status")
    t_binding, t_polars = best(binding, args.repeat), best(polars, args.repeat)
    figures = {"marks": marks.height, "binding_s": round(t_binding, 4),
               "polars_s": round(t_polars, 4), "ratio": round(t_polars / t_binding, 1),
               "polars": pl.__version__, "same_status": same}
    print(json.dumps(figures) if args.json else
          f"standings over {marks.height:,} marks from a polars DataFrame, out as Arrow "
          f"(best of {args.repeat}):\n  binding {t_binding * 1000:8.1f} ms\n"
          f"  polars  {t_polars * 1000:8.1f} ms   (polars / binding = x{t_polars / t_binding:.1f})")
    return figures


def memory(args: argparse.Namespace) -> dict[str, Any]:
    import numpy as np

    n_members, n_events = args.members, args.events
    kinds = ["regular_meeting", "duty_shift", "group_activity"]
    first = datetime.datetime(2002, 9, 4, 19)
    events = [{"id": f"e{e:03}", "kind": kinds[e % 3], "title": f"Event {e}",
               "start": first + datetime.timedelta(days=2 * e),
               "end": first + datetime.timedelta(days=2 * e, hours=1)} for e in range(n_events)]
    ids = [f"m{i:06}" for i in range(n_members)]
    roster = sec.Roster([{"id": i, "name": i, "grade": 2002, "department": "d",
                          "role": "officer", "status": "active"} for i in ids])
    rng = np.random.default_rng(7)
    codes = rng.choice(4, size=n_members * n_events, p=[0.991, 0.004, 0.004, 0.001])
    marks = pa.table({
        "member": pa.DictionaryArray.from_arrays(
            pa.array(np.repeat(np.arange(n_members, dtype=np.int32), n_events)), pa.array(ids)),
        "event": pa.DictionaryArray.from_arrays(
            pa.array(np.tile(np.arange(n_events, dtype=np.int32), n_members)),
            pa.array([e["id"] for e in events])),
        "mark": pa.DictionaryArray.from_arrays(
            pa.array(codes.astype(np.int8)), pa.array(["present", "late", "left_early", "absent"])),
    })
    del codes
    t = time.perf_counter()
    out = pa.table(sec.standings(roster, events, marks, calendar=sec.SchoolCalendar(TERM),
                                 today=TODAY))
    elapsed = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {"marks": marks.num_rows, "standings": out.num_rows, "seconds": round(elapsed, 2),
               "peak_rss_mb": round(peak_mb)}
    print(json.dumps(figures) if args.json else
          f"standings over {marks.num_rows:,} marks ({n_members:,} members x {n_events} events) "
          f"from dictionary-encoded Arrow, out as Arrow: {elapsed:.2f} s; "
          f"peak RSS of the process {peak_mb:,.0f} MB")
    return figures


def main(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["speed", "memory"])
    parser.add_argument("--members", type=int)
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], dict[str, Any]] = {"speed": speed, "memory": memory}[args.what]
    if args.members is None:
        args.members = 10_000 if args.what == "speed" else 100_000
    return run(args)


if __name__ == "__main__":
    main(sys.argv[1:])
