"""secretariat: the working rules of a student union's secretariat, in Python.

A thin binding of the Rust core: every rule lives there; this package converts Python
values in (dicts, ``datetime.date``/``datetime.datetime`` or ISO text, ``decimal.Decimal``
or ``int`` for exact numbers) and results out as plain dicts and lists (dates as
``datetime.date``, money and scores as ``decimal.Decimal``), through one converter. Classes
remain only for handles with behaviour (``Rulebook``, ``TermData``, ``Roster``,
``AttendanceRegister``, ``BudgetLedger``, ``ActivityYear``, ``SchoolCalendar``) and for
``Table``, rows ready for pandas or polars. Errors are one exception tree rooted at
``SecretariatError``, each with a ``code`` and a ``path`` of segments. Form checks
(``check_leave_request``, ``check_expense``...) give every issue at once instead of raising.

>>> import datetime, secretariat as sec
>>> report = sec.term_report(sec.TermData.sample(), today=datetime.date(2002, 10, 14))
>>> sec.Table(report["standings"], key="member").get("2002013")["status"]
'expelled'
"""

from . import _core
from ._core import *  # noqa: F403 (every name of the compiled module, typed in _core.pyi)

__all__ = list(_core.__all__)
