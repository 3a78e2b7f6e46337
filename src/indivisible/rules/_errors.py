"""Errors of the rules room: bad rule declarations and undeclared conflicts between clauses."""

from __future__ import annotations

from indivisible._errors import IndivisibleError


class RuleDeclarationError(IndivisibleError):
    """A rule is declared wrongly: unknown attribute, bad date, version after ``end``.

    Raised when the rule set is built (at import of the rules package), so a broken rule
    never reaches a user.

    Examples:
        >>> str(RuleDeclarationError("inf-1987/art-vi", "unknown attribute 'sinse'"))
        "rule 'inf-1987/art-vi': unknown attribute 'sinse'"
    """

    exit_code = 1

    def __init__(self, rule: str, reason: str) -> None:
        self.rule = rule
        self.reason = reason
        super().__init__(f"rule {rule!r}: {reason}")


class RuleConflictError(IndivisibleError):
    """Two rules give different results for the same subject with no declared precedence.

    The message cites both clauses, so the conflict can be settled by declaring which one
    is the exception to the other.
    """

    exit_code = 1
