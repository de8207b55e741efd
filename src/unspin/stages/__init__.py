"""The stages after ingest, registered by name, in pipeline order.

Each entry names the module and class of a stage and what it provides, so the pipeline can
be checked, and an error can say which stage is missing, without importing heavy modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from unspin.errors import PipelineError
from unspin.options import Options

if TYPE_CHECKING:
    from unspin.pipeline import Stage


@dataclass(frozen=True, slots=True)
class Registered:
    target: str  # "module:Class"
    provides: frozenset[str]


REGISTRY: dict[str, Registered] = {
    "language": Registered("unspin.stages.language:LanguageStage", frozenset({"language"})),
    "segment": Registered(
        "unspin.stages.segment:SegmentStage",
        frozenset({"paragraphs", "sentences", "tokens", "doc"}),
    ),
    "entities": Registered("unspin.stages.entities:EntitiesStage", frozenset({"entities"})),
    "attribution": Registered("unspin.stages.attribution:AttributionStage", frozenset({"quotes"})),
    "claims": Registered("unspin.stages.claims:ClaimsStage", frozenset({"claims"})),
    "techniques": Registered("unspin.stages.techniques:TechniquesStage", frozenset({"techniques"})),
    "accusations": Registered(
        "unspin.stages.accusations:AccusationsStage", frozenset({"accusations"})
    ),
}


def create(name: str, *, options: Options) -> Stage:
    entry = REGISTRY.get(name)
    if entry is None:
        known = ", ".join(REGISTRY)
        raise PipelineError(f"there is no stage called {name!r}; the stages are: {known}")
    module, cls = entry.target.split(":")
    stage: Stage = getattr(import_module(module), cls)(options=options)
    return stage


def providers(fact: str) -> list[str]:
    """The registered stages that provide `fact`, in registry order."""
    return [name for name, entry in REGISTRY.items() if fact in entry.provides]
