"""Dataset: the validated records plus lookups between them (built once, no quadratic scans)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .models import Ally, Framework, Membership, Milestone, Name, Partner, Source


@dataclass(frozen=True)
class Dataset:
    frameworks: tuple[Framework, ...]
    partners: tuple[Partner, ...]
    milestones: tuple[Milestone, ...]
    sources: tuple[Source, ...] = ()
    allies: tuple[Ally, ...] = ()  # the Allies that were never partners
    # Derived indexes, filled in __post_init__; never written back into the records.
    framework_by_id: dict[str, Framework] = field(init=False, repr=False)
    partner_by_id: dict[str, Partner] = field(init=False, repr=False)
    milestone_by_id: dict[str, Milestone] = field(init=False, repr=False)
    source_by_id: dict[str, Source] = field(init=False, repr=False)
    short_name: dict[str, str] = field(init=False, repr=False)  # in English; short_names(lang) for others
    _short_names: dict[str, dict[str, str]] = field(init=False, repr=False)
    _members: dict[str, list[tuple[Partner, Membership]]] = field(init=False, repr=False)
    _milestones_of: dict[tuple[str, str], list[Milestone]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        def put(name: str, value: object) -> None:
            object.__setattr__(self, name, value)

        put("framework_by_id", {f.id: f for f in self.frameworks})
        put("partner_by_id", {p.id: p for p in self.partners})
        put("milestone_by_id", {m.id: m for m in self.milestones})
        put("source_by_id", {s.id: s for s in self.sources})
        put("_short_names", {"en": _short_names(self.frameworks, "en")})
        put("short_name", self._short_names["en"])
        members: dict[str, list[tuple[Partner, Membership]]] = defaultdict(list)
        for partner in self.partners:
            for membership in partner.memberships:
                members[membership.framework].append((partner, membership))
        put("_members", members)
        milestones_of: dict[tuple[str, str], list[Milestone]] = defaultdict(list)
        for milestone in sorted(self.milestones, key=lambda m: (m.date.order, m.id)):
            for framework_id in milestone.frameworks:
                milestones_of[("frameworks", framework_id)].append(milestone)
            for partner_id in milestone.partners:
                milestones_of[("partners", partner_id)].append(milestone)
        put("_milestones_of", milestones_of)

    def short_names(self, lang: str) -> dict[str, str]:
        """Each framework's acronym, or its name, in `lang` ('en' or 'fr')."""
        if lang not in self._short_names:
            self._short_names[lang] = _short_names(self.frameworks, lang)
        return self._short_names[lang]

    def members_of(self, framework_id: str) -> list[tuple[Partner, Membership]]:
        """Every membership in a framework, current and former, with its partner."""
        return self._members.get(framework_id, [])

    def milestones_of(self, kind: str, entity_id: str) -> list[Milestone]:
        """Milestones that name a framework or partner, oldest first."""
        return self._milestones_of.get((kind, entity_id), [])


def _short_names(frameworks: tuple[Framework, ...], lang: str) -> dict[str, str]:
    """Acronym, or name when there is none; an acronym two frameworks share (NUC: the
    Commission and the Council) gets the launch year: 'NUC 1997', 'NUC 2023'."""

    def text(name: Name) -> str:
        return name.in_language(lang)

    count = Counter(text(f.acronym) for f in frameworks if f.acronym)
    names = {}
    for f in frameworks:
        if f.acronym is None:
            names[f.id] = text(f.name)
        elif count[text(f.acronym)] > 1 and f.launched.date:
            names[f.id] = f"{text(f.acronym)} {f.launched.date.year}"
        else:
            names[f.id] = text(f.acronym)
    return names
