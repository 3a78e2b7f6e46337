"""The HTTP API of the analysis rooms: ``profile``, ``assess`` and ``negotiate``.

As in ``_api``: each handler parses its parameters, calls one library function and shapes
its answer; the JSON is the CLI's ``--format json`` unchanged, plus what the pages need
(coverage warnings, map layers). Example files are looked up by stem in fixed lists (the
scenarios, ``actions/``, ``actions/baselines/`` and ``menus/`` of the bundled examples),
never joined to a path. An assessment and a package search take seconds: they run as jobs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request
from pydantic import Field

from indivisible._dates import parse_date
from indivisible._errors import InputError
from indivisible.web._api import (
    ApiModel,
    Upload,
    WebConfig,
    _record,
    load_example,
    load_upload,
    plain,
    relocated,
)
from indivisible.web._errors import ERROR_RESPONSES

T = TypeVar("T")

if TYPE_CHECKING:
    from indivisible.record import Record

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

MAX_DRAWS = 2000
"""Most Monte Carlo draws a web request may ask for (memory grows with the draws)."""

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_BASELINE_NOTE = re.compile(r"Baseline:\s*(?:baselines/)?([A-Za-z0-9][A-Za-z0-9._-]*)\.ya?ml")


def _config(request: Request) -> WebConfig:
    config: WebConfig = request.app.state.config
    return config


def _stems(folder: Path | None) -> dict[str, Path]:
    if folder is None or not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml")) if _NAME.match(p.stem)}


def scenario_files(config: WebConfig) -> dict[str, Path]:
    """Scenarios a request may name: the bundled examples and the actions' baselines."""
    root = config.examples_dir
    found = _stems(root / "actions" / "baselines") if root is not None else {}
    found.update(_stems(root))
    return dict(sorted(found.items()))


def action_files(config: WebConfig) -> dict[str, Path]:
    """The bundled example actions (``actions/*.yaml``) by stem."""
    root = config.examples_dir
    return _stems(root / "actions") if root is not None else {}


def menu_files(config: WebConfig) -> dict[str, Path]:
    """The bundled menus of measures (``menus/*.yaml``) by stem."""
    root = config.examples_dir
    return _stems(root / "menus") if root is not None else {}


def load_scenario_file(config: WebConfig, path: Path) -> Any:
    """A bundled scenario (example or baseline), its errors naming it from ``examples/``."""
    try:
        return load_example(path)
    except InputError as exc:
        raise relocated(exc, *_shown(config)) from None


def _pick(found: dict[str, Path], name: str, what: str, field: str) -> Path:
    if name not in found:
        known = ", ".join(sorted(found)) or "none installed"
        from indivisible._hints import did_you_mean

        hint = did_you_mean(name, found)
        raise InputError(f"unknown example {what} {name!r}{hint}; known: {known}", field=field)
    return found[name]


def _shown(config: WebConfig) -> tuple[str, ...]:
    """Server folders cut from error messages (bundled files are named from ``examples/``)."""
    root = config.examples_dir
    return () if root is None else (str(root),)


@lru_cache(maxsize=32)
def _load_action(path: str, _mtime_ns: int, _size: int) -> Any:
    from indivisible.assess import load_action

    return load_action(path, _record())


def _by_version(config: WebConfig, path: Path, load: Callable[[str, int, int], Any]) -> Any:
    """``load`` (a cache keyed by file version) of ``path``, its errors named from ``examples/``."""
    stat = path.stat()
    try:
        return load(str(path), stat.st_mtime_ns, stat.st_size)
    except InputError as exc:
        raise relocated(exc, *_shown(config)) from None


def load_example_action(config: WebConfig, path: Path) -> Any:
    """A bundled action, loaded once per file version."""
    return _by_version(config, path, _load_action)


def suggested_baseline(config: WebConfig, path: Path) -> str | None:
    """The baseline an example action's header names (``Baseline: x.yaml``), if bundled."""
    text = path.read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    m = _BASELINE_NOTE.search(header)
    if m is None or m.group(1) not in scenario_files(config):
        return None
    return m.group(1)


def _check_draws(draws: int, seed: int | None, most: int) -> None:
    """The CLI's checks of ``--draws`` and ``--seed``, and the web's bound on the draws."""
    if draws < 0:
        raise InputError(f"expected a non-negative number of draws, got {draws}", field="--draws")
    if draws > most:
        raise InputError(
            f"at most {most} draws over the web (the CLI has no limit), got {draws}",
            field="--draws",
        )
    if seed is not None and seed < 0:
        raise InputError(f"expected a non-negative seed, got {seed}", field="--seed")


# --------------------------------------------------------------------------- profile
@router.get("/profile", summary="indivisible profile --format json (a bundled example)")
def profile(
    request: Request,
    scenario: Annotated[
        str, Query(description="Stem of a bundled example or baseline.", max_length=100)
    ],
    on: Annotated[
        str | None, Query(description="Date, YYYY-MM-DD (default: scenario date).", max_length=64)
    ] = None,
    state: Annotated[
        list[str] | None,
        Query(description="ISO3 code (repeatable; default: every state).", max_length=128),
    ] = None,
) -> dict[str, Any]:
    """Every indicator for every state (or the ones named) on a date, decomposed.

    The JSON of ``indivisible profile --format json``, plus the record's coverage
    ``warnings`` for the date.
    """
    from indivisible.indicators import profile as compute

    config = _config(request)
    path = _pick(scenario_files(config), scenario, "scenario", "scenario")
    d = parse_date(on, field="--on") if on is not None else None
    rec = _record()
    sc = load_scenario_file(config, path)
    day = d or sc.date
    out: dict[str, Any] = plain(compute(rec, sc, day, states=state or None).to_json())
    out["warnings"] = rec.coverage_warnings(day)
    return out


# --------------------------------------------------------------------------- assess
def _each_loaded(
    files: Mapping[str, Path], load: Callable[[Path], T]
) -> tuple[list[tuple[str, Path, T]], list[dict[str, str]]]:
    """Each bundled example file loaded, and the ones that do not load with the reason."""
    loaded: list[tuple[str, Path, T]] = []
    skipped: list[dict[str, str]] = []
    for name, path in files.items():
        try:
            loaded.append((name, path, load(path)))
        except InputError as exc:
            skipped.append({"name": name, "error": str(exc)})
    return loaded, skipped


@router.get("/actions", summary="The bundled example actions (for assess)")
def actions(request: Request) -> dict[str, Any]:
    """Every bundled example action by stem, and the scenarios an assessment may start from.

    ``baseline`` is the scenario the action's file names as its baseline (a stem of
    ``baselines``), if any. An action that does not load is listed under ``skipped``.
    """
    config = _config(request)
    loaded, skipped = _each_loaded(action_files(config), lambda p: load_example_action(config, p))
    out = [
        {
            "name": name,
            "title": act.action,
            "actor": list(act.actor),
            "on": act.on.isoformat() if act.on else None,
            "baseline": suggested_baseline(config, path),
            "note": act.note,
            "sources": list(act.sources),
        }
        for name, path, act in loaded
    ]
    baselines = []
    for name, path in scenario_files(config).items():
        try:
            sc = load_example(path)
        except InputError:
            continue  # an input of another command (listed as skipped by /api/scenarios)
        baselines.append({"name": name, "title": sc.scenario, "date": sc.date.isoformat()})
    return {"actions": out, "skipped": skipped, "baselines": baselines}


class AssessRequest(ApiModel):
    """``indivisible assess``: a baseline scenario and an action, bundled or uploaded."""

    scenario: str | None = Field(
        default=None,
        max_length=100,
        description="Stem of a bundled example or baseline (default: the action's baseline).",
    )
    upload: Upload | None = Field(default=None, description="A baseline scenario file's text.")
    action: str | None = Field(
        default=None, max_length=100, description="Stem of a bundled example action."
    )
    action_upload: Upload | None = Field(default=None, description="An action file's text.")
    on: str | None = Field(
        default=None,
        max_length=64,
        description="Date, YYYY-MM-DD (default: the action's, else the scenario's).",
    )
    draws: int = Field(default=0, description=f"Monte Carlo draws (0 to {MAX_DRAWS}).")
    seed: int | None = Field(default=None, description="Seed of the draws (>= 0).")
    indicator: list[str] = Field(
        default_factory=list, max_length=50, description="Compare only these indicators."
    )


def _action_of(config: WebConfig, body: AssessRequest, rec: Record) -> tuple[Any, str | None]:
    """The action, and the temporary folder it was uploaded to (cut from later errors)."""
    import tempfile

    from indivisible.assess import load_action

    if (body.action is None) == (body.action_upload is None):
        raise InputError(
            "give either 'action' (a bundled example) or 'action_upload'", field="action"
        )
    if body.action is not None:
        path = _pick(action_files(config), body.action, "action", "--action")
        return load_example_action(config, path), None
    assert body.action_upload is not None
    from indivisible.web._api import _upload_name

    name = _upload_name(body.action_upload.filename)
    with tempfile.TemporaryDirectory(prefix="indivisible-action-") as tmp:
        path = Path(tmp) / name
        path.write_text(body.action_upload.text, encoding="utf-8")
        try:
            return load_action(path, rec), tmp
        except InputError as exc:
            raise relocated(exc, tmp) from None


def _baseline_of(
    config: WebConfig, body: AssessRequest, action_path: Path | None, rec: Record
) -> tuple[Any, str]:
    if body.scenario is not None and body.upload is not None:
        raise InputError("give either 'scenario' (a bundled example) or 'upload'", field="scenario")
    if body.upload is not None:
        return load_upload(config, body.upload, rec), body.upload.filename
    name = body.scenario
    if name is None and action_path is not None:
        name = suggested_baseline(config, action_path)
    if name is None:
        raise InputError(
            "give either 'scenario' (a bundled example or baseline) or 'upload'", field="scenario"
        )
    path = _pick(scenario_files(config), name, "scenario", "scenario")
    return load_scenario_file(config, path), name


def _rings(result: Any, dep: Any) -> list[dict[str, Any]]:
    """Range rings of a deployment: the ranges the assessment's verdicts used (one model).

    One ring per distinct range of ``result.ranges[dep.id]``, labelled with the readings
    that give it; a deployment without a strike range (an interceptor) has none.
    """
    from indivisible.indicators import range_ring_geometry

    per = getattr(result, "ranges", {}).get(dep.id, {})
    by_km: dict[float, list[str]] = {}
    for reading, km in per.items():
        if km > 0:
            by_km.setdefault(float(km), []).append("undisputed" if reading is None else reading)
    return [
        {
            "kind": "range_ring",
            "system": dep.system,
            "reading": ", ".join(names),
            "range_km": km,
            "geometry": range_ring_geometry(dep.site.lat, dep.site.lon, km),
        }
        for km, names in sorted(by_km.items())
    ]


def assessment_layers(rec: Record, result: Any) -> dict[str, Any]:
    """What the page's map draws: deployments (added, removed, kept) with rings, capitals.

    The browser twin of the assess room's PNG map: rings for the strike systems the action
    adds or removes, and each state's capital coloured by its outcome (less safe on some
    indicator, safer, or both).
    """
    on = result.on
    before = {d.id: d for d in result.baseline.deployments_on(on)}
    after = {d.id: d for d in result.changed.deployments_on(on)}
    layers = (
        [(d, result.changed, "added") for i, d in after.items() if i not in before]
        + [(d, result.baseline, "removed") for i, d in before.items() if i not in after]
        + [(d, result.changed, "kept") for i, d in after.items() if i in before]
    )
    deployments = []
    for d, _sc, change in layers:
        row: dict[str, Any] = plain(d.model_dump(mode="json", by_alias=True))
        row["change"] = change
        row["rings"] = _rings(result, d) if change != "kept" else []
        deployments.append(row)
    worse = {x.state for x in result.deltas if x.better is False}
    better = {x.state for x in result.deltas if x.better is True}
    capitals = []
    for s in sorted(worse | better):
        st = rec.states.get(s)
        if st is None:
            continue
        outcome = "both" if s in worse and s in better else "less_safe" if s in worse else "safer"
        capitals.append(
            {
                "state": s,
                "capital": st.capital.name,
                "lat": st.capital.lat,
                "lon": st.capital.lon,
                "outcome": outcome,
            }
        )
    return {"deployments": deployments, "capitals": capitals}


@router.post("/assess", summary="indivisible assess --format json, as a job", status_code=202)
def assess(request: Request, body: AssessRequest) -> dict[str, Any]:
    """Start the indivisibility test of an action against a baseline; poll the job.

    The scenario and the action are loaded and validated before the job starts (their
    errors answer at once, as the CLI's ``file:line: field 'x': reason``); errors that
    depend on both (an id to remove that the baseline lacks) fail the job with the same
    message. The job's result is the JSON of ``indivisible assess --format json`` plus
    ``baseline`` (the scenario's name), ``warnings`` and ``map`` (deployments added,
    removed and kept, with range rings, and capitals by outcome).
    """
    from indivisible.assess import assess as run

    config = _config(request)
    _check_draws(body.draws, body.seed, MAX_DRAWS)
    d = parse_date(body.on, field="--on") if body.on is not None else None
    rec = _record()
    act, tmp = _action_of(config, body, rec)
    action_path = action_files(config).get(body.action) if body.action is not None else None
    base, base_name = _baseline_of(config, body, action_path, rec)
    folders = (*_shown(config), *((tmp,) if tmp else ()))
    draws, seed, indicators = body.draws, body.seed, body.indicator or None

    from indivisible.assess._report import summary

    def work(ctx: Any) -> dict[str, Any]:
        ctx.progress(0, 2, "profiling the baseline and the scenario after the action")
        try:
            result = run(rec, base, act, d, draws=draws, seed=seed, indicators=indicators)
        except InputError as exc:
            raise relocated(exc, *folders) from None
        ctx.progress(1, 2, "drawing the map")
        out: dict[str, Any] = plain(result.to_json())
        out["baseline"] = base_name
        out["summary"] = summary(result, rec)  # the answer first, in plain words
        out["warnings"] = rec.coverage_warnings(result.on)
        out["map"] = assessment_layers(rec, result)
        ctx.progress(2, 2, "assessment ready")
        return out

    return config.jobs.submit("assess", work).to_json()


# --------------------------------------------------------------------------- negotiate
MAX_NEGOTIATE_DRAWS = 1000
"""Most Monte Carlo draws a package search over the web may ask for."""


@lru_cache(maxsize=8)
def _load_menu(path: str, _mtime_ns: int, _size: int) -> Any:
    from indivisible.negotiate import load_menu

    return load_menu(path, _record())


def load_example_menu(config: WebConfig, path: Path) -> Any:
    """A bundled menu, loaded once per file version."""
    return _by_version(config, path, _load_menu)


def menu_baseline(config: WebConfig, path: Path, menu: Any) -> tuple[str, Path] | None:
    """The scenario a bundled menu names as its ``baseline``: its stem and file, if bundled.

    The menu's ``baseline`` is a path relative to the menu file; it is followed only to a
    file of the bundled examples folder (a request never names a path).
    """
    root = config.examples_dir
    if not menu.baseline or root is None:
        return None
    target = (path.parent / str(menu.baseline)).resolve()
    if not target.is_file() or not target.is_relative_to(root.resolve()):
        return None
    for name, p in scenario_files(config).items():
        if p.resolve() == target:
            return name, p
    return target.stem, target


@router.get("/menus", summary="The bundled menus of measures (for negotiate)")
def menus(request: Request) -> dict[str, Any]:
    """Every bundled menu by stem: its measures, who proposed them, who would implement them.

    ``baseline`` is the bundled scenario the menu is meant for (by stem), if any; a menu
    that does not load is listed under ``skipped``. ``perspectives`` lists the parties
    with a bundled perspective (weights), usable in ``weighted`` mode.
    """
    config = _config(request)
    loaded, skipped = _each_loaded(menu_files(config), lambda p: load_example_menu(config, p))
    out = [
        {
            "name": name,
            "title": menu.menu,
            "baseline": (menu_baseline(config, path, menu) or (None,))[0],
            "on": menu.on.isoformat() if menu.on else None,
            "note": menu.note,
            "measures": [
                {
                    "id": m.id,
                    "summary": m.summary,
                    "proposed_by": list(m.proposed_by),
                    "implemented_by": list(m.implemented_by),
                    "require": list(m.require),
                    "extend": list(m.extend),
                    "sources": list(m.sources),
                    "actions": len(menu.actions(m.id)),
                    "note": m.note,
                }
                for m in menu.measures
            ],
        }
        for name, path, menu in loaded
    ]
    try:
        persp = sorted(_perspectives(config))
    except InputError:
        persp = []
    return {"menus": out, "skipped": skipped, "perspectives": persp}


def _perspectives(config: WebConfig) -> dict[str, Any]:
    from indivisible.negotiate import load_perspectives

    root = config.examples_dir
    folder = root / "perspectives" if root is not None else None
    if folder is None or not folder.is_dir():
        raise InputError("no bundled perspectives: weighted mode is unavailable", field="mode")
    try:
        found: dict[str, Any] = load_perspectives([folder], _record())
    except InputError as exc:
        raise relocated(exc, *_shown(config)) from None
    return found


class NegotiateRequest(ApiModel):
    """``indivisible negotiate``: a bundled menu, the parties, and how to compare them."""

    menu: str = Field(max_length=100, description="Stem of a bundled menu, see /api/menus.")
    parties: list[str] = Field(
        max_length=30, description="The parties whose security is compared (ISO3 codes)."
    )
    scenario: str | None = Field(
        default=None,
        max_length=100,
        description="Stem of a bundled example or baseline (default: the menu's baseline).",
    )
    measures: list[str] = Field(
        default_factory=list,
        max_length=24,
        description="Only these measures (with what they require or extend); default: all.",
    )
    on: str | None = Field(
        default=None, max_length=64, description="Date, YYYY-MM-DD (default: the menu's)."
    )
    mode: str = Field(
        default="strict",
        max_length=16,
        description="strict (no party worse on any indicator) or weighted (bundled "
        "perspectives' scores).",
    )
    draws: int = Field(default=0, description=f"Monte Carlo draws (0 to {MAX_NEGOTIATE_DRAWS}).")
    seed: int | None = Field(
        default=None, description="Seed of the draws (>= 0; needed with draws)."
    )
    level: float = Field(
        default=0.9, description="Robustness level: compatible with at least this probability."
    )
    indicator: list[str] = Field(
        default_factory=list, max_length=50, description="Compare only these indicators."
    )


def planned_profiles(effects: Any, draws: int, chunk_draws: int = 250, verify: int = 4) -> int:
    """An upper bound of the profile evaluations a search makes (its progress total).

    The search profiles the core scenario and core + each touched entry per group of
    global measures, checks ``verify`` bundles by recomputation, recomputes every bundle
    when an indicator is not decomposable, and repeats the profiles per chunk of draws
    (``docs/negotiation.md``). The search itself reports no progress; the web counts its
    calls of the profile against this bound.
    """
    per_layer = (1 << len(effects.global_measures)) * (1 + len(effects.slots))
    bundles = 1 << effects.n
    chunks = -(-draws // chunk_draws) if draws > 0 else 0
    return int(1 + per_layer + verify + bundles + chunks * (per_layer + bundles))


@router.post("/negotiate", summary="indivisible negotiate --format json, as a job", status_code=202)
def negotiate(request: Request, body: NegotiateRequest) -> dict[str, Any]:
    """Start a package search over a bundled menu; poll the job for progress and the result.

    The menu, the scenario, the measures and the parties' codes are checked before the job
    starts (their errors answer at once). Progress counts the search's profile evaluations
    against an upper bound (see ``planned_profiles``); cancel stops the search at its next
    profile. The result is the JSON of ``indivisible negotiate --format json`` (``parties,
    bundles [{measures, compatible, probability, gains, better, worse, why}], pareto,
    evaluated, exhaustive, bound``...) plus ``menu_name``, ``baseline`` and ``warnings``.
    """
    from indivisible.negotiate import SearchOptions, compile_effects
    from indivisible.negotiate import negotiate as search

    config = _config(request)
    # The search checks its own arguments (draws >= 0, a seed with draws, the level) at once,
    # failing the job with its message; the web adds its bound and refuses a negative seed.
    if body.draws > MAX_NEGOTIATE_DRAWS:
        raise InputError(
            f"at most {MAX_NEGOTIATE_DRAWS} draws over the web (the CLI has no limit), "
            f"got {body.draws}",
            field="--draws",
        )
    if body.seed is not None and body.seed < 0:
        raise InputError(f"expected a non-negative seed, got {body.seed}", field="--seed")
    if body.mode not in ("strict", "weighted"):
        raise InputError(f"mode must be strict or weighted, got {body.mode!r}", field="--mode")
    if not body.parties:
        raise InputError("expected distinct parties, at least one", field="--parties")
    d = parse_date(body.on, field="--on") if body.on is not None else None
    rec = _record()
    parties = [rec.resolve(p, field="--parties") for p in body.parties]
    path = _pick(menu_files(config), body.menu, "menu", "--menu")
    menu = load_example_menu(config, path)
    if body.measures:
        known = menu.ids
        for m in body.measures:
            if m not in known:
                raise InputError(
                    f"no measure {m!r} in menu {menu.menu!r}; measures: {', '.join(known)}",
                    field="measures",
                )
        menu = menu.subset(list(body.measures))
    own = menu_baseline(config, path, menu)
    choices = scenario_files(config)
    if own is not None:
        choices.setdefault(own[0], own[1])
    name = body.scenario or (own[0] if own is not None else None)
    if name is None:
        raise InputError(
            "give 'scenario' (a bundled example or baseline): the menu names no bundled one",
            field="scenario",
        )
    base = load_scenario_file(config, _pick(choices, name, "scenario", "scenario"))
    try:
        effects = compile_effects(menu, base)
    except InputError as exc:
        raise relocated(exc, *_shown(config)) from None
    persp = _perspectives(config) if body.mode == "weighted" else None
    total = planned_profiles(effects, body.draws)
    bundles = 1 << effects.n
    draws, seed, indicators = body.draws, body.seed, body.indicator or None
    mode, level = body.mode, body.level

    from indivisible.negotiate._profile import default_profiler

    # the library's default: the non-additive exposed family only when named
    default_profile = default_profiler(indicators)

    def work(ctx: Any) -> dict[str, Any]:
        calls = 0

        def counted(*args: Any, **kwargs: Any) -> Any:
            nonlocal calls
            calls += 1
            ctx.progress(
                min(calls, total),
                total,
                f"{bundles} bundles of {effects.n} measures: profile evaluation {calls} "
                f"(at most {total})",
            )
            return default_profile(*args, **kwargs)

        # the profiles of the bundles are compared under the same readings (evaluate_under)
        counted.takes_evaluate_under = True  # type: ignore[attr-defined]
        ctx.progress(0, total, f"{bundles} bundles of {effects.n} measures")
        try:
            result = search(
                rec,
                base,
                menu,
                parties,
                SearchOptions(
                    on=d,
                    mode=mode,  # type: ignore[arg-type]
                    perspectives=persp,
                    draws=draws,
                    seed=seed,
                    level=level,
                    indicators=indicators,
                    profiler=counted,
                    limit=200,
                ),
            )
        except InputError as exc:
            raise relocated(exc, *_shown(config)) from None
        ctx.progress(total, total, f"{result.evaluated} of {bundles} bundles evaluated")
        out: dict[str, Any] = plain(result.to_json())
        out["menu_name"] = body.menu
        out["baseline_name"] = name
        out["warnings"] = rec.coverage_warnings(result.on)
        return out

    return config.jobs.submit("negotiate", work).to_json()


__all__ = [
    "MAX_DRAWS",
    "MAX_NEGOTIATE_DRAWS",
    "action_files",
    "assessment_layers",
    "menu_files",
    "planned_profiles",
    "router",
    "scenario_files",
    "suggested_baseline",
]
