"""The optional extras and the one line that names a missing one.

``pip install indivisible`` gives the core: the record (``status``, ``binding``,
``timeline``...), the rules (``check``), the indicators (``profile``, ``reach``, ``assess``)
and the exchange's log. Heavier rooms come with an extra::

    pip install 'indivisible[web]'      # serve, exchange serve: FastAPI, uvicorn
    pip install 'indivisible[ingest]'   # ingest: trafilatura, pysbd, dateparser, ...
    pip install 'indivisible[postgres]' # a PostgreSQL store (psycopg)
    pip install 'indivisible[dask]'     # --workers / --scheduler on Dask
    pip install 'indivisible[plot]'     # --map, --plot (matplotlib)
    pip install 'indivisible[parquet]'  # .parquet outputs (pyarrow)

Each room imports its libraries where it needs them, so the core never does; when one is
missing, :func:`missing_extra` turns the ``ModuleNotFoundError`` into one line naming the
extra to install (the CLI prints it and exits with status 1).
"""

from __future__ import annotations

from indivisible._errors import IndivisibleError

#: extra -> the top-level modules it provides (as imported, not as distributed).
EXTRAS: dict[str, tuple[str, ...]] = {
    "web": ("fastapi", "starlette", "uvicorn", "swagger_ui_bundle"),
    "ingest": ("trafilatura", "pysbd", "dateparser", "htmldate", "nameparser", "rapidfuzz"),
    "postgres": ("psycopg",),
    "dask": ("dask", "distributed"),
    "plot": ("matplotlib",),
    "parquet": ("pyarrow",),
}

_BY_MODULE = {module: extra for extra, modules in EXTRAS.items() for module in modules}


class ExtraMissing(IndivisibleError):
    """A command needs an optional extra that is not installed (exit status 1).

    Examples:
        >>> print(ExtraMissing("plot", "matplotlib"))  # doctest: +NORMALIZE_WHITESPACE
        this needs the optional 'plot' extra (matplotlib is not installed):
        pip install 'indivisible[plot]'
    """

    def __init__(self, extra: str, module: str) -> None:
        self.extra = extra
        self.module = module
        super().__init__(
            f"this needs the optional {extra!r} extra ({module} is not installed): "
            f"pip install 'indivisible[{extra}]'"
        )


def missing_extra(exc: ModuleNotFoundError) -> ExtraMissing | None:
    """The extra whose absence raised ``exc``, or ``None`` if the module is no extra's.

    Examples:
        >>> missing_extra(ModuleNotFoundError("no", name="distributed.client")).extra
        'dask'
        >>> missing_extra(ModuleNotFoundError("no", name="numpy")) is None
        True
    """
    name = (exc.name or "").split(".")[0]
    extra = _BY_MODULE.get(name)
    return ExtraMissing(extra, name) if extra is not None else None


def require(extra: str) -> None:
    """Fail now, before any work, if ``extra`` is not installed (:class:`ExtraMissing`).

    For options that need an extra only at the end of a long computation (``--workers``
    needs Dask): the user learns it in a second, not after the work.
    """
    import importlib

    for module in EXTRAS[extra]:
        if module in ("starlette",):  # comes with fastapi; not imported on its own
            continue
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            raise ExtraMissing(extra, module) from exc
