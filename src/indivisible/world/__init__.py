"""The world: scenarios of holdings, deployments, forces, exercises and weapon systems.

Front door of the ``world`` room::

    from indivisible.world import load_scenario
    sc = load_scenario("examples/europe-2022-02.yaml")
    sc.deployments_on(sc.date)
    sc.system("9m729").range_km.value("RUS")
"""

from indivisible.world.types import (
    Accession,
    Area,
    Deployment,
    Exercise,
    Force,
    Holding,
    Reading,
    Readings,
    Scenario,
    ScenarioSource,
    Site,
    System,
    SystemCatalogue,
    SystemPatch,
    UseOfForce,
)

__all__ = [
    "Accession",
    "Area",
    "Deployment",
    "Exercise",
    "Force",
    "Holding",
    "Reading",
    "Readings",
    "Scenario",
    "ScenarioSource",
    "Site",
    "System",
    "SystemCatalogue",
    "SystemPatch",
    "UseOfForce",
]
