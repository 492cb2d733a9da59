# The exception tree of `secretariat._core`, run once when the module loads (errors.rs).
# Every error of the core arrives as one of these classes, chosen by the area of its code
# (`leave.no_substitute` is a LeaveError).


class SecretariatError(Exception):
    """Any error of secretariat.

    ``code`` is the stable machine code (``leave.no_substitute``), ``path`` the offending
    field (``members[3].grade``, empty for the whole input), ``message`` and ``message_zh``
    the English and Simplified Chinese messages, ``params`` the named values the message is
    built from, and ``issues`` every problem found (the first is this error itself).
    """

    __module__ = "secretariat._core"

    def __init__(
        self,
        message="",
        *,
        code="",
        path="",
        message_zh="",
        params=None,
        issues=None,
    ):
        super().__init__(message)
        self.message = message
        self.code = code
        self.path = path
        self.message_zh = message_zh or message
        self.params = dict(params or {})
        self.issues = list(issues or [])

    def __str__(self):
        # Some core messages already begin with their path.
        if self.path and not self.message.startswith(self.path):
            return f"[{self.code}] {self.path}: {self.message}"
        return f"[{self.code}] {self.message}"

    def __reduce__(self):
        return (
            _rebuild,
            (
                type(self),
                self.message,
                self.code,
                self.path,
                self.message_zh,
                self.params,
                self.issues,
            ),
        )


def _rebuild(cls, message, code, path, message_zh, params, issues):
    return cls(
        message,
        code=code,
        path=path,
        message_zh=message_zh,
        params=params,
        issues=issues,
    )


class ValidationError(SecretariatError, ValueError):
    """Input or a requested operation is refused by a rule: also a ``ValueError``.

    ``issues`` lists every problem found when the operation checks them all (a leave
    request's refusals, for one); ``code`` and ``path`` are those of the first.
    """

    __module__ = "secretariat._core"


class InputError(ValidationError):
    """Input data could not be read (``input.*``): wrong type, missing field, a float as
    money (``input.float_money``)."""

    __module__ = "secretariat._core"


class RulebookError(ValidationError):
    """The rulebook could not be read or holds an invalid value (``rulebook.*``)."""

    __module__ = "secretariat._core"


class MemberError(ValidationError):
    """A member record is invalid or unknown (``member.*``)."""

    __module__ = "secretariat._core"


class AttendanceError(ValidationError):
    """Attendance input is invalid (``attendance.*``)."""

    __module__ = "secretariat._core"


class LeaveError(ValidationError):
    """A leave request is refused (``leave.*``)."""

    __module__ = "secretariat._core"


class ScheduleError(ValidationError):
    """A scheduling input is invalid (``schedule.*``)."""

    __module__ = "secretariat._core"


class EvaluationError(ValidationError):
    """An evaluation scheme or its input is refused (``evaluation.*``)."""

    __module__ = "secretariat._core"


class RecruitmentError(ValidationError):
    """A recruitment round or team is refused (``recruitment.*``)."""

    __module__ = "secretariat._core"


class BudgetError(ValidationError):
    """A budget operation is refused: over a limit, too many decimals, an unknown line
    (``budget.*``)."""

    __module__ = "secretariat._core"


class ActivityError(ValidationError):
    """An activity plan has a problem, or a lifecycle step is refused (``activity.*``)."""

    __module__ = "secretariat._core"


class AuthorityError(SecretariatError):
    """The actor's role does not permit the action (``authority.not_permitted``). Not a
    ``ValueError``: the input is well formed, the person may not do it."""

    __module__ = "secretariat._core"
