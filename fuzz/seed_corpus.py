"""Writes the seed corpus of every fuzz target (fuzz/corpus/<target>/) from the bundled
sample term, the rulebooks and the shared conformance vectors, so the fuzzer starts from
inputs that reach deep into each reader. Run from the repository root; `make fuzz` keeps
what the fuzzer adds beside these seeds."""

import glob
import hashlib
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "fuzz" / "corpus"
FORMS = ["leave_request", "activity_plan", "expense", "recruitment_application", "board_plan"]


def put(target: str, data: bytes) -> None:
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    (d / ("seed-" + hashlib.sha1(data).hexdigest()[:16])).write_bytes(data)


def dump(value) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


sample = json.loads((root / "core/data/sample_term.json").read_text())
put("read_rulebook", (root / "core/src/rulebook/default.toml").read_bytes())
put("read_rulebook", (root / "core/data/strict_rulebook.toml").read_bytes())
put("read_term", dump(sample))
year_ops = sample["budget_year"]["operations"]
put("activity_year", dump(year_ops))
put("ledger_ops", dump([{"expense": op["expense"]} for op in year_ops if "expense" in op]))
put("attendance_register", dump([{"marks": sample["marks"]}]))
put("attendance_register", dump([{"leave": r} for r in sample["leave_requests"]]))

for path in sorted(glob.glob(str(root / "tests/vectors/*.json"))):
    for case in json.loads(pathlib.Path(path).read_text())["cases"]:
        op, i = case["operation"], case.get("input")
        if case.get("rulebook") is not None:
            put("read_rulebook", dump(case["rulebook"]))
        if op == "rulebook.load_toml" and isinstance(i, str):
            put("read_rulebook", i.encode())
        elif op == "term_report":
            put("read_term", dump(i))
        elif op == "budget.ledger":
            put("ledger_ops", dump(i["operations"]))
        elif op == "activity.replay" and "year" in i:
            put("activity_year", dump(i["year"].get("operations", [])))
        elif op == "leave.check":
            put("attendance_register", dump([{"leave": i["request"]}]))
        elif op.startswith("form.") and op[5:] in FORMS:
            put("check_forms", bytes([FORMS.index(op[5:])]) + dump(i["form"]))
        elif op == "form.member_standing":
            put("check_forms", bytes([5]) + i["member"].encode())
        elif op == "form.event_countdown":
            put("check_forms", bytes([6]) + i["activity"].encode())
        elif op == "form.budget_remaining" and i.get("activity"):
            put("check_forms", bytes([7]) + i["activity"].encode())
