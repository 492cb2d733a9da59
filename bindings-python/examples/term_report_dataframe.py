"""An analyst's term report as a pandas DataFrame.

    python examples/term_report_dataframe.py [--data TERM.json] [--rulebook SCHOOL.toml]
                                             [--today YYYY-MM-DD] [--csv OUT.csv]

One row per member: the standing the rules give (status, counters, next consequence and
the explanation citing the rule) joined with the member's department and grade, then a
summary of statuses by department. Every verdict comes from the library; pandas only
joins and counts.
"""

from __future__ import annotations

import argparse
import datetime
import sys

import pandas as pd

import secretariat as sec


def term_frame(
    data: sec.TermData | None = None,
    rulebook: sec.Rulebook | None = None,
    today: datetime.date | None = None,
) -> pd.DataFrame:
    """The term's standings, one row per member, with department and grade."""
    data = data or sec.TermData.sample()
    report = sec.term_report(data, today=today, rulebook=rulebook)
    table = sec.Table(report["standings"], key="member")
    # Nested fields are flat columns: `counts.lateness`, `window.start`...
    standings = table.to_pandas().rename(
        columns={"counts.lateness": "lateness", "counts.absences": "absences"}
    )
    standings["explanation"] = [sec.explain(s) for s in table]
    members = pd.DataFrame(data["members"])[["id", "department", "grade", "role"]]
    frame = standings.merge(members.rename(columns={"id": "member"}), on="member", how="left")
    frame["report_day"] = report["today"]
    frame["rulebook"] = report["rulebook"]["version"]
    return frame


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="term data (JSON); default: the bundled sample")
    parser.add_argument("--rulebook", help="the school's rulebook (TOML or JSON)")
    parser.add_argument("--today", type=datetime.date.fromisoformat)
    parser.add_argument("--csv", help="also write the table to this CSV file")
    args = parser.parse_args(argv)
    data = sec.TermData.from_file(args.data) if args.data else None
    rulebook = sec.Rulebook.from_file(args.rulebook) if args.rulebook else None
    frame = term_frame(data, rulebook, args.today)
    columns = ["member", "name", "department", "status", "lateness", "absences", "explanation"]
    with pd.option_context("display.width", 160, "display.max_colwidth", 60):
        print(frame[columns].to_string(index=False))
        print()
        print(pd.crosstab(frame["department"], frame["status"]))
    if args.csv:
        frame.to_csv(args.csv, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
