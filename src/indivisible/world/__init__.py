"""The world: scenarios of holdings, deployments, forces, exercises and weapon systems.

Front door of the ``world`` room::

    from indivisible.world import load_scenario
    sc = load_scenario("examples/europe-2022-02.yaml")
    sc.deployments_on(sc.date)
    sc.system("9m729").range_km.value("RUS")
"""

from indivisible.world._catalogue import load_catalogue
from indivisible.world._load import load_scenario
from indivisible.world.types import (
    CATEGORIES,
    REPORTED,
    Accession,
    Area,
    Deployment,
    Exercise,
    Force,
    Holding,
    Prospect,
    Reading,
    Readings,
    Scenario,
    ScenarioEntries,
    ScenarioSource,
    Site,
    StrategicForce,
    System,
    SystemCatalogue,
    SystemPatch,
    UseOfForce,
    Verification,
)

__all__ = [
    "CATEGORIES",
    "REPORTED",
    "Accession",
    "Area",
    "Deployment",
    "Exercise",
    "Force",
    "Holding",
    "Prospect",
    "Reading",
    "Readings",
    "Scenario",
    "ScenarioEntries",
    "ScenarioSource",
    "Site",
    "StrategicForce",
    "System",
    "SystemCatalogue",
    "SystemPatch",
    "UseOfForce",
    "Verification",
    "load_catalogue",
    "load_scenario",
]
