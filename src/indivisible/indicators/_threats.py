"""Threat relations as readings: whom each state regards as a potential military threat.

Exposure-type indicators count the launchers of the states a state regards as a potential
military threat. *Who regards whom* is not a fact the tool decides: it is a **reading**.

* ``sourced`` (the default of :func:`load_threats`): the bundled
  ``data/threats.yaml``, dated relations read in each state's (or its organisation's) own
  public documents (national security strategies, military doctrines, NATO strategic
  concepts, Union State and EU documents), each with its source.
* ``alliance``: every state outside one's collective-defence alliances is a potential
  threat (the profile's historical rule; it makes every neutral state "threatened" by every
  launcher that reaches it).
* a user file in the same format as ``data/threats.yaml`` (``--threats FILE``).

A relation ``who → regards`` names states (ISO3) or organisations (``nato``, ``csto``,
``eu`` ...: their members on the date, scenario accessions honoured) and holds on the
dates ``from <= d < to``. Formulas and assumptions: ``docs/indicators.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field

from indivisible._errors import InputError

BoolArray = npt.NDArray[np.bool_]

ALLIANCE = "alliance"
"""Name of the reading "every state outside one's alliance is a potential threat"."""

SOURCED = "sourced"
"""Name of the bundled reading (``data/threats.yaml``)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Relation(BaseModel):
    """One dated relation: ``who`` regards every entry of ``regards`` as a potential threat."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    who: list[str] = Field(min_length=1)
    regards: list[str] = Field(min_length=1)
    from_: dt.date = Field(alias="from")
    to: dt.date | None = None
    document: str = Field(min_length=1)
    says: str | None = None
    source: str = Field(min_length=1)
    note: str | None = None


class _File(_Model):
    name: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    title: str = Field(min_length=1)
    relations: list[Relation]


@dataclass(frozen=True)
class ThreatReading:
    """A reading of who regards whom as a potential military threat.

    Attributes:
        name: the reading's name (``sourced``, ``alliance`` or a user file's ``name``).
        title: one line saying what the reading is.
        relations: the dated relations (empty for ``alliance``, which is a rule).
        path: the file it was read from (``None`` for ``alliance``).
    """

    name: str
    title: str
    relations: tuple[Relation, ...] = ()
    path: str | None = None

    @property
    def rule(self) -> bool:
        """Whether the reading is the alliance rule (not a list of relations)."""
        return self.name == ALLIANCE and self.path is None

    def describe(self) -> str:
        """One line for the assumptions of a profile or an assessment."""
        if self.rule:
            return (
                "threat reading 'alliance': every state outside one's collective-defence "
                "alliances counts as a potential threat"
            )
        return (
            f"threat reading {self.name!r}: {len(self.relations)} dated relations of who "
            f"regards whom as a potential military threat ({self.title})"
        )

    def matrix(
        self,
        record: Any,
        scenario: Any,
        on: dt.date,
        codes: Sequence[str],
        allied: BoolArray,
    ) -> BoolArray:
        """``[C, C]`` True where ``codes[s]`` regards ``codes[o]`` as a threat on ``on``.

        Args:
            record: the record (organisation memberships).
            scenario: the scenario (its accessions are honoured).
            on: the date.
            codes: the states (rows and columns).
            allied: ``[C, C]`` alliance matrix over ``codes`` (the ``alliance`` rule).
        """
        n = len(codes)
        if self.rule:
            out = ~allied.copy()
            np.fill_diagonal(out, False)
            return out
        index = {c: i for i, c in enumerate(codes)}
        out = np.zeros((n, n), dtype=bool)
        memo: dict[str, list[int]] = {}

        def expand(ids: Sequence[str]) -> list[int]:
            got: list[int] = []
            for x in ids:
                if x not in memo:
                    if x in record.organisations:
                        memo[x] = [index[m] for m in scenario.members(record, x, on) if m in index]
                    else:
                        memo[x] = [index[x]] if x in index else []
                got += memo[x]
            return got

        for rel in self.relations:
            if on < rel.from_ or (rel.to is not None and on >= rel.to):
                continue
            rows = np.asarray(expand(rel.who), dtype=np.intp)
            cols = np.asarray(expand(rel.regards), dtype=np.intp)
            if rows.size and cols.size:
                out[np.ix_(rows, cols)] = True
        np.fill_diagonal(out, False)
        return out

    def relations_on(self, on: dt.date) -> list[Relation]:
        """The relations that hold on ``on``."""
        return [r for r in self.relations if r.from_ <= on and (r.to is None or on < r.to)]


def alliance_reading() -> ThreatReading:
    """The reading "every state outside one's alliance is a potential threat"."""
    return ThreatReading(
        ALLIANCE, "every state outside one's collective-defence alliances is a potential threat"
    )


def _bundled_path() -> Path:
    return Path(str(resources.files("indivisible") / "data" / "threats.yaml"))


def load_threats(
    path: str | Path | None = None, record: Any | None = None, *, bundled: bool = False
) -> ThreatReading:
    """Read a threat-relations file (``None``: the bundled ``sourced`` reading).

    Args:
        path: a YAML file in the format of ``data/threats.yaml``; ``None`` for the bundled.
        record: when given, every ``who``/``regards`` id must be a state or organisation of
            the record and, for the bundled file, every ``source`` an entry of its
            bibliography.
        bundled: check sources against the record's bibliography even for ``path``.

    Raises:
        InputError: unreadable file, unknown key, missing field, bad date, ``to`` not after
            ``from``, unknown state or organisation, or unknown source (with file and line).
    """
    from indivisible._paths import read_yaml_input
    from indivisible._yaml import line_of, validate

    p = _bundled_path() if path is None else Path(path)
    is_bundled = bundled or path is None
    if not p.is_file():
        raise InputError("no such threat-relations file", path=p, field="threats")
    data, node = read_yaml_input(p, p)
    parsed = validate(_File, data, path=p, node=node)
    for i, rel in enumerate(parsed.relations):
        if rel.to is not None and rel.to <= rel.from_:
            raise InputError(
                f"'to' ({rel.to}) must be after 'from' ({rel.from_})",
                path=p,
                line=line_of(node, ("relations", i, "to")),
                field=f"relations[{i}].to",
            )
        if record is None:
            continue
        for key in ("who", "regards"):
            for j, x in enumerate(getattr(rel, key)):
                if x not in record.states and x not in record.organisations:
                    raise InputError(
                        f"{x!r} is neither a state (ISO3) nor an organisation of the record",
                        path=p,
                        line=line_of(node, ("relations", i, key, j)),
                        field=f"relations[{i}].{key}[{j}]",
                    )
        if is_bundled and rel.source not in record.sources:
            raise InputError(
                f"source {rel.source!r} is not in the bibliography (data/sources/*.yaml)",
                path=p,
                line=line_of(node, ("relations", i, "source")),
                field=f"relations[{i}].source",
            )
    return ThreatReading(parsed.name, parsed.title, tuple(parsed.relations), str(p))


def as_reading(
    value: ThreatReading | str | Path | None, record: Any | None = None
) -> ThreatReading:
    """A threat reading from a reading, a name (``sourced``, ``alliance``) or a file path.

    ``None`` is the ``alliance`` rule (the profile's default, unchanged).
    """
    if isinstance(value, ThreatReading):
        return value
    if value is None or value == ALLIANCE:
        return alliance_reading()
    if value == SOURCED:
        return load_threats(None, record)
    return load_threats(value, record)


__all__ = [
    "ALLIANCE",
    "SOURCED",
    "Relation",
    "ThreatReading",
    "alliance_reading",
    "as_reading",
    "load_threats",
]
