"""Validated models of a scenario: holdings, deployments, forces, exercises, systems.

A scenario is the state of the world the rules are run against: who holds what where, which
weapon systems sit at which site since when, which forces are stationed abroad, which
exercises run, which uses of force and which (hypothetical) accessions happen. Every model
rejects unknown keys and is frozen; lists are stored as tuples so a loaded scenario cannot be
changed in place (``Scenario.with_changes`` returns a new one).

Conventions (see ``docs/scenarios.md``):

* dates are ISO ``YYYY-MM-DD``; ``since`` is the first day a deployment or force is present
  and ``until`` the first day it no longer is (``None``: open); an exercise runs from ``start``
  to ``end`` inclusive;
* ``owner`` is one ISO 3166-1 alpha-3 code or a list of them, always stored as a tuple;
* a number that parties report differently is a :class:`Readings`: one value per reading,
  readings named by who gives them (``{RUS: 480, USA: 500}``); a plain number is stored as
  the single reading ``reported``;
* lengths are kilometres, speeds kilometres per hour, coordinates WGS84 decimal degrees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    Strict,
    StrictBool,
    field_validator,
    model_validator,
)

from indivisible._bounds import (
    MAX_COUNT,
    MAX_PERSONNEL,
    MAX_RANGE_KM,
    MAX_SPEED_KMH,
    check_date_bounds,
)
from indivisible._dates import strict_iso_date

__all__ = [
    "AREAS",
    "CATEGORIES",
    "END_SUFFIXES",
    "REPORTED",
    "Accession",
    "Area",
    "Basing",
    "Basis",
    "Category",
    "Deployment",
    "Exercise",
    "Force",
    "Holding",
    "NuclearCapable",
    "Posture",
    "Prospect",
    "Reading",
    "Readings",
    "Role",
    "ScenarioSource",
    "Site",
    "StrategicForce",
    "System",
    "SystemClass",
    "SystemPatch",
    "UseOfForce",
    "Verification",
    "reading_end",
]

REPORTED = "reported"
"""Name of the single reading a plain number is stored under."""


IsoDate = Annotated[
    dt.date, BeforeValidator(strict_iso_date("2022-02-14")), AfterValidator(check_date_bounds)
]
"""A calendar date written ``YYYY-MM-DD`` (timestamps and numbers are rejected), between
1900-01-01 and 2100-12-31 (``indivisible._bounds``)."""

EvaluationDate = Annotated[dt.date, BeforeValidator(strict_iso_date("2022-02-14"))]
"""The date a scenario is evaluated on, written ``YYYY-MM-DD``; its bounds (the record's
coverage) are checked by the loader, which knows the record."""

Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]
"""A finite number written as a number: text (``"480"``) and booleans are rejected."""

Count = Annotated[int, Strict(), Field(ge=0, le=MAX_COUNT)]
"""A count of items written as a whole number (not text, not a boolean, not ``3.0``)."""

Personnel = Annotated[int, Strict(), Field(ge=0, le=MAX_PERSONNEL)]
"""A number of personnel written as a whole number."""

Latitude = Annotated[float, Strict(), Field(ge=-90, le=90, allow_inf_nan=False)]
"""WGS84 latitude in decimal degrees, written as a number."""

Longitude = Annotated[float, Strict(), Field(ge=-180, le=180, allow_inf_nan=False)]
"""WGS84 longitude in decimal degrees, written as a number."""


def _owners(value: Any) -> Any:
    if isinstance(value, str):
        return (value,)
    return value


Owners = Annotated[tuple[str, ...], BeforeValidator(_owners), Field(min_length=1)]
"""One ISO3 code or a non-empty list of them, stored as a tuple."""

Code = Annotated[str, Field(min_length=1, max_length=80)]
"""An ISO 3166-1 alpha-3 code in upper case; checked against the record when loaded."""

Ident = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]
"""An entry id: lower case letters, digits, ``_``, ``.`` and ``-``."""

Category = Literal[
    "battle_tank", "acv", "artillery", "combat_aircraft", "attack_helicopter", "personnel"
]
"""Holding categories: the five CFE treaty-limited equipment categories plus personnel."""

CATEGORIES: tuple[str, ...] = (
    "battle_tank",
    "acv",
    "artillery",
    "combat_aircraft",
    "attack_helicopter",
    "personnel",
)

AREAS: tuple[str, ...] = ("atu", "flank")
"""Named holding areas: the CFE Atlantic-to-the-Urals zone and its flank zone."""

Posture = Literal["permanent", "rotational", "temporary", "episodic"]
"""How a presence is kept: standing, by rotating units, for a set period, or in episodes."""

Role = Literal["combat", "support", "training", "air_policing", "peacekeeping"]
"""What stationed forces are there for."""

Basing = Literal["ground", "sea", "air"]


def _nuclear(value: Any) -> Any:
    if value is True or value is False or value == "dual":
        return value
    raise ValueError(f"expected true, false or dual, got {value!r}")


NuclearCapable = Annotated[bool | Literal["dual"], BeforeValidator(_nuclear)]
"""``true`` (nuclear only), ``false`` (conventional only) or ``dual`` (either)."""

SystemClass = Literal[
    "ground_launched_ballistic_missile",
    "ground_launched_cruise_missile",
    "hypersonic_glide_vehicle",
    "air_launched_ballistic_missile",
    "air_launched_cruise_missile",
    "sea_launched_cruise_missile",
    "sea_launched_hypersonic_cruise_missile",
    "icbm",
    "slbm",
    "heavy_bomber",
    "interceptor",
    "dual_role",
    "launcher",
]
"""Classes of weapon systems. ``hypersonic_glide_vehicle`` is ground-launched; ``interceptor``
has no surface-attack role; ``dual_role`` is an air-defence missile with a surface-attack
mode (SM-6); ``launcher`` is a launcher whose range is that of the missiles it ``carries``."""

Basis = Literal["unsc_authorization", "self_defence", "consent", "none"]
"""The legal basis invoked for (or denied to) a use of force."""

Status = Literal["confirmed", "reported", "planned", "claimed"]
"""How firm a scenario entry is: confirmed by the parties, reported by the press, announced as
planned, or claimed by one party only."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Reading(_Model):
    """One party's (or one source's) value of a disputed or uncertain number.

    ``qualifier`` says how the value was given (the kind of the interval): ``reported`` as a
    figure, ``at_least`` a lower bound (e.g. "prohibited by INF, so 500 km or more"),
    ``up_to`` an upper bound, ``about`` an approximation, ``between`` a stated range given in
    ``band``. ``band`` keeps a stated range (``[500, 5500]``) next to the value used in
    computations. :attr:`interval` is what the reading asserts: the bounds a test must hold
    for (an answer that depends on where in the interval the true value lies is
    undetermined).
    """

    value: Annotated[Number, Field(ge=0, le=MAX_PERSONNEL)]
    qualifier: Literal["reported", "at_least", "up_to", "about", "between"] = "reported"
    band: tuple[Number, Number] | None = None
    source: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _band_ordered(self) -> Reading:
        if self.band is not None and not 0 <= self.band[0] <= self.band[1]:
            raise ValueError(f"band must be [low, high] with 0 <= low <= high, got {self.band}")
        if self.qualifier == "between" and self.band is None:
            raise ValueError("a 'between' reading needs its band [low, high]")
        return self

    @property
    def interval(self) -> tuple[float, float]:
        """The bounds this reading asserts, ``(low, high)`` (``high`` may be ``inf``).

        ``reported``/``about``: the value itself; ``up_to``: from the band's low end (or 0) to
        the value; ``at_least``: from the value to the band's high end (or ``inf``);
        ``between``: the band.
        """
        v = self.value
        if self.qualifier == "up_to":
            return (self.band[0] if self.band else 0.0, v)
        if self.qualifier == "at_least":
            return (v, self.band[1] if self.band else float("inf"))
        if self.qualifier == "between" and self.band is not None:
            return (self.band[0], self.band[1])
        return (v, v)

    @property
    def exact(self) -> bool:
        """Whether the reading is a plain figure (not a bound nor an approximation)."""
        return self.qualifier == "reported"


END_SUFFIXES = {" (inner)": "inner", " (outer)": "outer"}
"""How :meth:`Readings.bounds` names the ends of an interval reading, and which end."""


def reading_end(name: str | None) -> tuple[str | None, str | None]:
    """``"RUS (inner)"`` -> ``("RUS", "inner")``; a plain reading name -> ``(name, None)``.

    Examples:
        >>> reading_end("RUS (inner)"), reading_end("faz-2019")
        (('RUS', 'inner'), ('faz-2019', None))
    """
    if name is not None:
        for suffix, end in END_SUFFIXES.items():
            if name.endswith(suffix):
                return name[: -len(suffix)], end
    return name, None


def _readings(value: Any) -> Any:
    if isinstance(value, bool):
        return value  # let validation reject it
    if isinstance(value, int | float):
        return {REPORTED: {"value": value}}
    if isinstance(value, Mapping):
        out: dict[Any, Any] = {}
        for k, v in value.items():
            out[str(k)] = (
                {"value": v} if isinstance(v, int | float) and not isinstance(v, bool) else v
            )
        return out
    return value


class Readings(RootModel[dict[str, Reading]]):
    """A number with one value per reading, named by who gives it.

    Written in YAML as a plain number (one reading, ``reported``) or a mapping of reading
    names to numbers or to :class:`Reading` mappings (``{RUS: 480, USA: {value: 500,
    qualifier: at_least, band: [500, 5500], source: ...}}``).

    Examples:
        >>> r = Readings.model_validate({"RUS": 480, "USA": 2500})
        >>> r.names, r.low, r.high, r.value("RUS"), r.disputed
        (('RUS', 'USA'), 480.0, 2500.0, 480.0, True)
        >>> Readings.model_validate(500).value()
        500.0
    """

    model_config = ConfigDict(frozen=True)
    root: dict[str, Reading] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _coerce(cls, value: Any) -> Any:
        return _readings(value)

    @field_validator("root")
    @classmethod
    def _names(cls, value: dict[str, Reading]) -> dict[str, Reading]:
        for name in value:
            if not name or len(name) > 60:
                raise ValueError(f"reading names must be 1 to 60 characters, got {name!r}")
        return value

    @property
    def names(self) -> tuple[str, ...]:
        """The reading names, in file order."""
        return tuple(self.root)

    @property
    def disputed(self) -> bool:
        """Whether the readings give different values."""
        return len({r.value for r in self.root.values()}) > 1

    @property
    def low(self) -> float:
        """The smallest value over all readings."""
        return min(r.value for r in self.root.values())

    @property
    def high(self) -> float:
        """The largest value over all readings."""
        return max(r.value for r in self.root.values())

    def bounds(self) -> Readings:
        """These readings with both ends of every interval as readings of their own.

        A reading given as a bound (``up_to``, ``at_least``, ``between``) asserts an interval;
        an indicator evaluates both ends. The reading keeps its name and value; its interval's
        other end is added as ``"<name> (inner)"`` (the low end, where below the value) or
        ``"<name> (outer)"`` (the high end, where above the value and finite). An end the
        reading does not state (``up_to`` without a band: the low end 0; ``at_least`` without
        one: no high end) adds nothing. Plain figures and approximations are unchanged.

        Examples:
            >>> r = Readings.model_validate({"RUS": {"value": 500, "qualifier": "up_to",
            ...                                      "band": [50, 500]}, "csis": 500})
            >>> {k: v.value for k, v in r.bounds().root.items()}
            {'RUS': 500.0, 'RUS (inner)': 50.0, 'csis': 500.0}
        """
        out: dict[str, Reading] = {}
        for name, r in self.root.items():
            out[name] = r
            if r.qualifier not in ("up_to", "at_least", "between"):
                continue
            lo, hi = r.interval
            if 0 < lo < r.value:
                out[f"{name} (inner)"] = r.model_copy(update={"value": lo, "qualifier": "reported"})
            if r.value < hi < float("inf"):
                out[f"{name} (outer)"] = r.model_copy(update={"value": hi, "qualifier": "reported"})
        return Readings.model_validate({k: v.model_dump() for k, v in out.items()})

    def reading(self, name: str) -> Reading:
        """The reading called ``name`` (``KeyError`` if there is none)."""
        return self.root[name]

    def check_at_most(self, bound: float, what: str) -> Readings:
        """``self`` if every value (and band) is at most ``bound``; ``ValueError`` otherwise."""
        for name, r in self.root.items():
            top = max(r.value, r.band[1] if r.band is not None else 0.0)
            if top > bound:
                raise ValueError(f"{what} of reading {name!r} is {top:g}; at most {bound:g}")
        return self

    def value(self, reading: str | None = None) -> float:
        """The value under ``reading``.

        Without a reading (or with a reading this number does not have), the value is
        returned only if all readings agree; otherwise ``ValueError`` names the readings to
        choose from. The tool never picks a side silently.
        """
        if reading is not None and reading in self.root:
            return self.root[reading].value
        values = {r.value for r in self.root.values()}
        if len(values) == 1:
            return next(iter(values))
        wanted = f"no reading {reading!r}; " if reading is not None else ""
        raise ValueError(f"{wanted}disputed value: choose a reading of {', '.join(self.root)}")


class ScenarioSource(_Model):
    """A public report a scenario cites (scenario-level ``sources:``)."""

    id: Ident
    title: str = Field(min_length=1)
    url: str | None = None
    publisher: str | None = None
    date: IsoDate | None = None
    note: str | None = None


class Site(_Model):
    """A named point: a base, a launch site, a town (WGS84 decimal degrees).

    ``precision`` says what the point is: the installation itself (``site``), the nearest
    town (``town``), the centre of a wider area (``area``), or a stand-in where the location
    is not public (``placeholder``, e.g. the host's capital).
    ``id`` and ``host`` are only used for the scenario-level ``sites:`` list (extra places to
    measure exposure for); a deployment's or force's ``site`` needs only name and position.
    """

    id: Ident | None = None
    name: str = Field(min_length=1)
    lat: Latitude
    lon: Longitude
    precision: Literal["site", "town", "area", "placeholder"] = "site"
    host: Code | None = None
    source: str | None = None
    note: str | None = None


class Area(_Model):
    """A circular area: centre and radius in kilometres."""

    lat: Latitude
    lon: Longitude
    radius_km: Annotated[Number, Field(gt=0, le=20000)]
    name: str | None = None


class Holding(_Model):
    """Holdings of one state in one category and area on the scenario date.

    ``area`` is ``atu`` (the CFE area of application, Atlantic to the Urals), ``flank`` (its
    flank zone) or an ISO3 code (holdings on that state's territory). Layering key:
    ``(state, category, area)``.
    """

    state: Code
    category: Category
    count: Personnel
    area: str = "atu"
    source: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _count_bound(self) -> Holding:
        if self.category != "personnel" and self.count > MAX_COUNT:
            raise ValueError(
                f"count {self.count} of {self.category} is above {MAX_COUNT:,} (the most items "
                "one entry may hold)"
            )
        return self

    @property
    def key(self) -> tuple[str, str, str]:
        """The layering key ``(state, category, area)``."""
        return (self.state, self.category, self.area)


class Deployment(_Model):
    """Weapon systems of ``owner`` at a site on ``host``'s territory.

    ``count`` counts what ``count_of`` says (missiles by default: interceptors at an Aegis
    Ashore site, missiles of a brigade). ``nuclear`` records whether nuclear warheads are
    reported with the deployment (``None``: not stated; the system's ``nuclear_capable``
    gives its capability).
    """

    id: Ident
    owner: Owners
    host: Code
    site: Site
    system: str = Field(min_length=1)
    count: Count = 1
    count_of: Literal[
        "missiles",
        "launchers",
        "batteries",
        "battalions",
        "brigades",
        "warheads",
        "aircraft",
        "sites",
    ] = "missiles"
    since: IsoDate
    until: IsoDate | None = None
    posture: Posture = "permanent"
    status: Status = "reported"
    nuclear: StrictBool | None = None
    source: str | None = None
    note: str | None = None

    def active(self, on: dt.date) -> bool:
        """Whether the deployment is present on ``on`` (``since <= on < until``)."""
        return self.since <= on and (self.until is None or on < self.until)


class Force(_Model):
    """Personnel of ``owner`` stationed on ``host``'s territory.

    ``owner`` may list several states (a multinational battlegroup); ``lead`` names the
    framework nation where there is one.
    """

    id: Ident
    owner: Owners
    host: Code
    personnel: Personnel
    role: Role = "combat"
    posture: Posture = "permanent"
    since: IsoDate
    until: IsoDate | None = None
    lead: Code | None = None
    site: Site | None = None
    status: Status = "reported"
    source: str | None = None
    note: str | None = None

    def active(self, on: dt.date) -> bool:
        """Whether the force is present on ``on`` (``since <= on < until``)."""
        return self.since <= on and (self.until is None or on < self.until)


class Exercise(_Model):
    """A military exercise from ``start`` to ``end`` (both inclusive).

    Counts are :class:`Readings`: a plain number, or one value per reading where the
    notified figure and other figures differ (by convention the figure the conducting
    states declared or notified is the reading ``declared``). ``personnel`` is required;
    an equipment count left out (``None``) was not reported. ``notified_on`` is the date
    of prior notification (``None``: not notified or unknown).
    """

    id: Ident
    name: str | None = None
    owner: Owners
    host: Code
    area: Area
    start: IsoDate
    end: IsoDate
    personnel: Readings
    battle_tanks: Readings | None = None
    acv: Readings | None = None
    artillery: Readings | None = None
    sorties: Readings | None = None
    notified_on: IsoDate | None = None
    commands: Annotated[int, Strict(), Field(ge=0, le=1000)] = 1
    observers_invited: StrictBool = False
    source: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _count_bounds(self) -> Exercise:
        self.personnel.check_at_most(MAX_PERSONNEL, "personnel")
        for name in ("battle_tanks", "acv", "artillery", "sorties"):
            q = getattr(self, name)
            if q is not None:
                q.check_at_most(MAX_COUNT, name)
        return self

    def active(self, on: dt.date) -> bool:
        """Whether the exercise runs on ``on`` (``start <= on <= end``)."""
        return self.start <= on <= self.end


class UseOfForce(_Model):
    """A use of force by ``actor`` on ``territory``.

    ``basis`` is one basis or one per reading (``{RUS: self_defence, UKR: none}``); a single
    value is stored as the reading ``reported``.
    """

    id: Ident
    actor: Owners
    territory: Code
    date: IsoDate
    end: IsoDate | None = None
    basis: dict[str, Basis] = Field(min_length=1)
    source: str | None = None
    note: str | None = None

    @field_validator("basis", mode="before")
    @classmethod
    def _basis(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {REPORTED: value}
        return value


class Accession(_Model):
    """A (hypothetical) membership change: ``state`` joins ``org`` on ``on``."""

    state: Code
    org: str = Field(min_length=1)
    on: IsoDate
    source: str | None = None
    note: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """The layering key ``(state, org)``."""
        return (self.state, self.org)


VERIFIED_PARAMETERS = ("range_km", "capability", "exercise_personnel", "strategic_warheads")
"""What a verification can settle (``Verification.covers``)."""


class Verification(_Model):
    """A verification or transparency regime: ``by`` inspects what ``of`` holds.

    While active (``since <= on < until``) it resolves the disputed parameters it
    ``covers`` of the entries of ``of`` (deployments, exercises, strategic forces):
    ``range_km`` (a disputed range reading), ``capability`` (a disputed reading of what a
    launcher can fire, e.g. the Mk 41 launchers of Aegis Ashore), ``exercise_personnel``
    (disputed exercise figures) and ``strategic_warheads`` (strategic warheads counted under
    verified limits). ``subjects`` restricts it to these entry ids (empty: every entry of
    ``of``). Which reading the visits would confirm is not modelled: a verification only
    makes a parameter verified (``docs/indicators.md``, ``unverified_disputes``).
    """

    id: Ident
    name: str | None = None
    by: Owners
    of: Owners
    covers: tuple[
        Literal["range_km", "capability", "exercise_personnel", "strategic_warheads"], ...
    ] = Field(min_length=1)
    subjects: tuple[Ident, ...] = ()
    since: IsoDate
    until: IsoDate | None = None
    source: str | None = None
    note: str | None = None

    def active(self, on: dt.date) -> bool:
        """Whether the regime runs on ``on`` (``since <= on < until``)."""
        return self.since <= on and (self.until is None or on < self.until)

    def resolves(self, owners: tuple[str, ...], ident: str, parameter: str, on: dt.date) -> bool:
        """Whether it verifies ``parameter`` of entry ``ident`` held by ``owners`` on ``on``."""
        return (
            self.active(on)
            and parameter in self.covers
            and any(o in self.of for o in owners)
            and (not self.subjects or ident in self.subjects)
        )


class StrategicForce(_Model):
    """One state's strategic offensive arms in the New START categories, as of a date.

    ``deployed_warheads`` counts warheads on deployed ICBMs and SLBMs plus one per
    deployed heavy bomber (the treaty's counting rule), ``deployed_launchers`` the deployed
    ICBMs, SLBMs and heavy bombers, ``launchers`` deployed and non-deployed launchers and
    bombers. Present from ``since`` (the as-of date of the figures) to ``until``.
    """

    id: Ident
    state: Code
    deployed_warheads: Readings
    deployed_launchers: Count | None = None
    launchers: Count | None = None
    since: IsoDate
    until: IsoDate | None = None
    source: str | None = None
    note: str | None = None

    def active(self, on: dt.date) -> bool:
        """Whether the figures hold on ``on`` (``since <= on < until``)."""
        return self.since <= on and (self.until is None or on < self.until)


class Prospect(_Model):
    """A declared prospect of membership: ``org`` has said ``state`` will become a member.

    Not a membership: alliances are unchanged until an ``accessions`` entry takes effect.
    A pledge not to enlarge removes the prospect (``docs/indicators.md``,
    ``border_prospective_members_km``).
    """

    id: Ident
    state: Code
    org: str = Field(min_length=1)
    since: IsoDate
    until: IsoDate | None = None
    source: str | None = None
    note: str | None = None

    def active(self, on: dt.date) -> bool:
        """Whether the prospect stands on ``on`` (``since <= on < until``)."""
        return self.since <= on and (self.until is None or on < self.until)


class System(_Model):
    """A weapon system of the catalogue.

    ``range_km`` and ``speed_kmh`` are :class:`Readings` (one value per party where
    disputed); ``None`` where no public figure was found (SM-3 interceptors).
    ``nuclear_capable`` is ``None`` where the sources used do not establish it.
    ``speed_kmh`` is the cruise speed for cruise missiles and the reported
    (usually peak) speed for ballistic and hypersonic ones; each reading's note says which.
    ``carries`` lists the missiles a ``launcher`` fires. ``missiles_per_launcher`` and
    ``count_note`` keep the launcher-versus-missile counting the sources use.
    """

    id: Ident
    name: str = Field(min_length=1)
    designations: tuple[str, ...] = ()
    class_: SystemClass = Field(alias="class")
    basing: Basing
    range_km: Readings | None = None
    min_range_km: Readings | None = None
    speed_kmh: Readings | None = None
    nuclear_capable: NuclearCapable | None = None
    carries: tuple[str, ...] = ()
    missiles_per_launcher: Annotated[int, Strict(), Field(ge=1, le=1000)] | None = None
    count_note: str | None = None
    owner: Code | None = None
    in_service: IsoDate | None = None
    retired: IsoDate | None = None
    source: str | tuple[str, ...]
    note: str | None = None

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, populate_by_name=True
    )

    @model_validator(mode="after")
    def _bounds(self) -> System:
        _system_bounds(self)
        return self

    @property
    def strike(self) -> bool:
        """Whether the system can strike surface targets (interceptors cannot)."""
        return self.class_ != "interceptor"

    @property
    def sources(self) -> tuple[str, ...]:
        """The bibliography ids of the entry and of every reading."""
        own = (self.source,) if isinstance(self.source, str) else self.source
        out = list(own)
        for q in (self.range_km, self.min_range_km, self.speed_kmh):
            if q is not None:
                out += [r.source for r in q.root.values() if r.source and r.source not in out]
        return tuple(out)


class SystemPatch(_Model):
    """A scenario's ``systems:`` entry: a new system, or fields overriding a catalogue entry.

    Keys given replace the catalogue's (shallowly: a new ``range_km`` replaces all its
    readings). A new system needs at least ``class``, ``basing`` and ``range_km``; its
    ``name`` defaults to its id.
    """

    id: Ident
    name: str | None = None
    designations: tuple[str, ...] | None = None
    class_: SystemClass | None = Field(default=None, alias="class")
    basing: Basing | None = None
    range_km: Readings | None = None
    min_range_km: Readings | None = None
    speed_kmh: Readings | None = None
    nuclear_capable: NuclearCapable | None = None
    carries: tuple[str, ...] | None = None
    missiles_per_launcher: Annotated[int, Strict(), Field(ge=1, le=1000)] | None = None
    count_note: str | None = None
    owner: Code | None = None
    in_service: IsoDate | None = None
    retired: IsoDate | None = None
    source: str | tuple[str, ...] | None = None
    note: str | None = None

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, populate_by_name=True
    )

    @model_validator(mode="after")
    def _bounds(self) -> SystemPatch:
        _system_bounds(self)
        return self


def _system_bounds(m: Any) -> None:
    for name, bound in (
        ("range_km", MAX_RANGE_KM),
        ("min_range_km", MAX_RANGE_KM),
        ("speed_kmh", MAX_SPEED_KMH),
    ):
        q = getattr(m, name)
        if q is not None:
            q.check_at_most(bound, name)


class SystemCatalogue(_Model):
    """The systems catalogue: bundled entries, possibly merged with a scenario's overrides.

    Examples:
        >>> from indivisible.world import load_catalogue
        >>> cat = load_catalogue()
        >>> cat.get("9m729").range_km.value("RUS")
        480.0
    """

    systems: dict[str, System] = {}

    def __contains__(self, ident: object) -> bool:
        return ident in self.systems

    def __len__(self) -> int:
        return len(self.systems)

    @property
    def ids(self) -> tuple[str, ...]:
        """The system ids, sorted."""
        return tuple(sorted(self.systems))

    def get(self, ident: str) -> System:
        """The system ``ident`` (``KeyError`` naming close ids if unknown)."""
        try:
            return self.systems[ident]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(ident, list(self.systems), n=3)
            hint = f"; did you mean {' or '.join(close)}?" if close else ""
            raise KeyError(f"unknown system {ident!r}{hint}") from None

    def merged(self, patches: tuple[SystemPatch, ...] | list[SystemPatch]) -> SystemCatalogue:
        """A new catalogue with ``patches`` applied (``ValueError`` if a new one is incomplete)."""
        systems = dict(self.systems)
        for p in patches:
            given = p.model_dump(by_alias=True, exclude_unset=True)
            base = systems.get(p.id)
            data = base.model_dump(by_alias=True, exclude_none=True) if base else {"name": p.id}
            data.update(given)
            systems[p.id] = System.model_validate(data)
        return SystemCatalogue(systems=systems)


Entry = (
    Holding
    | Deployment
    | Force
    | Exercise
    | UseOfForce
    | Accession
    | Site
    | SystemPatch
    | Verification
    | StrategicForce
    | Prospect
)
"""Anything :meth:`Scenario.with_changes` can add."""


class ScenarioEntries(_Model):
    """The entry sections of a scenario, declared once.

    A scenario file, a layered scenario and an action's additions all hold them.
    """

    holdings: tuple[Holding, ...] = ()
    deployments: tuple[Deployment, ...] = ()
    forces: tuple[Force, ...] = ()
    exercises: tuple[Exercise, ...] = ()
    systems: tuple[SystemPatch, ...] = ()
    uses_of_force: tuple[UseOfForce, ...] = ()
    accessions: tuple[Accession, ...] = ()
    sites: tuple[Site, ...] = ()
    verifications: tuple[Verification, ...] = ()
    strategic_forces: tuple[StrategicForce, ...] = ()
    prospects: tuple[Prospect, ...] = ()


class Scenario(ScenarioEntries):
    """A loaded, validated and layered scenario (immutable).

    Build one with :func:`indivisible.world.load_scenario`. ``files`` lists the files it was
    layered from, base first. ``systems`` keeps the scenario's own ``systems:`` entries;
    ``catalogue`` is the bundled catalogue merged with them (use :meth:`system`).
    """

    scenario: str
    date: dt.date
    files: tuple[str, ...] = ()
    note: str | None = None
    sources: tuple[ScenarioSource, ...] = ()
    catalogue: SystemCatalogue = SystemCatalogue()

    # ------------------------------------------------------------------ queries
    def system(self, ident: str) -> System:
        """The system ``ident`` from the catalogue merged with this scenario's overrides."""
        return self.catalogue.get(ident)

    def deployments_on(self, on: dt.date | None = None) -> tuple[Deployment, ...]:
        """Deployments present on ``on`` (default: the scenario date)."""
        d = self.date if on is None else on
        return tuple(x for x in self.deployments if x.active(d))

    def forces_on(self, on: dt.date | None = None) -> tuple[Force, ...]:
        """Forces stationed abroad on ``on`` (default: the scenario date)."""
        d = self.date if on is None else on
        return tuple(x for x in self.forces if x.active(d))

    def exercises_on(self, on: dt.date | None = None) -> tuple[Exercise, ...]:
        """Exercises running on ``on`` (default: the scenario date)."""
        d = self.date if on is None else on
        return tuple(x for x in self.exercises if x.active(d))

    def entry(self, ident: str) -> Deployment | Force | Exercise | UseOfForce | Site:
        """The deployment, force, exercise, use of force or site with id ``ident``."""
        for group in (self.deployments, self.forces, self.exercises, self.uses_of_force):
            for x in group:
                if x.id == ident:
                    return x
        for s in self.sites:
            if s.id == ident:
                return s
        raise KeyError(f"no entry with id {ident!r} in scenario {self.scenario!r}")

    def accessions_by(self, on: dt.date | None = None) -> tuple[Accession, ...]:
        """Hypothetical accessions that have taken effect by ``on`` (default: scenario date)."""
        d = self.date if on is None else on
        return tuple(a for a in self.accessions if a.on <= d)

    def members(self, record: Any, org: str, on: dt.date | None = None) -> list[str]:
        """Members of ``org`` on ``on``: the record's, plus this scenario's accessions."""
        d = self.date if on is None else on
        out = set(record.members(org, d))
        out.update(a.state for a in self.accessions_by(d) if a.org == org)
        return sorted(out)

    # ------------------------------------------------------------------ tables
    def deployment_table(self) -> Any:
        """Deployments as a pandas ``DataFrame``, one row each, for date-range evaluation.

        Columns: ``id, owner`` (``+``-joined codes), ``owners`` (tuple), ``host, site, lat,
        lon, system, class, count, count_of, since, until`` (``datetime64[ns]``; open
        ``until`` is ``NaT``), ``posture, status, nuclear``. Active on day ``d``:
        ``(since <= d) & (until.isna() | (d < until))``.
        """
        from indivisible.world._tables import deployment_table

        return deployment_table(self)

    def force_table(self) -> Any:
        """Forces as a pandas ``DataFrame`` (``since``/``until`` as ``datetime64[ns]``)."""
        from indivisible.world._tables import force_table

        return force_table(self)

    def exercise_table(self, reading: str | None = None) -> Any:
        """Exercises as a pandas ``DataFrame`` (``start``/``end`` as ``datetime64[ns]``).

        Counts are taken under ``reading`` where given, else the ``declared`` reading, else
        the single value; a count that stays disputed is ``NaN``.
        """
        from indivisible.world._tables import exercise_table

        return exercise_table(self, reading)

    def active_mask(self, kind: str, days: Any) -> Any:
        """Boolean matrix (entries × days) of which ``kind`` entries are active on each day.

        ``kind`` is ``deployments``, ``forces`` or ``exercises``; ``days`` anything
        ``numpy.asarray(..., dtype="datetime64[D]")`` accepts.
        """
        from indivisible.world._tables import active_mask

        return active_mask(self, kind, days)

    # ------------------------------------------------------------------ changes
    def with_changes(
        self,
        *,
        add: tuple[Entry, ...] | list[Entry] = (),
        remove: tuple[str, ...] | list[str] = (),
        date: dt.date | None = None,
        scenario: str | None = None,
        record: Any = None,
    ) -> Scenario:
        """A NEW scenario with entries removed, added or replaced; this one is unchanged.

        ``remove`` lists ids of deployments, forces, exercises, uses of force or sites.
        ``add`` takes entry models: one with the id (holdings: ``(state, category, area)``;
        accessions: ``(state, org)``) of an existing entry replaces it, others are
        appended. The result is checked like a loaded file (unknown states, systems,
        dates); errors raise ``InputError`` naming the field.
        """
        from indivisible.world._load import apply_changes

        return apply_changes(
            self, add=tuple(add), remove=tuple(remove), date=date, name=scenario, record=record
        )
