"""Hostile input never crashes the interpreter nor escapes as a builtin error: values nested
too deep, dates beyond Python's range, lone surrogates and huge integers are library errors
with a code and a path (issue #16), and every public function called with such values
raises only `SecretariatError`."""

from __future__ import annotations

import datetime
import inspect
import subprocess
import sys
import textwrap
from decimal import Decimal
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import secretariat as sec

DEEP = 10_000


def nested(kind: str, depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value] if kind == "list" else {"k": value}
    return value


def test_values_nested_10000_deep_are_refused_not_a_crash() -> None:
    # In a child interpreter, so that a crash fails this test instead of killing pytest.
    code = textwrap.dedent(
        f"""
        import secretariat as sec
        from test_hostile import nested
        calls = {{
            "Rulebook.from_dict": lambda v: sec.Rulebook.from_dict({{"meta": v}}),
            "TermData.from_dict": lambda v: sec.TermData.from_dict({{"members": v}}),
            "evaluate": lambda v: sec.evaluate({{"scheme": v}}),
        }}
        for name, call in calls.items():
            for kind in ("list", "dict"):
                try:
                    call(nested(kind, {DEEP}))
                except sec.InputError as e:
                    assert e.code == "input.too_deep", (name, kind, e.code)
                    assert e.path[0] in ("meta", "members", "scheme"), (name, e.path)
                    assert len(e.path) > 100, (name, e.path)
                else:
                    raise AssertionError(name + " accepted a value nested {DEEP} deep")
        print("refused")
        """
    )
    here = str(__import__("pathlib").Path(__file__).parent)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=here)
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-2000:]}"
    assert result.stdout.strip() == "refused"


def test_a_value_nested_within_the_bound_still_reads() -> None:
    with pytest.raises(sec.InputError) as e:
        sec.TermData.from_dict({"members": nested("list", 100)})
    assert e.value.code == "input.invalid"


def test_a_date_beyond_pythons_range_is_a_calendar_error() -> None:
    calendar = sec.SchoolCalendar((datetime.date(2002, 9, 2), datetime.date(2003, 7, 4)))
    with pytest.raises(sec.CalendarError) as e:
        calendar.add_working_days(datetime.date(1, 1, 1), -10)
    assert e.value.code == "calendar.date_out_of_range"
    assert e.value.path == ["date"]
    with pytest.raises(sec.CalendarError) as e:
        calendar.add_working_days(datetime.date(9999, 12, 30), 10)
    assert e.value.code == "calendar.date_out_of_range"


def test_a_lone_surrogate_is_an_input_error_with_a_path() -> None:
    term = sec.TermData.sample()
    with pytest.raises(sec.InputError) as e:
        term["\ud800"]
    assert e.value.path == ["key"]
    with pytest.raises(sec.InputError) as e:
        sec.Rulebook.from_toml("name = '\ud800'")
    assert e.value.path == ["text"]
    with pytest.raises(sec.InputError) as e:
        sec.TermData.from_dict({"members": [{"id": "\udfff"}]})
    assert e.value.path == ["members", 0, "id"]


def test_a_huge_int_is_an_input_error_with_a_path() -> None:
    calendar = sec.SchoolCalendar((datetime.date(2002, 9, 2), datetime.date(2003, 7, 4)))
    with pytest.raises(sec.InputError) as e:
        calendar.add_working_days(datetime.date(2002, 10, 14), 10**40)
    assert e.value.path == ["days"]
    with pytest.raises(sec.InputError) as e:
        sec.check_team("challenge_cup", [], year=10**40)
    assert e.value.path == ["year"]
    with pytest.raises(sec.InputError) as e:
        sec.Table([{"a": 1}])[10**40]
    assert e.value.path == ["index"]


# Every public function and method, called with hostile values in every argument.

HOSTILE = [
    None, 0, -1, 10**40, -(10**40), 2**63, 1.5, float("nan"), "", "\ud800", "x" * 1000,
    "2002-13-45", "0000-01-01", "-0001-01-01", "+10000-01-01", datetime.date(1, 1, 1),
    datetime.date(9999, 12, 31), datetime.datetime(1, 1, 1), Decimal("NaN"), Decimal("1e400"),
    [], {}, [None], {"": None}, {"\ud800": 1}, {1: 2}, b"bytes", object(), nested("list", 300),
    nested("dict", 300), (1, 2), ("a", "0001-01-01", "9999-12-31"),
]


def public_callables() -> list[tuple[str, Callable[..., Any]]]:
    term = sec.TermData.sample()
    handles: dict[str, Any] = {
        "Rulebook": sec.Rulebook.default(),
        "TermData": term,
        "Roster": term.roster(),
        "AttendanceRegister": term.register()[0],
        "SchoolCalendar": sec.SchoolCalendar(
            (datetime.date(2002, 9, 2), datetime.date(2003, 7, 4))
        ),
        "Table": sec.Table([{"a": 1}], key="a"),
    }
    out: list[tuple[str, Callable[..., Any]]] = []
    for name in sec.__all__:
        obj = getattr(sec, name)
        if inspect.isclass(obj) and issubclass(obj, BaseException):
            continue
        if inspect.isclass(obj):
            if obj.__text_signature__ is not None:  # a class made by its constructor
                out.append((name, obj))
            instance = handles.get(name)
            for attr in dir(obj):
                if attr.startswith("_") and attr not in ("__getitem__", "__contains__"):
                    continue
                member = getattr(instance if instance is not None else obj, attr)
                if callable(member) and (instance is not None or isinstance(
                        inspect.getattr_static(obj, attr), staticmethod)):
                    out.append((f"{name}.{attr}", member))
        elif callable(obj):
            out.append((name, obj))
    return out


CALLABLES = public_callables()


def parameters(fn: Callable[..., Any]) -> list[inspect.Parameter]:
    try:
        return list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return []


@pytest.mark.parametrize("name,fn", CALLABLES, ids=[n for n, _ in CALLABLES])
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_hostile_values_raise_only_library_errors(
    name: str, fn: Callable[..., Any], data: Any
) -> None:
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for p in parameters(fn):
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) or p.name == "progress":
            continue
        if p.default is not p.empty and data.draw(st.booleans()):
            continue
        value = data.draw(st.sampled_from(HOSTILE))
        if p.kind == p.KEYWORD_ONLY:
            kwargs[p.name] = value
        else:
            args.append(value)
    try:
        fn(*args, **kwargs)
    except sec.SecretariatError:
        pass
    except (KeyError, IndexError):
        # The protocol of `table[i]`, `roster[id]`, `term[key]` for an absent well-formed key.
        assert name.endswith("__getitem__")
    except OSError:
        assert name.endswith("from_file")  # a file that cannot be read, as `open` says


def test_a_table_of_core_rows_reads_like_its_list_of_dicts() -> None:
    # A table made by the core converts a row only when read; every way of reading agrees.
    term = sec.TermData.sample()
    register, _ = term.register()
    table = register.standings(calendar=term["calendar"], today=datetime.date(2002, 10, 14))
    rows = table.rows
    assert len(table) == len(rows) > 2
    assert list(table) == rows and [table[i] for i in range(len(table))] == rows
    assert table[-1] == rows[-1] and table[0] is not table[0]  # a fresh dict per read
    assert table.get(rows[2]["member"]) == rows[2] and table.get("nobody") is None
    assert list(table.to_columns()["member"]) == [r["member"] for r in rows]
    with pytest.raises(IndexError):
        table[len(rows)]
