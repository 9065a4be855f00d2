"""Synthetic but valid data/ folders for the build benchmark (bench/build_speed.py).

The records follow the schema of data/ (hooks/partnerships/models.py) and the shape of the
real files: the same fields, the same YAML style (folded `>-` text, unquoted dates, flow lists
of ids), and text lengths close to the real ones. Proportions follow the issue: about 2 %
frameworks, 48 % partners and 50 % milestones.

    from generate import generate_dataset
    counts = generate_dataset(Path("/tmp/x/data"), 1000)   # {'frameworks': 20, ...}

    python bench/generate.py /tmp/x/data --entities 1000 [--seed 0] [--check]

Real data (55 partners, 47 milestones, 11 frameworks) for comparison: 1.8 memberships per
partner (max 5), 1.1 notes per partner (~150 characters), membership notes on 75 % of
memberships (~105 characters), 36 % of memberships ended, 6 % suspended, 29 % of partners
later joined NATO; milestone summaries ~270 characters, 1.5 frameworks and 1.9 partners each;
framework descriptions ~360 characters, 3 notes each. The generator uses a few more
memberships per partner (mean ~2.5, "several") and 1-3 frameworks, 1-4 partners per milestone
(means 2.0 and 2.5); files average ~1.4 KB (partners; real 1.2 KB), ~0.9 KB (milestones; real
0.8 KB) and ~3.1 KB (frameworks; real 3.1 KB). Each partner has its own ISO code, a pair of
capitals (about a third name a country on the world map); there are 676 such pairs, so a
dataset never holds more partners, and the records beyond go to milestones.
Generation is deterministic for a given seed, size and `today`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import string
import sys
import textwrap
import unicodedata
from pathlib import Path

# The vocabularies come from the schema itself, so generated data cannot drift from it.
from partnerships import load_dataset
from partnerships.schema import SCHEMA_FILES
from partnerships.vocabulary import FRAMEWORK_MAP_GROUPS, REGIONS

STATE_REGIONS = tuple(region for region in REGIONS if region != "international")

# Words for text. Mostly plain English; a few carry accents, dashes and apostrophes, as the
# real text does, so that escaping and accent folding have real work to do.
_WORD_TEXT = (
    "the alliance and partners agreed to deepen practical cooperation on defence reform "
    "interoperability training exercises crisis management civil emergency planning science "
    "for peace and security maritime security counter-terrorism cyber defence building "
    "integrity women peace security arms control non-proliferation border security education "
    "of military officers in Brussels Istanbul Madrid Vilnius Washington Riga Lisbon Wales "
    "summit ministers meeting council declaration communiqué programme partnership "
    "individually tailored partnership plan annual national programme liaison office trust "
    "fund projects demining destruction of surplus munitions stockpiles allies welcomed "
    "progress reaffirmed commitment support capacity building mission advisers "
    "headquarters secretary general visited signed agreement memorandum of understanding "
    "first second third regional centre dialogue framework political consultation "
    "observers delegation parliament government president prime minister foreign "
    "defence minister’s on a basis since until after before during when while which also "
    "including between within across its their this that these those was were has had "
    "been new joint common open–ended état-major coopération sécurité Partenariat "
    "dialogue méditerranéen l’Alliance d’Istanbul"
)
WORDS = tuple(_WORD_TEXT.split())
SYLLABLES = (
    "al",
    "bar",
    "cor",
    "dan",
    "el",
    "fin",
    "gar",
    "hel",
    "is",
    "jor",
    "kal",
    "lor",
    "mar",
    "nor",
    "or",
    "pal",
    "qua",
    "ros",
    "sal",
    "tor",
    "ul",
    "val",
    "wes",
    "zan",
    "bri",
    "cas",
    "dra",
    "mon",
    "ven",
    "ka",
)
FRAMEWORK_NOUNS = ("Partnership", "Dialogue", "Initiative", "Council", "Commission", "Programme", "Forum")
FRAMEWORK_ADJECTIVES = (
    "Euro-Atlantic",
    "Mediterranean",
    "Gulf",
    "Northern",
    "Southern",
    "Eastern",
    "Pacific",
    "Regional",
    "Enhanced",
    "Strategic",
    "Cooperative",
    "Arctic",
    "Sahel",
    "Caspian",
)
# Address pattern, publisher, kind and language of the generated sources, in the real mix:
# mostly official texts, some news.
HOSTS = (
    ("https://www.nato.int/cps/en/natohq/news_{n}.htm", "NATO", "official", "en"),
    ("https://www.nato.int/cps/en/natohq/official_texts_{n}.htm", "NATO", "official", "en"),
    ("https://www.nato.int/docu/pr/{y}/p{n}e.htm", "NATO", "official", "en"),
    (
        "https://www.diplomatie.gouv.fr/fr/politique-etrangere/otan/article-{n}",
        "Government of France",
        "official",
        "fr",
    ),
    ("https://www.reuters.com/world/europe/nato-partners-{n}-{y}/", "Reuters", "media", "en"),
    ("https://www.consilium.europa.eu/en/press/press-releases/{y}/{n}/", "Council of the EU", "official", "en"),
    ("https://apnews.com/article/nato-{n}", "Associated Press", "media", "en"),
)
# The real data cites each source about 2.6 times, across records.
SOURCE_REUSE = 0.6
REFUSED_HOSTS = (("blogspot.com", "blog platform"), ("wikipedia.org", "wiki"), ("edocr.com", "document-sharing site"))


ISO_CODES = [a + b for a in string.ascii_uppercase for b in string.ascii_uppercase]


def counts_for(n_entities: int) -> dict[str, int]:
    """~2 % frameworks (at least 1), ~48 % partners (at most one per ISO code), the rest milestones."""
    frameworks = max(1, round(n_entities * 0.02))
    partners = max(1, min(len(ISO_CODES), n_entities - frameworks - round(n_entities * 0.50)))
    return {"frameworks": frameworks, "partners": partners, "milestones": n_entities - frameworks - partners}


# --- Records --------------------------------------------------------------------------------------


class _Generator:
    def __init__(self, rng: random.Random, today: dt.date) -> None:
        self.rng = rng
        self.today = today
        self.url_serial = 0
        self.source_ids: dict[str, str] = {}  # url -> id
        self.source_records: dict[str, dict] = {}  # id -> record, in creation order
        self.source_id_list: list[str] = []  # the same ids, for random.choice without a copy per call
        self.iso_codes = rng.sample(ISO_CODES, len(ISO_CODES))

    # Small values

    def text(self, mean: int, spread: float = 0.4) -> str:
        """Sentences of about `mean` characters (uniform within +/- spread)."""
        target = max(12, int(self.rng.uniform(mean * (1 - spread), mean * (1 + spread))))
        sentences, length = [], 0
        while length < target:
            words = self.rng.choices(WORDS, k=self.rng.randint(6, 16))
            sentence = " ".join(words)
            if self.rng.random() < 0.3:
                sentence += f" in {self.rng.randint(1991, 2025)}"
            sentence = sentence[0].upper() + sentence[1:] + "."
            sentences.append(sentence)
            length += len(sentence) + 1
        text = " ".join(sentences)
        if len(text) > target + 20:  # trim to a word boundary, end with a full stop
            text = text[:target].rsplit(" ", 1)[0].rstrip(".,;") + "."
        return text

    def name(self, parts: int = 2) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    def source(self, *, official: bool = False) -> str:
        """A new source record; returns its id."""
        self.url_serial += 1
        n = self.rng.randint(1000, 250000)
        hosts = [h for h in HOSTS if h[2] == "official"] if official else HOSTS
        pattern, publisher, kind, language = self.rng.choice(hosts)
        url = pattern.format(n=n, y=self.rng.randint(1994, 2025))
        if url in self.source_ids:
            return self.source_ids[url]
        source_id = f"{_slug(publisher)}-{self.url_serial}"
        self.source_ids[url] = source_id
        self.source_id_list.append(source_id)
        self.source_records[source_id] = {
            "id": source_id,
            "url": url,
            "title": {"en": self.text(60, 0.5).rstrip(".")},
            "publisher": {"en": publisher, "fr": publisher},
            "kind": kind,
            "language": language,
            "date": self.date(1994, 2025),
            "checked": self.reviewed(),
        }
        return source_id

    def sources(self, low: int = 1, high: int = 2, pool: list[str] | None = None) -> list[str]:
        out: list[str] = []
        cited, known = self.source_id_list, len(self.source_id_list)  # sources known before this call
        for _ in range(self.rng.randint(low, high)):
            # Records cite the same pages again and again (NATO's "Relations with ..." pages).
            reuse = known and self.rng.random() < SOURCE_REUSE
            source_id = cited[self.rng.randrange(known)] if reuse else self.source()
            if source_id not in out:
                out.append(source_id)
        if not any(self.source_records[s]["kind"] == "official" for s in out):
            out[0] = self.source(official=True)  # every fact rests on an official text (sources.py)
        return out

    def date(self, start_year: int, end_year: int, *, day: float = 0.7, month: float = 0.2) -> str:
        """YYYY-MM-DD, YYYY-MM or YYYY, between the two years (inclusive), never after today."""
        end_year = min(end_year, self.today.year - 1)
        start_year = min(start_year, end_year)
        year = self.rng.randint(start_year, end_year)
        m, d = self.rng.randint(1, 12), self.rng.randint(1, 28)
        roll = self.rng.random()
        if roll < day:
            return f"{year:04d}-{m:02d}-{d:02d}"
        if roll < day + month:
            return f"{year:04d}-{m:02d}"
        return f"{year:04d}"

    def reviewed(self) -> str:
        return (self.today - dt.timedelta(days=self.rng.randint(0, 900))).isoformat()

    def text_en_fr(self, mean: int, fr: float = 1.0) -> dict[str, str]:
        """A text in both languages, as the checks require (`fr` is kept for the call sites'
        history: every text has its French now; French runs about 15% longer)."""
        return {"en": self.text(mean), "fr": self.text(int(mean * 1.15))}

    # Records

    def framework(self, index: int, total: int) -> dict:
        rng = self.rng
        adjective, noun = rng.choice(FRAMEWORK_ADJECTIVES), rng.choice(FRAMEWORK_NOUNS)
        core = self.name(2)
        name = f"{adjective} {core} {noun}"
        slug = _slug(f"{core}-{noun}-{index + 1}")
        acronym = "".join(w[0] for w in name.replace("-", " ").split()).upper() + str(index + 1)
        launched_year = rng.randint(1991, 2022)
        record: dict = {
            "id": slug,
            "name": {"en": name, "fr": f"{noun} {core} ({adjective.lower()})"},
        }
        if rng.random() < 0.8:
            record["acronym"] = {"en": acronym, "fr": acronym[::-1]}
        record["aliases"] = [f"{core} {noun}", f"{noun} {core}"][: rng.randint(0, 2)] + (
            [f"{name} réunion"] if rng.random() < 0.3 else []
        )
        pool: list[str] = []
        record["launched"] = {
            "date": self.date(launched_year, launched_year, day=0.8, month=0.1) if rng.random() < 0.9 else None,
            "event": self.text_en_fr(150, fr=0.5),
            "sources": self.sources(1, 2, pool),
        }
        if rng.random() < 0.6:
            record["map_group"] = rng.choice(FRAMEWORK_MAP_GROUPS)
        # About one framework in ten was replaced by the next one; the last one never is.
        replaced = index + 1 < total and rng.random() < 0.1
        status = "replaced" if replaced else rng.choices(("active", "suspended", "dormant"), (0.8, 0.1, 0.1))[0]
        record["status"] = {"value": status}
        if status != "active":
            record["status"]["since"] = self.date(launched_year + 1, 2025, day=0.7, month=0.3)
        record["status"]["text"] = self.text_en_fr(220, fr=0.2)
        record["status"]["sources"] = self.sources(1, 3, pool)
        if replaced:
            record["replaced_by"] = _PENDING  # the next framework's id, set once it exists
        if rng.random() < 0.2:
            record["predecessor"] = {
                "name": {"en": f"{core} {noun} Council", "fr": f"Conseil {core}"},
                "created": self.date(1991, launched_year, day=0.8, month=0.1),
                "text": self.text_en_fr(160),
                "sources": self.sources(1, 1, pool),
            }
        record["description"] = {"text": self.text_en_fr(360, fr=0.3), "sources": self.sources(1, 2, pool)}
        record["notes"] = [
            {"text": self.text_en_fr(230, fr=0.2), "sources": self.sources(1, 3, pool)}
            for _ in range(rng.randint(0, 5))
        ]
        record["reviewed"] = self.reviewed()
        return record

    def partner(self, index: int, frameworks: list[dict]) -> dict:
        rng = self.rng
        core = self.name(rng.choice((2, 2, 3)))
        prefix = rng.choice(("", "", "", "North ", "South ", "East ", "West ", "Republic of "))
        name = f"{prefix}{core}"
        record: dict = {
            "id": _slug(f"{name}-{index + 1}"),
            "name": {"en": name, "fr": f"{prefix}{core}{rng.choice(('e', 'ie', 'é', 'ïe', ''))}".strip()},
        }
        aliases = [core.upper(), f"{core}land", f"{core}é"][: rng.choice((0, 1, 1, 2, 3))]
        if aliases:
            record["aliases"] = aliases
        record["iso"] = self.iso_codes[index]  # the site refuses one code on two partners
        is_org = rng.random() < 0.03
        record["type"] = "organisation" if is_org else "state"
        record["region"] = "international" if is_org else rng.choice(STATE_REGIONS)
        pool: list[str] = []
        joined_nato = None
        if rng.random() < 0.29:
            joined_nato = self.date(1999, 2024, day=1.0, month=0.0)
            accession: dict = {"date": joined_nato}
            if rng.random() < 0.55:
                accession["text"] = self.text_en_fr(70)
            accession["sources"] = self.sources(1, 1, pool)
            record["nato_accession"] = accession
        record["memberships"] = self.memberships(frameworks, joined_nato, pool)
        record["notes"] = [
            {"text": self.text_en_fr(150, fr=0.15), "sources": self.sources(1, 2, pool)}
            for _ in range(rng.choices((0, 1, 2, 3, 4, 5, 6), (44, 30, 12, 6, 4, 2, 2))[0])
        ]
        if not record["notes"]:
            del record["notes"]
        record["reviewed"] = self.reviewed()
        return record

    def memberships(self, frameworks: list[dict], joined_nato: str | None, pool: list[str]) -> list[dict]:
        rng = self.rng
        last_year = self.today.year - 1
        accession_year = int(joined_nato[:4]) if joined_nato else None
        wanted = rng.choices((1, 2, 3, 4, 5), (20, 35, 25, 12, 8))[0]
        out = []
        # A partner that joined NATO was a partner before: its memberships end on accession.
        end_year = accession_year - 1 if accession_year else 2023
        # A membership starts the year after its framework's launch at the earliest.
        eligible = [f for f in frameworks if _first_year(f) <= end_year]
        undated = not eligible  # joined NATO before any framework: one membership, start unknown
        for framework in rng.sample(eligible, min(wanted, len(eligible))) if eligible else frameworks[:1]:
            first_year = _first_year(framework)
            since = self.date(first_year, end_year) if rng.random() < 0.94 and not undated else None
            start_year = int(since[:4]) if since else min(first_year, end_year)
            membership: dict = {"framework": framework["id"], "since": since}
            until = None
            if joined_nato and accession_year > start_year:
                until = joined_nato
                membership["end_reason"] = {"en": "joined NATO", "fr": "adhésion à l’OTAN"}
            elif not joined_nato and start_year + 1 < last_year and rng.random() < 0.2:
                until = self.date(start_year + 1, min(start_year + 20, last_year), day=0.8, month=0.2)
                membership["end_reason"] = {"en": self.text(25, 0.5).rstrip("."), "fr": self.text(29, 0.5).rstrip(".")}
            if until:
                membership["until"] = until
            elif start_year < last_year - 2 and rng.random() < 0.09:
                membership["suspended"] = {
                    "since": self.date(start_year + 1, last_year, day=0.9, month=0.1),
                    "text": self.text_en_fr(130),
                    "sources": self.sources(1, 1, pool),
                }
            if rng.random() < 0.75:
                membership["note"] = self.text_en_fr(105)
            membership["sources"] = self.sources(1, 2, pool)
            out.append(_ordered(membership))
            # Now and then a partner left and came back (as Malta did with PfP).
            if until and not joined_nato and int(until[:4]) + 1 < last_year and rng.random() < 0.1:
                back = self.date(int(until[:4]) + 1, last_year, day=1.0, month=0.0)
                out.append(
                    {
                        "framework": framework["id"],
                        "since": back,
                        "note": self.text_en_fr(90),
                        "sources": self.sources(1, 1, pool),
                    }
                )
        return out

    def milestone(self, index: int, frameworks: list[dict], partners: list[dict]) -> dict:
        rng = self.rng
        date = self.date(1991, 2025, day=0.94, month=0.03)
        words = rng.sample(WORDS[:60], 4)
        slug = _slug(f"{date}-{index + 1}-{'-'.join(words)}")  # the serial first: ids stay unique
        record: dict = {"id": slug, "date": date}
        if rng.random() < 0.13:
            year = int(date[:4])
            record["end_date"] = (
                f"{date[:8]}{min(28, int(date[8:]) + rng.randint(1, 3)):02d}"
                if len(date) == 10 and int(date[8:]) < 28
                else f"{min(year + 1, self.today.year - 1):04d}"
            )
        title = self.text(41, 0.5).rstrip(".")
        english = f"{title}: {self.name()} {rng.choice(('summit', 'meeting', 'agreement'))}"
        record["title"] = {"en": english, "fr": english}
        record["title"]["fr"] = self.text(48, 0.5).rstrip(".")
        record["summary"] = self.text_en_fr(270)
        record["frameworks"] = [f["id"] for f in rng.sample(frameworks, min(rng.randint(1, 3), len(frameworks)))]
        record["partners"] = [p["id"] for p in rng.sample(partners, min(rng.randint(1, 4), len(partners)))]
        if rng.random() < 0.28:
            record["seed"] = self.text_en_fr(300)
        record["sources"] = self.sources(1, 3)
        record["reviewed"] = self.reviewed()
        return record


_PENDING = "<next framework>"  # replaced_by placeholder, resolved by _resolve_replacements


def _first_year(framework: dict) -> int:
    launched = framework["launched"]["date"]
    return int(str(launched)[:4]) + 1 if launched else 1991


MEMBERSHIP_KEYS = ("framework", "since", "until", "end_reason", "suspended", "note", "sources")


def _ordered(membership: dict) -> dict:
    """Keys in the order of the real files."""
    return {key: membership[key] for key in MEMBERSHIP_KEYS if key in membership}


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].rstrip("-")


# --- YAML in the style of the real files ------------------------------------------------------------

_PLAIN = re.compile(r"^[A-Za-z(][\w .,'’()–-]*[\w.)’]$|^[A-Za-z]$")
_FLOW_PLAIN = re.compile(r"^[A-Za-z0-9][\w .'’-]*[\w.’]$|^[A-Za-z0-9]$")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WIDTH = 92


def _scalar(value, *, flow: bool = False) -> str:
    if value is None:
        return "null"
    text = str(value)
    if _DATE_VALUE.match(text):
        return text  # unquoted, as in the real files: the strict loader keeps it as text or an int
    if _SLUG.match(text) and not text.isdigit() and text not in _RESERVED:
        return text  # ids, e.g. 2004-03-29-seven-partners-join-nato
    if text.startswith(("http://", "https://")) and not re.search(r"[\s#,\[\]{}]", text):
        return text  # plain URLs, as in the real files
    plain = (_FLOW_PLAIN if flow else _PLAIN).match(text) and text.lower() not in _RESERVED
    if plain and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _emit(value, indent: int, out: list[str], key: str | None) -> None:
    pad = " " * indent
    head = f"{pad}{key}:" if key is not None else None
    if isinstance(value, dict):
        if head is not None:
            out.append(head)
            indent += 2
        for k, v in value.items():
            _emit(v, indent, out, k)
    elif isinstance(value, list):
        if not value:
            return  # an empty list is left out, as the real files do
        if all(isinstance(v, str) for v in value) and not all(v.startswith("http") for v in value):
            out.append(f"{head} [{', '.join(_scalar(v, flow=True) for v in value)}]")
            return
        out.append(head)
        for item in value:
            lines: list[str] = []
            _emit(item, indent + 4, lines, None) if isinstance(item, dict) else lines.append(
                f"{pad}    {_scalar(item)}"
            )
            first = lines[0]
            out.append(f"{pad}  - {first[indent + 4 :]}")
            out.extend(lines[1:])
    elif isinstance(value, str) and len(value) > 70 and not value.startswith("http"):
        out.append(f"{head} >-")
        out.extend(
            textwrap.wrap(
                value,
                width=WIDTH,
                initial_indent=pad + "  ",
                subsequent_indent=pad + "  ",
                break_long_words=False,
                break_on_hyphens=False,  # a folded line break reads back as a space
            )
        )
    else:
        out.append(f"{head} {_scalar(value)}")


def to_yaml(record: dict, schema: str) -> str:
    out = [f"# yaml-language-server: $schema=../schema/{schema}"]
    for key, value in record.items():
        _emit(value, 0, out, key)
    return "\n".join(out) + "\n"


def _resolve_replacements(frameworks: list[dict]) -> None:
    for index, record in enumerate(frameworks):
        if record.get("replaced_by") == _PENDING:
            record["replaced_by"] = frameworks[index + 1]["id"]


def generate_dataset(data_dir: Path, n_entities: int, *, seed: int = 0, today: dt.date | None = None) -> dict[str, int]:
    """Write a valid data/ folder of about `n_entities` records (frameworks + partners +
    milestones) into `data_dir` (created; must not already hold records). Returns the counts
    per kind, e.g. {'frameworks': 20, 'partners': 480, 'milestones': 500} for 1000."""
    today = today or dt.date.today()
    counts = counts_for(n_entities)
    gen = _Generator(random.Random(f"{seed}-{n_entities}"), today)
    frameworks = [gen.framework(i, counts["frameworks"]) for i in range(counts["frameworks"])]
    _resolve_replacements(frameworks)
    partners = [gen.partner(i, frameworks) for i in range(counts["partners"])]
    milestones = [gen.milestone(i, frameworks, partners) for i in range(counts["milestones"])]
    policy = [{"id": "sources", "refused_hosts": [{"host": h, "what": w} for h, w in REFUSED_HOSTS]}]
    kinds = (
        ("frameworks", frameworks),
        ("partners", partners),
        ("allies", []),  # the folder must exist; generated partners stand for the Allies too
        ("milestones", milestones),
        ("sources", list(gen.source_records.values())),
        ("policy", policy),
    )
    for kind, records in kinds:
        folder = Path(data_dir) / kind
        folder.mkdir(parents=True, exist_ok=True)
        if any(folder.glob("*.yaml")):
            raise FileExistsError(f"{folder} already holds records")
        for record in records:
            (folder / f"{record['id']}.yaml").write_text(to_yaml(record, SCHEMA_FILES[kind]), encoding="utf-8")
    return counts | {"sources": len(gen.source_records)}


def check_dataset(data_dir: Path, *, today: dt.date | None = None):
    """Load `data_dir` with the site's own loader (hooks/partnerships); raises DataError if invalid."""
    return load_dataset(Path(data_dir), today=today or dt.date.today())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="folder to create; gets frameworks/, partners/, milestones/")
    parser.add_argument("--entities", type=int, default=1000, help="number of records in all (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--check", action="store_true", help="then load it with partnerships.load_dataset")
    args = parser.parse_args(argv)
    counts = generate_dataset(args.data_dir, args.entities, seed=args.seed)
    print(
        f"wrote {sum(counts.values())} records to {args.data_dir}: " + ", ".join(f"{v} {k}" for k, v in counts.items())
    )
    if args.check:
        dataset = check_dataset(args.data_dir)
        print(
            f"load_dataset: OK ({len(dataset.frameworks)} frameworks, {len(dataset.partners)} partners, "
            f"{len(dataset.milestones)} milestones)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
