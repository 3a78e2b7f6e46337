"""Ranges as bounds (issue 12): intervals, the band test and both ends as readings."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indivisible.rules._readings import band_test
from indivisible.world.types import Reading, Readings


@pytest.mark.parametrize(
    ("reading", "interval"),
    [
        ({"value": 500}, (500, 500)),
        ({"value": 500, "qualifier": "about"}, (500, 500)),
        ({"value": 480, "qualifier": "up_to"}, (0, 480)),
        ({"value": 500, "qualifier": "up_to", "band": [50, 500]}, (50, 500)),
        ({"value": 500, "qualifier": "at_least"}, (500, math.inf)),
        ({"value": 500, "qualifier": "at_least", "band": [500, 5500]}, (500, 5500)),
        ({"value": 1000, "qualifier": "between", "band": [600, 1500]}, (600, 1500)),
    ],
)
def test_interval_of_each_kind(reading: dict[str, object], interval: tuple[float, float]) -> None:
    assert Reading.model_validate(reading).interval == interval


def test_between_needs_a_band() -> None:
    with pytest.raises(ValueError, match="between"):
        Reading.model_validate({"value": 1000, "qualifier": "between"})


@pytest.mark.parametrize(
    ("reading", "answer"),
    [
        ({"value": 500, "qualifier": "up_to", "band": [50, 500]}, "undetermined"),  # Iskander-M
        ({"value": 480, "qualifier": "up_to"}, "outside"),  # 9M729, Russia
        ({"value": 500, "qualifier": "at_least", "band": [500, 5500]}, "inside"),  # 9M729, USA
        ({"value": 2350, "qualifier": "up_to"}, "undetermined"),  # 9M729, press
        ({"value": 500, "qualifier": "about"}, "undetermined"),  # on the edge, approximate
        ({"value": 499}, "outside"),
        ({"value": 500}, "inside"),  # an exact figure on the closed edge
        ({"value": 5500}, "inside"),
        ({"value": 5501}, "outside"),
        ({"value": 500, "qualifier": "at_least"}, "undetermined"),  # may exceed 5,500
    ],
)
def test_band_test(reading: dict[str, object], answer: str) -> None:
    assert band_test(Reading.model_validate(reading), 500, 5500) == answer


@given(
    lo=st.floats(0, 10_000),
    width=st.floats(0, 10_000),
    a=st.floats(0, 20_000),
    w=st.floats(0, 20_000),
)
def test_band_test_is_never_inside_unless_the_whole_interval_is(
    lo: float, width: float, a: float, w: float
) -> None:
    r = Reading.model_validate({"value": a + w, "qualifier": "between", "band": [a, a + w]})
    got = band_test(r, lo, lo + width)
    if got == "inside":
        assert lo <= a and a + w <= lo + width
    if got == "outside":
        assert a + w < lo or a > lo + width


def test_bounds_add_the_other_end() -> None:
    r = Readings.model_validate(
        {
            "RUS": {"value": 500, "qualifier": "up_to", "band": [50, 500]},
            "USA": {"value": 500, "qualifier": "at_least", "band": [500, 5500]},
            "press": {"value": 2350, "qualifier": "up_to"},
            "lower": {"value": 500, "qualifier": "at_least"},
            "csis": 500,
        }
    )
    got = {k: v.value for k, v in r.bounds().root.items()}
    assert got == {
        "RUS": 500,
        "RUS (inner)": 50,
        "USA": 500,
        "USA (outer)": 5500,
        "press": 2350,  # no stated low end: nothing added
        "lower": 500,  # no upper bound: nothing added
        "csis": 500,
    }
    plain = Readings.model_validate(700)
    assert plain.bounds().root == plain.root
