"""What an operation changed: the message views subscribe to instead of refreshing each other.

A write says what it changed (Anki's ``OpChanges``): the areas, and where it
knows them the ids of the units, findings, samples and dossiers it touched.
The UI publishes one ``Changes`` on ``ctx.bus.changes`` after the job
(``ctx.run(fn, changes=...)``, or a job result that carries ``.changes``);
each view asks ``changes.touches(Area.REVIEW)`` (or looks at the ids) and
refreshes itself. The same message will carry the office server's "others
changed this" (``origin`` names where it came from), so views need nothing
new for it. Qt-free, so services can build and return it.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Area(str, Enum):
    CLAIMS = "claims"  # settlements, fee lines, catalog (imports)
    FLAGS = "flags"  # screening results and rule parameters
    SAMPLES = "samples"
    REVIEW = "review"  # units, findings, evidence, appeals, second review
    ROSTER = "roster"  # staff, certificates, attendance, training, contract profiles
    DOSSIERS = "dossiers"
    SETTINGS = "settings"
    USERS = "users"


LOCAL = "local"


@dataclass(frozen=True)
class Changes:
    """Areas changed, with the ids known to the writer (empty: "something in the area")."""

    areas: frozenset[Area] = frozenset()
    units: frozenset[int] = frozenset()
    findings: frozenset[int] = frozenset()
    samples: frozenset[int] = frozenset()
    dossiers: frozenset[int] = frozenset()
    origin: str = LOCAL  # "local", or who else changed it (the office server)

    @classmethod
    def of(cls, *areas: Area | str, units=(), findings=(), samples=(), dossiers=(), origin: str = LOCAL) -> "Changes":
        return cls(frozenset(Area(a) for a in areas), frozenset(units), frozenset(findings), frozenset(samples),
                   frozenset(dossiers), origin)

    def touches(self, *areas: Area | str) -> bool:
        return any(Area(a) in self.areas for a in areas)

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(self.areas | other.areas, self.units | other.units, self.findings | other.findings,
                       self.samples | other.samples, self.dossiers | other.dossiers,
                       self.origin if self.origin == other.origin else LOCAL)

    def __bool__(self) -> bool:
        return bool(self.areas)

