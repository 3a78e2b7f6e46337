"""Layout must not change the answer: good/bad twins for the mechanisms the metamorphic
evaluation (benchmarks/ingest_robustness.py) found missing, and the evaluation itself.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from indivisible.ingest._structure import _boilerplate, _date_line, _heading_copy

from ._docs import parse_written

ROOT = Path(__file__).resolve().parents[2]


_parse = parse_written


_SPEECH = (
    "Statement on the Vienna Document\n\n"
    "{date}\n\n"
    "Mr. Chairperson,\n\n"
    "We remain committed to the Vienna Document and to the OSCE as a forum for dialogue.\n\n"
    "We call on all participating States to implement it in good faith.\n"
)


# --- a header's date in another language ----------------------------------------------------


@pytest.mark.parametrize(
    "shown",
    ["23 décembre 2021", "23. Dezember 2021", "23 декабря 2021 г.", "23 de diciembre de 2021"],
)
def test_a_date_line_in_another_language_is_the_date(tmp_path: Path, shown: str) -> None:
    doc = _parse(tmp_path, _SPEECH.format(date=shown))
    assert doc.document.date == dt.date(2021, 12, 23)
    assert all(shown not in s.text for s in doc.statements)


def test_a_sentence_naming_a_month_in_another_language_is_no_date_line() -> None:
    # A sentence with "mayo" and a year is not a header's date: no full date in it.
    assert _date_line("The Mayo report of 2021 was read out") is None
    assert _date_line("Le traité signé en décembre 2021 par les deux parties reste") is None


@pytest.mark.parametrize(
    ("shown", "iso"),
    [
        ("2021/12/23", "2021-12-23"),
        ("23-12-2021", "2021-12-23"),
        ("23/12/2021", "2021-12-23"),
        ("12/23/2021", "2021-12-23"),
        ("2021.12.23", "2021-12-23"),
    ],
)
def test_numeric_dates_in_either_order_when_only_one_reads(shown: str, iso: str) -> None:
    from indivisible.ingest._link import dates_mentioned

    assert [d for _, _, d in dates_mentioned(shown, None)] == [iso]


def test_a_slashed_date_both_ways_possible_is_no_day() -> None:
    from indivisible.ingest._link import dates_mentioned

    # "02/10/2007": 2 October or February 10; only the year is certain.
    assert [d for _, _, d in dates_mentioned("02/10/2007", None)] == ["2007"]


# --- a labelled publication stamp ------------------------------------------------------------


def test_a_published_label_makes_the_date_the_pages() -> None:
    labelled = _date_line("Published on January 12, 2022 at 10:30")
    assert labelled is not None and labelled[0] == dt.date(2022, 1, 12) and labelled[2] == 2
    stamp = _date_line("Wed, 12 Jan 2022 10:30:00 GMT")
    # A weekday stamp without a label stays weak (a masthead prints today's date so).
    assert stamp is not None and stamp[0] == dt.date(2022, 1, 12) and stamp[2] == 1


def test_a_labelled_stamp_outranks_a_weekday_masthead(tmp_path: Path) -> None:
    text = "Mon. Jul 15th, 2024\n\nPublished on January 12, 2022 at 10:30\n\n" + _SPEECH.format(
        date=""
    )
    assert _parse(tmp_path, text).document.date == dt.date(2022, 1, 12)
    text = "Mon. Jul 15th, 2024\n\nWednesday, January 12, 2022\n\n" + _SPEECH.format(date="")
    # Two weekday stamps: nothing says which is the page's; the first is kept, as before.
    assert _parse(tmp_path, text).document.date == dt.date(2024, 7, 15)


# --- a line in another script is not a copy of a heading -------------------------------------


def test_a_cyrillic_line_is_no_lower_cased_copy_of_a_heading() -> None:
    lines = ["Opening remarks", "заявление министра иностранных дел о безопасности"]
    assert _heading_copy(lines, 1) is None
    copy = ["TREATY BETWEEN THE PARTIES ON ARMS", "treaty between the parties on arms"]
    assert _heading_copy(copy, 1) is not None


# --- page furniture ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "© 2022 Reuters. All rights reserved.",
        "Sign up for our daily briefing",
        "Follow us on Telegram",
        "Join our Telegram channel",
        "Listen to this article",
        "Print this page",
        "Advertisement",
        "Reading time: 3 min",
        "5 min read",
        "Check against delivery. This speech has been translated and edited for posting.",
        "A lock ( lock ) or https:// means you’ve safely connected to the .gov website.",
        "You have accessed part of a historical collection on defense.gov.",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert _boilerplate(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Join us in rejecting this logic of confrontation",
        "Follow the money, the minister said",
        "Listen to the people of Europe",
        "Advertisement of military exercises is required under Chapter V",
        "Reading the Treaty in good faith matters",
        "Check against delivery of the weapons, the inspectors said.",
        "You have accessed the archives of the treaty, the minister told the delegates.",
    ],
)
def test_sentences_that_open_like_furniture_are_kept(line: str) -> None:
    assert _boilerplate(line) is None


def test_a_title_printed_twice_under_furniture_stays_the_title(tmp_path: Path) -> None:
    title = "Statement by the Delegation of Austria (January 29, 2025)"
    body = (
        "Mr. Chairperson,\n\nWe remain committed to the Vienna Document and to dialogue "
        "within the OSCE, which we consider the only inclusive forum for it.\n\n"
        "We call on all participating States to implement it in good faith.\n"
    )
    plain = _parse(tmp_path, f"{title}\n{title}\n\n{body}")
    under = _parse(tmp_path, f"Share\n\n{title}\n{title}\n\n{body}")
    assert plain.document.title == under.document.title == title
    assert plain.document.date == under.document.date == dt.date(2025, 1, 29)


# --- the evaluation runs and finds nothing leaking on the tune part ---------------------------


def _robustness() -> Any:
    spec = importlib.util.spec_from_file_location(
        "ingest_robustness", ROOT / "benchmarks" / "ingest_robustness.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ingest_robustness"] = module
    spec.loader.exec_module(module)
    return module


def test_date_renderings_all_name_the_same_day() -> None:
    from indivisible.ingest._link import first_date

    day = dt.date(2022, 1, 7)
    shown = _robustness().date_renderings(day)
    assert len(shown) >= 15
    english = {k: v for k, v in shown.items() if k not in ("fr", "de", "ru")}
    assert all(first_date(v.replace("Published on", "")) == day for v in english.values())


def test_furniture_put_into_a_tune_document_never_leaks() -> None:
    rob = _robustness()
    corpus = ROOT / "examples" / "corpus"
    report = rob.run([corpus], furniture=rob.FURNITURE[:8])
    tried = sum(v["tried"] for v in report["furniture"].values())
    assert tried > 100
    assert sum(v["leaked"] for v in report["furniture"].values()) == 0
    found = sum(v["found"] for v in report["dates"].values())
    assert found >= 0.95 * sum(v["tried"] for v in report["dates"].values()) > 0


# --- attribution forms in news copy -------------------------------------------------------------

_Q = "“NATO must stop its expansion to the east and give us legal guarantees,”"
_NEWS = (
    "Russia and the US hold talks in Geneva\n\n"
    "GENEVA, Jan 10 (Reuters) - Russian and US diplomats met in Geneva on Monday for talks on "
    "security, officials said.\n\n{}\n\n"
    "US Deputy Secretary of State Wendy Sherman said the talks were frank and that Washington "
    "would not negotiate over NATO's open door.\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        f"{_Q} Sergei Ryabkov said.",
        f"{_Q} said Sergei Ryabkov.",
        f"{_Q} Sergei Ryabkov told reporters in Geneva.",
        f"{_Q} Sergei Ryabkov was quoted as saying by Interfax.",
        f"{_Q} Sergei Ryabkov, Russia's deputy foreign minister, said on Monday.",
        f"{_Q} the deputy minister, Sergei Ryabkov, said.",
        "In the words of Sergei Ryabkov, NATO must stop its expansion to the east.",
        "According to Sergei Ryabkov, NATO must stop its expansion to the east.",
        "Sergei Ryabkov made clear that NATO must stop its expansion to the east.",
        "“NATO must stop,” Sergei Ryabkov said. “It must give us guarantees.”",
    ],
)
def test_attribution_forms_name_the_speaker(tmp_path: Path, sentence: str) -> None:
    doc = _parse(tmp_path, _NEWS.format(sentence))
    assert "Sergei Ryabkov" in {s.speaker for s in doc.statements}


@pytest.mark.parametrize(
    "sentence",
    [
        # A scare quote is nobody's statement.
        "Moscow called the alliance's plans a “red line” for Russian security.",
        # Nobody is named in apposition: the description stays unresolved.
        f"{_Q} the deputy minister, who declined to be named, said.",
    ],
)
def test_no_attribution_names_nobody(tmp_path: Path, sentence: str) -> None:
    doc = _parse(tmp_path, _NEWS.format(sentence))
    assert {s.speaker for s in doc.statements} <= {"Wendy Sherman", None}


def test_a_reported_clause_with_a_quoted_fragment_keeps_its_speaker(tmp_path: Path) -> None:
    sentence = (
        "Moscow sees the US decision to quit the INF accord as an “objective fact” and has "
        "started working on responses, Foreign Minister Sergey Lavrov said."
    )
    doc = _parse(tmp_path, _NEWS.format(sentence))
    lavrov = [s for s in doc.statements if s.speaker and "Lavrov" in s.speaker]
    assert lavrov and "inf-1987" in lavrov[0].instruments


def test_a_whole_quotation_in_a_sentence_is_still_read_as_a_quotation(tmp_path: Path) -> None:
    sentence = f"{_Q} Sergei Ryabkov said, adding that the talks were difficult."
    doc = _parse(tmp_path, _NEWS.format(sentence))
    assert any(s.speaker == "Sergei Ryabkov" and "expansion" in s.text for s in doc.statements)


def test_a_whole_clause_before_the_attribution_is_what_was_said(tmp_path: Path) -> None:
    sentence = (
        "The US has withdrawn from the Treaty on Open Skies due to Russia's noncompliance, "
        "Secretary of State Michael Pompeo said on Sunday, making good on a planned move."
    )
    doc = _parse(tmp_path, _NEWS.format(sentence))
    said = [s for s in doc.statements if s.speaker == "Michael Pompeo"]
    assert said and said[0].text.startswith("The US has withdrawn")
    assert said[0].instruments == ("open-skies-1992",)


def test_an_adverbial_introduction_stays_an_introduction(tmp_path: Path) -> None:
    sentence = (
        "In view of Russia's continuing military build-up around Ukraine, Secretary General "
        "Jens Stoltenberg confirmed that NATO has conveyed its written proposals to Russia."
    )
    doc = _parse(tmp_path, _NEWS.format(sentence))
    said = [s for s in doc.statements if s.speaker == "Jens Stoltenberg"]
    assert said and said[0].text.startswith("NATO has conveyed")


def test_an_administration_named_after_a_president_gives_no_first_name(tmp_path: Path) -> None:
    sentence = (
        "The Trump administration announced its plan to withdraw months ago.\n\n"
        "At the time, Trump predicted that the US plan would get Russia to the table."
    )
    doc = _parse(tmp_path, _NEWS.format(sentence))
    assert all(s.speaker != "The Trump" for s in doc.statements)


def test_the_evaluation_refuses_a_bad_corpus_with_the_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rob = _robustness()
    assert rob.main([str(tmp_path / "nowhere")]) == 2
    assert "not a corpus folder" in capsys.readouterr().err
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "x.yaml").write_text("split: [\n", encoding="utf-8")
    assert rob.main([str(tmp_path)]) == 2
    assert "x.yaml, line 2" in capsys.readouterr().err
    (tmp_path / "gold" / "x.yaml").write_text("file: gone.txt\nsplit: tune\n", encoding="utf-8")
    assert rob.main([str(tmp_path)]) == 2
    assert "gone.txt" in capsys.readouterr().err


def test_a_guillemet_left_open_after_a_colon_is_read(tmp_path: Path) -> None:
    # session 21: an unclosed « … quotation (its pattern has fewer groups than the closed
    # ones') once raised IndexError on a French speech.
    text = (
        "La sécurité de l'Europe\n\n"
        "PARIS — Le ministre a parlé lundi.\n\n"
        "Vient ensuite une longue liste de noms, dont Victor Hugo qui écrivait : « Un jour "
        "viendra où l'on verra ces deux groupes immenses se tendant la main par-dessus les "
        "mers, échangeant leurs produits, leur commerce, leur industrie… (1). Il ne faut pas "
        "non plus oublier le projet de fédération européenne.\n"
    )
    doc = _parse(tmp_path, text)
    assert any("Un jour" in s.text for s in doc.statements)
