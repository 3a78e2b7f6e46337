"""The record: states, organisations, memberships and instruments over time.

Front door of the ``record`` room::

    from indivisible.record import Record
    rec = Record.load()
    rec.status("POL", "1999-03-12")
    rec.binding("RUS", "USA", "2001-12-12")
"""

from indivisible.record._check import Problem, check
from indivisible.record._engine import Segment
from indivisible.record._panel import iter_panel, panel, panel_rows, timeline
from indivisible.record._record import Record
from indivisible.record.types import (
    BINDING_STATUSES,
    Capital,
    Claim,
    Clause,
    Instrument,
    Membership,
    Organisation,
    Parameter,
    ParameterValue,
    Source,
    State,
    StatusEvent,
)

__all__ = [
    "BINDING_STATUSES",
    "Capital",
    "Claim",
    "Clause",
    "Instrument",
    "Membership",
    "Organisation",
    "Parameter",
    "ParameterValue",
    "Problem",
    "Record",
    "Segment",
    "Source",
    "State",
    "StatusEvent",
    "check",
    "iter_panel",
    "panel",
    "panel_rows",
    "timeline",
]
