"""`secretariat.schema(name)`: the JSON Schema of every input and result, as the core's
registry gives it (the committed files in schema/), checked with a real validator
(`jsonschema`) against every conformance vector's input and against known-bad inputs."""

from __future__ import annotations

import copy
import datetime
import json
import re
from typing import Any

import jsonschema
import pytest

import secretariat as sec

from conftest import REPO, load_vectors

MAPPING = json.loads((REPO / "tests" / "vector_schemas.json").read_text(encoding="utf-8"))

FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("decimal")
def _decimal(value: object) -> bool:
    return not isinstance(value, str) or re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", value) is not None


@FORMATS.checks("date")
def _date(value: object) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return not isinstance(value, str)
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@FORMATS.checks("partial-date-time")
def _partial_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?", value):
        return False
    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


@FORMATS.checks("partial-time")
def _partial_time(value: object) -> bool:
    return not isinstance(value, str) or re.fullmatch(r"\d{2}:\d{2}(:\d{2}(\.\d+)?)?", value) is not None


def validator(name: str) -> jsonschema.protocols.Validator:
    schema = sec.schema(name)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=FORMATS)


def pointer(document: Any, path: str) -> Any:
    """RFC 6901: the part of `document` at `path` (None when absent)."""
    if path == "":
        return document
    for token in path.lstrip("/").split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(document, list):
            document = document[int(token)] if int(token) < len(document) else None
        elif isinstance(document, dict):
            document = document.get(token)
        else:
            return None
        if document is None:
            return None
    return document


def input_parts() -> list[tuple[str, str, Any]]:
    """(case, schema name, value) for every mapped input part of every vector that expects
    a result, and every case's rulebook overlay."""
    parts = []
    for _, case in load_vectors():
        if "error" in case:
            continue
        spec = MAPPING["operations"][case["operation"]]
        for part in MAPPING["case"]:
            value = pointer(case, part["part"])
            if value is not None:
                parts.append((case["name"], part["schema"], value))
        for part in spec["input"]:
            value = pointer(case.get("input"), part["part"])
            if value is None:
                continue
            value = copy.deepcopy(value)
            for key in part.get("omit", []):
                value.pop(key, None)
            for item in value if part.get("each") else [value]:
                parts.append((case["name"], part["schema"], item))
    return parts


PARTS = input_parts()


def test_every_name_is_the_committed_file() -> None:
    files = {p.stem for p in (REPO / "schema").glob("*.json")}
    assert set(sec.SCHEMAS) == files
    for name in sec.SCHEMAS:
        committed = json.loads((REPO / "schema" / f"{name}.json").read_text(encoding="utf-8"))
        assert sec.schema(name) == committed, name


def test_money_is_decimal_text_and_dates_are_dates() -> None:
    expense = sec.schema("expense_record")
    assert expense["properties"]["amount"]["format"] == "decimal"
    assert expense["properties"]["amount"]["type"] == "string"
    assert expense["properties"]["date"]["format"] == "date"
    assert expense["properties"]["date"]["type"] == "string"


def test_an_unknown_name_is_a_schema_error() -> None:
    with pytest.raises(sec.SchemaError) as e:
        sec.schema("sports_day")
    assert e.value.code == "schema.unknown_name"
    assert e.value.path == ["name"]
    assert isinstance(e.value, ValueError)
    assert "leave_request" in e.value.params["known"]


def test_a_name_that_is_not_text_is_an_input_error() -> None:
    with pytest.raises(sec.InputError) as e:
        sec.schema(5)  # type: ignore[arg-type]
    assert e.value.path == ["name"]


def test_every_vector_operation_is_mapped() -> None:
    operations = {case["operation"] for _, case in load_vectors()}
    assert operations <= set(MAPPING["operations"])


@pytest.mark.parametrize(("case", "name", "value"), PARTS, ids=[f"{n}: {c}" for c, n, _ in PARTS])
def test_vector_inputs_validate(case: str, name: str, value: Any) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(value)]
    assert errors == []


def test_enough_inputs_are_checked() -> None:
    assert len(PARTS) >= 150
    assert len({name for _, name, _ in PARTS}) >= 15


def _sample_expense() -> dict[str, Any]:
    return {"date": "2002-10-12", "activity": "cup", "category": "training_materials",
            "amount": "45.50", "approver": "2000002", "receipt": "R-17"}


BAD = [
    ("money as a number", "expense_record", dict(_sample_expense(), amount=45.5)),
    ("money in words", "expense_record", dict(_sample_expense(), amount="forty")),
    ("money with an exponent", "expense_record", dict(_sample_expense(), amount="5e2")),
    ("no such day", "expense_record", dict(_sample_expense(), date="2002-02-30")),
    ("a required field missing", "expense_record",
     {k: v for k, v in _sample_expense().items() if k != "amount"}),
    ("an unknown key", "expense_record", dict(_sample_expense(), colour="red")),
    ("an overlay with a count as text", "rulebook_overlay", {"attendance": {"lateness_limit": "2"}}),
    ("a misspelt area", "rulebook_overlay", {"attendence": {}}),
]


@pytest.mark.parametrize(("what", "name", "value"), BAD, ids=[b[0] for b in BAD])
def test_known_bad_inputs_do_not_validate(what: str, name: str, value: Any) -> None:
    assert list(validator(name).iter_errors(value)), what


def test_the_good_expense_the_bad_ones_start_from_validates() -> None:
    assert list(validator("expense_record").iter_errors(_sample_expense())) == []


def test_the_bundled_sample_term_validates() -> None:
    term = json.loads((REPO / "core" / "data" / "sample_term.json").read_text(encoding="utf-8"))
    assert list(validator("term_data").iter_errors(term)) == []
