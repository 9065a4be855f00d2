"""The site's word lists, each defined once: statuses, regions, map groups with their colours,
month names, and what readers see for each, in English and French.

The schema (models.py) takes its allowed values from here; the pages, the map's stylesheet
(map_style.py) and the browser's history data (history_view.py) take their labels and colours
from here. Nothing else spells these values out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Label:
    """What a reader sees for a value, in English and French."""

    en: str
    fr: str


STATUSES: dict[str, Label] = {
    "active": Label("Active", "Actif"),
    "suspended": Label("Suspended", "Suspendu"),
    "dormant": Label("Dormant", "En sommeil"),
    "replaced": Label("Replaced", "Remplacé"),
}

REGIONS: dict[str, Label] = {
    "europe": Label("Europe", "Europe"),
    "south-caucasus": Label("South Caucasus", "Caucase du Sud"),
    "central-asia": Label("Central Asia", "Asie centrale"),
    "north-africa": Label("North Africa", "Afrique du Nord"),
    "middle-east": Label("Middle East", "Moyen-Orient"),
    "gulf": Label("Gulf", "Golfe"),
    "asia-pacific": Label("Asia-Pacific", "Asie-Pacifique"),
    "south-asia": Label("South Asia", "Asie du Sud"),
    "latin-america": Label("Latin America", "Amérique latine"),
    "international": Label("International organisation", "Organisation internationale"),
}


@dataclass(frozen=True)
class MapGroup:
    """One colour of the map, and for some a pattern over it, so that no two groups differ by
    colour alone. A framework group has no label of its own: the legend names it after the
    frameworks that have it (a framework's `map_group` field)."""

    colour: str
    label: Label | None = None
    pattern: Literal["stripes", "dots"] | None = None


# Kinds of source, as the source policy weighs them (sources.py).
SOURCE_KINDS: dict[str, Label] = {
    "official": Label(
        "Official texts (NATO, the EU, governments, parliaments)",
        "Textes officiels (OTAN, UE, gouvernements, parlements)",
    ),
    "reference": Label("Reference works and research", "Ouvrages de référence et recherche"),
    "media": Label("Independent media", "Médias indépendants"),
    "state-media": Label("State media", "Médias d'État"),
}

# Languages of cited pages, by ISO 639-1 code: a footnote names the language of a page that is
# not in the edition's own.
LANGUAGES: dict[str, Label] = {
    "ar": Label("Arabic", "arabe"),
    "de": Label("German", "allemand"),
    "en": Label("English", "anglais"),
    "es": Label("Spanish", "espagnol"),
    "fr": Label("French", "français"),
    "it": Label("Italian", "italien"),
    "ja": Label("Japanese", "japonais"),
    "ko": Label("Korean", "coréen"),
    "nl": Label("Dutch", "néerlandais"),
    "pl": Label("Polish", "polonais"),
    "ro": Label("Romanian", "roumain"),
    "ru": Label("Russian", "russe"),
    "sv": Label("Swedish", "suédois"),
    "tr": Label("Turkish", "turc"),
    "uk": Label("Ukrainian", "ukrainien"),
}

# The map groups that are not a framework's: history.Chronology.group_on decides which applies.
ALLY, SUSPENDED, OTHER, FORMER, NONE = "ally", "suspended", "other", "former", "none"

# Every colour of the map, in legend order. The framework groups among them are also in
# priority order: a partner in several frameworks takes the first group it has.
# The colours are Okabe and Ito's palette for colour-blind readers (blue, bluish green, orange,
# reddish purple, vermilion, sky blue), with a dark slate for the Allies and greys for the rest;
# the three groups closest in colour to another under protanopia or deuteranopia carry a pattern.
MAP_GROUPS: dict[str, MapGroup] = {
    ALLY: MapGroup("#3d4b5c", Label("NATO Ally", "Allié de l'OTAN")),
    "euro-atlantic": MapGroup("#0072b2"),
    "mediterranean": MapGroup("#009e73"),
    "gulf": MapGroup("#e69f00"),
    "global": MapGroup("#cc79a7"),
    SUSPENDED: MapGroup("#d55e00", Label("Partnership suspended", "Partenariat suspendu"), "stripes"),
    OTHER: MapGroup("#56b4e9", Label("Other frameworks only", "Autres cadres seulement"), "dots"),
    FORMER: MapGroup("#a6a6a6", Label("Former partner", "Ancien partenaire"), "stripes"),
    NONE: MapGroup("#e3e3e3", Label("Not a partner", "Pas un partenaire")),
}
FRAMEWORK_MAP_GROUPS: tuple[str, ...] = tuple(name for name, group in MAP_GROUPS.items() if group.label is None)

# The schema's allowed values, made from the lists above (a Literal of a tuple lists its items).
StatusValue = Literal[tuple(STATUSES)]  # type: ignore[valid-type]
SourceKind = Literal[tuple(SOURCE_KINDS)]  # type: ignore[valid-type]
Region = Literal[tuple(REGIONS)]  # type: ignore[valid-type]
FrameworkMapGroup = Literal[FRAMEWORK_MAP_GROUPS]  # type: ignore[valid-type]

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}
