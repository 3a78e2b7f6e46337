"""Budapest Memorandum (1994): the assurance against force (para. 2), tested on a scenario.

Para. 2: Russia, the United Kingdom and the United States refrain from the threat or use of
force against the territorial integrity or political independence of Ukraine (and, in the
memoranda signed the same day, of Belarus and Kazakhstan); none of their weapons is ever
used against it except in self-defence or otherwise in accordance with the UN Charter. The
assuring and assured states are the record's parameters ``assuring_states`` and
``assured_states``.

A use of force in the scenario by an assuring state on the territory of an assured state is
judged under each reading of the basis invoked for it (``_force``): force with the
territorial state's consent is not force against it; self-defence or Security Council
authorisation is the exception the paragraph names; any other basis is a breach under that
reading. The findings are ``disputed`` where the readings differ. Force by any other actor,
or on any other territory, is outside the assurance (``not_applicable``, saying why). The
parties' statements on the memorandum's status after 2014 are in the record (disputes).
"""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules._force import actors, non_use_of_force
from indivisible.rules.types import Call, Finding, not_formalised, rule
from indivisible.world import UseOfForce

INSTRUMENT = "budapest-memorandum-1994"
ASSURING = "assuring_states"
ASSURED = "assured_states"


def _codes(call: Call, param_id: str) -> set[str]:
    return {c.strip() for c in str(call.param(param_id).value).split(",") if c.strip()}


@rule(
    instrument=INSTRUMENT,
    clause="para-2-no-force",
    ref="para. 2",
    text="""Russia, the United Kingdom and the United States refrain from the threat or use of
    force against the territorial integrity or political independence of the assured state;
    none of their weapons will ever be used against it except in self-defence or otherwise in
    accordance with the Charter of the United Nations.""",
    parties=actors,
    since="signed",
)
def para_2(call: Call) -> Iterator[Finding]:
    """Each use of force by an assuring state on an assured state, under each reading."""
    assuring = _codes(call, ASSURING)
    assured = _codes(call, ASSURED)

    def covers(u: UseOfForce) -> str | None:
        if call.party not in assuring:
            return (
                f"{call.party} gives no assurance under the memorandum (given by "
                f"{', '.join(sorted(assuring))})."
            )
        if u.territory not in assured:
            return (
                f"The assurance covers {', '.join(sorted(assured))}; force {u.id} is used on "
                f"{u.territory}."
            )
        return None

    for f in non_use_of_force(call, covers=covers):
        lines = [call.cite(ASSURING), call.cite(ASSURED), *f.explain]
        srcs = {s for s in f.source.split("; ") if s}
        srcs |= {call.param(ASSURING).source, call.param(ASSURED).source}
        yield call.finding(
            f.result,
            f.evidence,
            subject=f.subject,
            reading=f.reading,
            sources=srcs,
            explain=lines,
        )


RULES = (para_2,)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "para-1-sovereignty-borders",
        "para. 1",
        "Respect for independence, sovereignty and existing borders: the scenario records "
        "uses of force (para. 2), not recognition of borders or other acts against them.",
    ),
    not_formalised(
        INSTRUMENT,
        "para-3-no-coercion",
        "para. 3",
        "Economic coercion is not a scenario fact (the scenario records forces, not sanctions "
        "or trade measures).",
    ),
    not_formalised(
        INSTRUMENT,
        "para-4-unsc-action",
        "para. 4",
        "A commitment to seek Security Council action after a nuclear aggression: Council "
        "proceedings are not scenario facts.",
    ),
    not_formalised(
        INSTRUMENT,
        "para-5-negative-assurance",
        "para. 5",
        "No use of nuclear weapons: the scenario's uses of force do not say which weapons "
        "were used.",
    ),
    not_formalised(
        INSTRUMENT,
        "para-6-consultations",
        "para. 6",
        "Consultation is a procedure; the scenario records no consultations.",
    ),
)
