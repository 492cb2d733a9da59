"""Every school's standings and budget report, on a Dask cluster, from Parquet partitioned by
school, into one result table.

    python examples/many_schools/many_schools.py --out DIR [--schools 20] [--members 200]
        [--workers 2] [--scheduler tcp://HOST:8786] [--today 2002-12-31]

1. `generate` writes N schools' term data under DIR: `members/school=S/*.parquet` (each
   school's roster: the sample term's officers and `--members` more), `marks/school=S/*.parquet`
   (one mark per member and event) and `events.parquet` (the sample term's events, shared).
2. `run` starts a `LocalCluster` with `--workers` worker processes (or connects to
   `--scheduler`) and maps `school_result` over the schools: each task reads its school's
   partition as Arrow, computes the standings (marks read from Arrow, standings out as Arrow)
   and the budget report of the school's year, and returns one Arrow table. The rulebook is
   shipped to the workers pickled.
3. The tables are concatenated into DIR/standings.parquet: one row per school and member
   (status, counts) with the school's budget figures (committed, spent, remaining, as
   decimal128(38, 2)).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

import secretariat as sec

MARKS = ["present"] * 96 + ["late", "left_early", "absent", "late_and_left_early"]


def generate(root: Path, schools: int, members: int, seed: int = 2002) -> list[str]:
    """Writes the term data of `schools` schools under `root`; gives the schools' names."""
    sample, rng = sec.TermData.sample(), random.Random(seed)
    names = [f"school-{s:04}" for s in range(schools)]
    officers, events = sample["members"], sample["events"]
    pq.write_table(pa.Table.from_pylist(events), root / "events.parquet")
    rosters, marks = [], []
    for school in names:
        roster = officers + [
            {"id": f"{school}-{i:05}", "name": f"Member {i}", "grade": 2002,
             "department": "Secretariat", "role": "officer", "skills": [], "status": "active"}
            for i in range(members)
        ]
        rosters += [dict(m, school=school) for m in roster]
        marks += [{"school": school, "member": m["id"], "event": e["id"], "mark": rng.choice(MARKS)}
                  for m in roster for e in events]
    for name, rows in (("members", rosters), ("marks", marks)):
        ds.write_dataset(pa.Table.from_pylist(rows), root / name, format="parquet",
                         partitioning=["school"], partitioning_flavor="hive",
                         existing_data_behavior="overwrite_or_ignore")
    return names


def school_result(root: str, school: str, rulebook: sec.Rulebook, today: str) -> pa.Table:
    """One school's standings and budget figures (runs on a worker)."""
    where = ds.field("school") == school
    read = lambda name, **kw: ds.dataset(Path(root) / name, partitioning="hive").to_table(  # noqa: E731
        filter=where, **kw)
    members = read("members").drop_columns(["school"]).to_pylist()
    marks = read("marks", columns=["member", "event", "mark"])
    events = pq.read_table(Path(root) / "events.parquet").to_pylist()
    calendar = sec.TermData.sample()["calendar"]
    standings = pa.table(sec.standings(members, events, marks, calendar=calendar, today=today,
                                       rulebook=rulebook))
    cap = sec.ActivityYear.replay(today=today, members=members, rulebook=rulebook).budget_report()["cap"]
    n = standings.num_rows
    money = pa.decimal128(38, 2)
    return pa.table({
        "school": pa.array([school] * n),
        "member": standings.column("member"),
        "status": standings.column("status"),
        "counts": standings.column("counts"),
        **{f"budget_{k}": pa.array([cap[k]] * n, money) for k in ("committed", "spent", "remaining")},
    })


def run(root: Path, schools: list[str], *, scheduler: str | None, workers: int,
        today: str, rulebook: sec.Rulebook | None = None) -> pa.Table:
    """Every school's result on a Dask cluster, concatenated and written to
    `root/standings.parquet`."""
    from dask.distributed import Client, LocalCluster

    rulebook = rulebook or sec.Rulebook.default()
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1,
                                                  processes=True, dashboard_address=None)
    with Client(scheduler or cluster) as client:
        futures = client.map(school_result, [str(root)] * len(schools), schools,
                             rulebook=rulebook, today=today)
        table = pa.concat_tables(client.gather(futures))
    if cluster is not None:
        cluster.close()
    pq.write_table(table, root / "standings.parquet")
    return table


def main(argv: list[str]) -> pa.Table:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--schools", type=int, default=20)
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scheduler", help="a Dask scheduler's address (default: a LocalCluster)")
    parser.add_argument("--today", default="2002-12-31")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    schools = generate(args.out, args.schools, args.members)
    table = run(args.out, schools, scheduler=args.scheduler, workers=args.workers, today=args.today)
    expelled = sum(1 for s in table.column("status").to_pylist() if s == "expelled")
    print(f"{len(schools)} schools, {table.num_rows:,} standings ({expelled:,} expelled) "
          f"written to {args.out / 'standings.parquet'}")
    return table


if __name__ == "__main__":
    main(sys.argv[1:])

