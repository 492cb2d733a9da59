"""Writes ``python/secretariat/shapes.py``: the Python declarations (``TypedDict``,
``Literal`` unions, aliases) of every input and result shape, generated from the core's JSON
Schemas in ``schema/*.json`` so that a shape is written once, in the core.

Run by ``make schema`` after the schemas are written (``python3
bindings-python/scripts/write_shapes.py``); ``--check`` exits 1 when the committed file
differs from a fresh generation (``tests/test_shapes.py`` runs the same comparison).

Why a Python script: it writes Python and reads only the committed schema files, so it needs
neither a Rust build nor any package, and the Python tests can call it directly.

Rules, all read from the schemas:
- ``format: decimal`` is ``Decimal``, ``date`` ``datetime.date``, ``partial-date-time``
  ``datetime.datetime``, ``partial-time`` ``datetime.time``; in an input the binding also
  takes an ``int`` or text for a decimal and ISO text for a date or time, so inputs say so.
- A field named ``path`` holding text is a list of segments (``list[str | int]``): the
  binding's converter gives every ``path`` so.
- A schema reached from both inputs and results with different shapes (defaults make input
  fields optional) gets the result's name, and its input form the suffix ``Input``.
- A field an input may leave out is ``NotRequired``; results list every field.
"""

from __future__ import annotations

import json
import keyword
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SCHEMA_DIR = REPO / "schema"
OUT = HERE.parent / "python" / "secretariat" / "shapes.py"
REGENERATE = "make schema (or: python3 bindings-python/scripts/write_shapes.py)"

# The result schemas; every other schema is an input (the table of `secretariat::schema`).
RESULTS = {
    "term_report", "standing_result", "ranking", "score_sheet", "allocation", "team_check",
    "posting", "budget_report", "budget_remaining", "milestone_plan", "replan", "countdown",
    "lead_time_verdict", "meeting_occurrence", "plan_validation", "activity_report",
    "activity_status", "mark", "issue", "form_issue", "leave_request_result",
    "activity_plan_result", "expense_result", "recruitment_application_result",
    "board_plan_result", "budget_ledger",
}

FORMATS = {
    "decimal": ("Decimal", "Decimal | int | str"),
    "date": ("datetime.date", "datetime.date | str"),
    "partial-date-time": ("datetime.datetime", "datetime.datetime | str"),
    "partial-time": ("datetime.time", "datetime.time | str"),
}


def camel(text: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\-\s]+", text) if part)


class Generator:
    def __init__(self, schemas: dict[str, dict]):
        self.schemas = schemas
        # def name -> {kind: canonical json}, to find the names that need an `Input` form.
        shapes: dict[str, dict[str, set[str]]] = {}
        for file, schema in schemas.items():
            kind = "result" if file in RESULTS else "input"
            for name, body in self.defs_of(schema).items():
                shapes.setdefault(name, {}).setdefault(kind, set()).add(
                    json.dumps(body, sort_keys=True)
                )
        self.shapes = shapes
        self.blocks: dict[str, str] = {}  # python name -> declaration
        self.aliases: dict[str, tuple[str, str]] = {}  # name -> (expression, doc)
        self.done: set[str] = set()

    @staticmethod
    def defs_of(schema: dict) -> dict[str, dict]:
        defs = dict(schema.get("$defs", {}))
        top = {k: v for k, v in schema.items() if k not in ("$defs", "$schema")}
        defs[schema["title"]] = top
        return defs

    def py_name(self, name: str, kind: str) -> str:
        base = camel(name)
        both = self.shapes.get(name, {})
        if kind == "input" and "result" in both:
            if both["result"] != both.get("input", set()):
                return base + "Input"
        return base

    def declare(self, file: str) -> str:
        schema = self.schemas[file]
        kind = "result" if file in RESULTS else "input"
        self.defs = self.defs_of(schema)
        return self.named(schema["title"], kind)

    def named(self, name: str, kind: str) -> str:
        py = self.py_name(name, kind)
        if py in self.done:
            return py
        self.done.add(py)
        body = self.defs[name]
        if py == camel(name) and "result" in self.shapes.get(name, {}):
            kind = "result"  # one shape for both: the result's exact types name it
        if body.get("type") == "object" and "properties" in body:
            self.typed_dict(py, body, kind)
        elif "oneOf" in body and all(self.is_object(alt) for alt in body["oneOf"]):
            names = []
            for i, alt in enumerate(body["oneOf"]):
                alt_name = py + self.variant_name(alt, body["oneOf"], i)
                self.typed_dict(alt_name, alt, kind, body.get("description", ""))
                names.append(alt_name)
            self.aliases[py] = (" | ".join(names), body.get("description", ""))
        else:
            self.aliases[py] = (self.expr(body, kind, py), body.get("description", ""))
        return py

    @staticmethod
    def is_object(body: dict) -> bool:
        return body.get("type") == "object" and "properties" in body

    @staticmethod
    def variant_name(alt: dict, alts: list[dict], index: int) -> str:
        # An internally tagged variant is named by its tag (`{"outcome": "selected"}`).
        for sub in alt.get("properties", {}).values():
            if isinstance(sub, dict) and isinstance(sub.get("const"), str):
                return camel(sub["const"])
        others = set()
        for other in alts:
            if other is not alt:
                others.update(other.get("required", []))
        for key in alt.get("required", []):
            if key not in others:
                return camel(key)
        return str(index)

    def typed_dict(self, py: str, body: dict, kind: str, doc: str = "") -> None:
        required = set(body.get("required", []))
        description = body.get("description") or doc or py
        fields = []
        for field, sub in body.get("properties", {}).items():
            annotation = self.expr(sub, kind, py + camel(field), field)
            if field not in required:
                annotation = f"NotRequired[{annotation}]"
            fields.append((field, annotation, sub.get("description", "")))
        if all(f.isidentifier() and not keyword.iskeyword(f) for f, _, _ in fields):
            lines = [f"class {py}(TypedDict):", docstring(description, "    ")]
            for field, annotation, text in fields:
                lines.append(f"    {field}: {annotation}")
                if text:
                    lines.append(docstring(text, "    "))
        else:
            # A field that is a Python keyword (`from`) needs the functional form.
            lines = [comment(description, "")]
            lines += [comment(f"``{f}``: {text}", "") for f, _, text in fields if text]
            lines.append(f"{py} = TypedDict(")
            lines.append(f"    {py!r},")
            lines.append("    {" + ", ".join(f"{f!r}: {a!r}" for f, a, _ in fields) + "},")
            lines.append(")")
        self.blocks[py] = "\n".join(lines)

    def expr(self, body: dict | bool, kind: str, context: str, field: str = "") -> str:
        if body is True or body == {}:
            return "Any"
        assert isinstance(body, dict)
        if "$ref" in body:
            return self.named(body["$ref"].rsplit("/", 1)[-1], kind)
        if "const" in body:
            return f"Literal[{body['const']!r}]"
        if "enum" in body:
            return "Literal[" + ", ".join(repr(v) for v in body["enum"]) + "]"
        for union in ("oneOf", "anyOf"):
            if union in body:
                alts = body[union]
                if all("const" in a for a in alts):
                    return "Literal[" + ", ".join(repr(a["const"]) for a in alts) + "]"
                return join_union(
                    self.expr(a, kind, context + self.variant_name(a, alts, i), field)
                    if self.is_object(a)
                    else self.expr(a, kind, context, field)
                    for i, a in enumerate(alts)
                )
        types = body.get("type")
        if isinstance(types, list):
            return join_union(self.expr({**body, "type": t}, kind, context, field) for t in types)
        if types == "null":
            return "None"
        if types == "boolean":
            return "bool"
        if types == "integer":
            return "int"
        if types == "number":
            return "float"
        if types == "string":
            if field == "path":
                return "list[PathSegment]"
            if body.get("format") in FORMATS:
                return FORMATS[body["format"]][0 if kind == "result" else 1]
            return "str"
        if types == "array":
            return f"list[{self.expr(body.get('items', True), kind, context, field)}]"
        if types == "object":
            if "properties" in body:
                self.typed_dict(context, body, kind)
                self.done.add(context)
                return context
            extra = body.get("additionalProperties", True)
            return f"dict[str, {self.expr(extra, kind, context + 'Value')}]"
        return "Any"


def join_union(parts) -> str:
    seen: list[str] = []
    for part in parts:
        for piece in split_union(part):
            if piece not in seen:
                seen.append(piece)
    literals = [p[len("Literal[") : -1] for p in seen if p.startswith("Literal[")]
    if len(literals) > 1:  # `Literal['a'] | Literal['b']` is `Literal['a', 'b']`
        first = next(i for i, p in enumerate(seen) if p.startswith("Literal["))
        seen = [p for p in seen if not p.startswith("Literal[")]
        seen.insert(first, "Literal[" + ", ".join(literals) + "]")
    if "None" in seen:  # `X | None`, the form mypy and readers expect
        seen.remove("None")
        seen.append("None")
    return " | ".join(seen)


def split_union(text: str) -> list[str]:
    out, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "["
        depth -= ch == "]"
        if ch == "|" and depth == 0:
            out.append(current.strip())
            current = ""
        else:
            current += ch
    out.append(current.strip())
    return out


def comment(text: str, indent: str) -> str:
    words, lines, line = text.split(), [], indent + "#"
    for word in words:
        if len(line) + len(word) + 1 > 92:
            lines.append(line)
            line = indent + "#"
        line += " " + word
    lines.append(line)
    return "\n".join(lines)


def docstring(text: str, indent: str) -> str:
    text = " ".join(text.split()).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        text += " "
    return f'{indent}"""{text}"""'


def render(schema_dir: Path = SCHEMA_DIR) -> str:
    schemas = {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(schema_dir.glob("*.json"))
    }
    gen = Generator(schemas)
    tops = {file: gen.declare(file) for file in schemas}
    alias_order = order_aliases(gen.aliases)
    out = [
        f'"""The shapes of every input and result of secretariat, generated from the core\'s JSON',
        "Schemas (schema/*.json): a TypedDict per object, a Literal per enumeration. Results use",
        "``Decimal`` for money and exact numbers and ``datetime.date`` for dates; inputs also take",
        "an ``int`` or text for a decimal and ISO text for a date.",
        "",
        "``SHAPES`` gives the shape of each schema name of ``secretariat.schema``.",
        "",
        "Generated, do not edit: after changing a core type, run ``make schema``."
        '"""',
        "",
        "# Generated by bindings-python/scripts/write_shapes.py from schema/*.json; do not edit.",
        "# Regenerate: " + REGENERATE + ".",
        "",
        "from __future__ import annotations",
        "",
        "import datetime",
        "from decimal import Decimal",
        "from typing import TYPE_CHECKING, Any, Literal, TypedDict, Union",
        "",
        "if TYPE_CHECKING:  # typing.NotRequired is Python 3.11+; only type checkers read it",
        "    from typing_extensions import NotRequired",
        "",
    ]
    for name in sorted(gen.blocks):
        out += ["", gen.blocks[name], ""]
    for name in alias_order:
        expr, doc = gen.aliases[name]
        out += ["", f"{name} = {runtime_union(expr)}"]
        if doc:
            out.append(docstring(doc, ""))
    out += ["", "", "SHAPES: dict[str, Any] = {"]
    out += [f"    {f!r}: {t}," for f, t in tops.items()]
    out += ["}", '"""The shape of each schema name of ``secretariat.schema``."""', ""]
    return "\n".join(out)


def runtime_union(expr: str) -> str:
    """An alias's expression as runtime code: `Union[...]` when a part is a forward name."""
    parts = split_union(expr)
    if len(parts) == 1:
        return expr
    return "Union[" + ", ".join(parts) + "]"


def order_aliases(aliases: dict[str, tuple[str, str]]) -> list[str]:
    """Aliases after the aliases they name (classes come before every alias)."""
    order: list[str] = []

    def visit(name: str, stack: tuple[str, ...]) -> None:
        if name in order or name in stack:
            return
        for other in sorted(aliases):
            if other != name and re.search(rf"\b{other}\b", aliases[name][0]):
                visit(other, stack + (name,))
        order.append(name)

    for name in sorted(aliases):
        visit(name, ())
    return order


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is stale: run {REGENERATE}", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
