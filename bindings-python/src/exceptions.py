# The exception tree of `secretariat._core`, run once when the module loads (errors.rs).
# Every error of the core arrives as one of these classes, chosen by the area of its code
# (`leave.no_substitute` is a LeaveError).


class SecretariatError(Exception):
    """Any error of secretariat.

    ``code`` is the stable machine code (``leave.no_substitute``), ``path`` the offending
    field as a list of segments (``["members", 3, "grade"]``, empty for the whole input),
    ``message`` and ``message_zh`` the English and Simplified Chinese messages, ``messages``
    the message in every locale by tag (``"en"``, ``"zh-Hans"``, ``"zh-Hant"``), ``params``
    the named values the message is built from, and ``issues`` every problem found as dicts
    with the same keys (the first is this error itself).
    """

    def __init__(
        self, message="", *, code="", path=(), message_zh="", messages=None, params=None, issues=None
    ):
        super().__init__(message)
        self.message = message
        self.code = code
        self.path = list(path)
        self.message_zh = message_zh or message
        self.messages = dict(messages or {"en": message, "zh-Hans": self.message_zh})
        self.params = dict(params or {})
        self.issues = list(issues or [])

    def message_in(self, locale):
        """The message in ``locale`` (a tag of ``messages``: ``"zh-Hant"``...), English
        when the error has none in that locale."""
        return self.messages.get(locale, self.message)

    def __str__(self):
        # No core message begins with its path: the path is written in front.
        path = _joined(self.path)
        if path:
            return f"[{self.code}] {path}: {self.message}"
        return f"[{self.code}] {self.message}"

    # Pickling needs nothing more: `args` holds the message and `__dict__` the rest.


def _joined(path):
    """A path of segments as text: ``["members", 3, "grade"]`` is ``members[3].grade``."""
    out = ""
    for segment in path:
        if isinstance(segment, int):
            out += f"[{segment}]"
        else:
            out += f".{segment}" if out else str(segment)
    return out


class ValidationError(SecretariatError, ValueError):
    """Input or a requested operation is refused by a rule: also a ``ValueError``.

    ``issues`` lists every problem found when the operation checks them all (a leave
    request's refusals, for one); ``code`` and ``path`` are those of the first.
    """


class InputError(ValidationError):
    """Input data could not be read (``input.*``): wrong type, missing field, a float as
    money or a score (``input.invalid``)."""


class RulebookError(ValidationError):
    """The rulebook could not be read or holds an invalid value (``rulebook.*``)."""


class MemberError(ValidationError):
    """A member record is invalid or unknown (``member.*``)."""


class AttendanceError(ValidationError):
    """Attendance input is invalid (``attendance.*``)."""


class LeaveError(ValidationError):
    """A leave request is refused (``leave.*``)."""


class CalendarError(ValidationError):
    """A school calendar is invalid, or a day cannot be counted on it (``calendar.*``)."""


class ScheduleError(ValidationError):
    """A scheduling input is invalid (``schedule.*``)."""


class EvaluationError(ValidationError):
    """An evaluation scheme or its input is refused (``evaluation.*``)."""


class RecruitmentError(ValidationError):
    """A recruitment round or team is refused (``recruitment.*``)."""


class BudgetError(ValidationError):
    """A budget operation is refused: over a limit, too many decimals, an unknown line
    (``budget.*``)."""


class ActivityError(ValidationError):
    """An activity plan has a problem, or a lifecycle step is refused (``activity.*``)."""


class SchemaError(ValidationError):
    """No JSON Schema has the name asked for (``schema.unknown_name``)."""


class AuthorityError(SecretariatError):
    """The actor's role does not permit the action (``authority.not_permitted``). Not a
    ``ValueError``: the input is well formed, the person may not do it."""


for _class in (SecretariatError, ValidationError, InputError, RulebookError, MemberError,
               AttendanceError, LeaveError, CalendarError, ScheduleError, EvaluationError,
               RecruitmentError, BudgetError, ActivityError, SchemaError, AuthorityError):
    _class.__module__ = "secretariat._core"
del _class
