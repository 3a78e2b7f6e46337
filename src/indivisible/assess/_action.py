"""The action models: a move by one or more states, validated (pydantic).

An :class:`Action` is a move by one or more states: scenario entries added (deployments,
forces, exercises, accessions...), entries removed by id, and status events under
instruments (``{id: inf-1987, party: USA, event: withdrawn}``). It never changes the
baseline: :meth:`Action.apply` returns a new scenario and a new record. Re-exported by
``indivisible.assess`` and ``indivisible.assess.types``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from indivisible._bounds import check_date_bounds
from indivisible._dates import strict_iso_date
from indivisible.assess.types import ADD_GROUPS, REMOVE_GROUPS
from indivisible.record.types import EventKind
from indivisible.world import (
    Accession,
    Deployment,
    Exercise,
    Force,
    Holding,
    Prospect,
    ScenarioEntries,
    Site,
    StrategicForce,
    SystemPatch,
    UseOfForce,
    Verification,
)

__all__ = ["Action", "Additions", "InstrumentEvent", "Removals"]


IsoDate = Annotated[
    dt.date, BeforeValidator(strict_iso_date("2025-01-01")), AfterValidator(check_date_bounds)
]
EvaluationDate = Annotated[dt.date, BeforeValidator(strict_iso_date("2025-01-01"))]
"""The date an action is assessed on; its bounds (the record's coverage) are checked when
the action is loaded (``check_action``), against the record."""


def _codes(value: Any) -> Any:
    return (value,) if isinstance(value, str) else value


Codes = Annotated[tuple[str, ...], BeforeValidator(_codes), Field(min_length=1)]
"""One ISO3 code or a non-empty list of them, stored as a tuple."""

Ident = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class InstrumentEvent(_Model):
    """A status event the action adds to the record: ``{id, party, event, date?, source?}``.

    ``event`` is a record event kind (``withdrawn``, ``suspended``, ``notice_of_withdrawal``,
    ``signed``, ``adopted``...); ``date`` defaults to the action's date. Adopting a draft
    (``{id: ru-nato-draft-2021, party: nato, event: adopted}`` and the same for ``RUS``) makes
    its articles commitments in force for the assessment.
    """

    id: str = Field(min_length=1)
    party: str = Field(min_length=1)
    event: EventKind
    date: IsoDate | None = None
    source: str | None = None
    note: str | None = None


class Additions(ScenarioEntries):
    """Scenario entries an action adds (an entry with the id of a baseline entry replaces it)."""

    def entries(self) -> list[Any]:
        """Every entry, group by group in :data:`ADD_GROUPS` order."""
        return [x for g in ADD_GROUPS for x in getattr(self, g)]


class Removals(_Model):
    """Ids of baseline entries an action removes, by section."""

    deployments: tuple[Ident, ...] = ()
    forces: tuple[Ident, ...] = ()
    exercises: tuple[Ident, ...] = ()
    uses_of_force: tuple[Ident, ...] = ()
    sites: tuple[Ident, ...] = ()
    verifications: tuple[Ident, ...] = ()
    strategic_forces: tuple[Ident, ...] = ()
    prospects: tuple[Ident, ...] = ()

    def ids(self) -> list[str]:
        """Every id, group by group in :data:`REMOVE_GROUPS` order."""
        return [x for g in REMOVE_GROUPS for x in getattr(self, g)]


Locate = Callable[[Sequence[int | str]], int | None]


class Action(_Model):
    """A move to test: what it adds, removes and changes in the record, by whom, when.

    ``actor`` is one ISO3 code or a list (a joint or reciprocal move). ``on`` is the date the
    action is assessed on unless the caller gives one (then the scenario date). ``others``
    restricts the verdicts to these states (default: every state whose indicators the
    profile covers). ``source`` cites the bibliography.

    Examples:
        >>> a = Action.model_validate(
        ...     {"action": "INF withdrawal", "actor": "USA", "on": "2019-08-02",
        ...      "instruments": [{"id": "inf-1987", "party": "USA", "event": "withdrawn"}]})
        >>> a.actor, a.on, a.instruments[0].event
        (('USA',), datetime.date(2019, 8, 2), 'withdrawn')
    """

    action: str = Field(min_length=1)
    actor: Codes
    on: EvaluationDate | None = None
    add: Additions = Additions()
    remove: Removals = Removals()
    instruments: tuple[InstrumentEvent, ...] = ()
    others: tuple[str, ...] | None = None
    source: str | tuple[str, ...] | None = None
    note: str | None = None

    _path: str | None = PrivateAttr(default=None)
    _locate: Locate | None = PrivateAttr(default=None)

    @classmethod
    def of(
        cls,
        action: str,
        actor: str | Sequence[str],
        *,
        add: Iterable[Any] = (),
        remove: Mapping[str, Sequence[str]] | None = None,
        instruments: Iterable[Mapping[str, Any] | InstrumentEvent] = (),
        on: dt.date | str | None = None,
        source: str | None = None,
    ) -> Action:
        """Build an action in Python from entry models (sorted into their sections).

        Examples:
            >>> from indivisible.world import Accession
            >>> a = Action.of("FIN joins", "FIN", add=[Accession(state="FIN", org="nato",
            ...     on="2023-04-04")])
            >>> a.add.accessions[0].org
            'nato'
        """
        kinds: dict[type, str] = {
            Deployment: "deployments",
            Force: "forces",
            Exercise: "exercises",
            Accession: "accessions",
            Holding: "holdings",
            SystemPatch: "systems",
            Site: "sites",
            UseOfForce: "uses_of_force",
            Verification: "verifications",
            StrategicForce: "strategic_forces",
            Prospect: "prospects",
        }
        groups: dict[str, list[Any]] = {g: [] for g in ADD_GROUPS}
        for x in add:
            group = kinds.get(type(x))
            if group is None:
                names = ", ".join(k.__name__ for k in kinds)
                raise TypeError(f"cannot add a {type(x).__name__}; expected one of {names}")
            groups[group].append(x)
        return cls.model_validate(
            {
                "action": action,
                "actor": actor,
                "on": on,
                "add": Additions(**{g: tuple(v) for g, v in groups.items()}),
                "remove": Removals.model_validate(dict(remove or {})),
                "instruments": tuple(instruments),
                "source": source,
            }
        )

    @property
    def path(self) -> str | None:
        """The file the action was loaded from (``None`` when built in Python)."""
        return self._path

    def line(self, loc: Sequence[int | str]) -> int | None:
        """The 1-based line of the field at ``loc`` in the action file, if known."""
        return self._locate(loc) if self._locate is not None else None

    @property
    def sources(self) -> tuple[str, ...]:
        """The bibliography ids the action cites."""
        if self.source is None:
            return ()
        return (self.source,) if isinstance(self.source, str) else self.source
