"""secretariat.compare: one term under two rulebooks (what-if)."""

import datetime

import pytest

import secretariat as sec

TODAY = datetime.date(2002, 10, 19)


def test_a_lenient_rulebook_lists_every_member_it_spares() -> None:
    lenient = sec.Rulebook.from_toml("[attendance]\nlateness_limit = 5\n")
    diff = sec.compare(sec.TermData.sample(), None, lenient, today=TODAY)
    assert diff["changes"]
    for change in diff["changes"]:
        assert change["old"]["status"] != change["new"]["status"]
        assert "rule" in (change.get("old_step") or change.get("new_step"))


def test_the_same_rulebook_changes_nothing() -> None:
    diff = sec.compare(sec.TermData.sample(), None, sec.Rulebook.default(), today=TODAY)
    assert diff["changes"] == []


def test_a_broken_rulebook_is_refused_with_its_path() -> None:
    with pytest.raises(sec.RulebookError) as info:
        sec.compare(sec.TermData.sample(), None, {"attendance": {"lateness_limit": 0}}, today=TODAY)
    assert info.value.code == "rulebook.out_of_range"
    assert info.value.path == ["attendance", "lateness_limit"]
