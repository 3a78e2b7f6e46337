"""Mechanisms written in session 12 on the tune part's misses: good/bad twins.

Each mechanism has a page where it must fire and a twin, alike but for the one thing that
must keep it from firing.
"""

from __future__ import annotations

from pathlib import Path

from ._docs import parse_written

# --- a surname alone as the subject of reported speech ----------------------------------------

_AP_PAGE = (
    "Senate fight over the arms treaty\n\n"
    "WASHINGTON (AP) - The Senate debated the treaty on Wednesday.\n\n"
    "Kerry said there were no substantive disagreements on the treaty itself.\n\n"
    "Foreign Ministry spokeswoman Hua Chunying spoke in Beijing on Tuesday.\n\n"
    "Hua said the trilateral talks were a pretext for leaving the treaty.\n"
)


def test_a_surname_alone_before_said_reports_speech(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _AP_PAGE)
    said = {s.text: s.speaker for s in doc.statements}
    assert said["there were no substantive disagreements on the treaty itself."] == "Kerry"
    # The full name written earlier, found by its first word as well as its last.
    assert said["the trilateral talks were a pretext for leaving the treaty."] == "Hua Chunying"


def test_a_state_a_capital_or_a_weak_verb_is_no_lone_surname(tmp_path: Path) -> None:
    text = (
        "Senate fight over the arms treaty\n\n"
        "WASHINGTON (AP) - The Senate debated the treaty on Wednesday.\n\n"
        "China said there were no substantive disagreements on the treaty itself.\n\n"
        "Tehran told reporters the talks would go on.\n\n"
        "Rest assured that the committee will finish its work this year.\n\n"
        "Having concluded this document, the three states reaffirmed their obligations.\n"
    )
    doc = parse_written(tmp_path, text)
    assert not {"China", "Tehran", "Rest", "Having"} & {s.speaker for s in doc.statements}
