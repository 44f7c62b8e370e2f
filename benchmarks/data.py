"""Seeded synthetic inputs: papers as al-folio keeps them, and a profile with news and a
long timeline.

Every record knows both how it is written in the data file (LaTeX in BibTeX, inline
reStructuredText in the profile) and how a reader sees it, so the plain-reStructuredText
"floor" pages can show exactly the same text (see :mod:`benchmarks.projects`). The same
seed and size always give the same files.
"""

from __future__ import annotations

import datetime
import json
import random
import re
from dataclasses import dataclass, field


def _split(words: str) -> tuple[str, ...]:
    return tuple(words.split())


#: The site owner, as the projects' ``academic_author_aliases`` name them.
OWNER_GIVEN, OWNER_FAMILY = "Clara", "Okafor"
OWNER = f"{OWNER_GIVEN} {OWNER_FAMILY}"
#: Authors shown before a citation line is cut with "et al." (the extension's default).
MAX_AUTHORS = 8

_GIVEN = _split(
    "Ana Amir Ben Carlos Chen Daniel Elena Fatima Felix Hana Hiroshi Ines Ivan Jakob Julia "
    "Kai Lena Li Lucas Maria Mateo Mei Nadia Noah Omar Priya Rafael Sara Sofia Tomas Wei "
    "Yara Yusuf Zoe Aditya Beatriz Dmitri Emma Gabriel Ingrid Jonas Keiko Laila Marco Nils "
    "Olga Pablo Quinn Rosa Samuel Tariq Ursula Vera Wen Xavier Yuki Zainab"
)
#: Family names as BibTeX writes them and as they are shown.
_FAMILY: tuple[tuple[str, str], ...] = (
    *(
        (name, name)
        for name in _split(
            "Smith Garcia Wang Kim Nguyen Patel Rossi Tanaka Schmidt Ivanova Silva Cohen "
            "Andersen Haddad Moreau Kowalski Okonkwo Jensen Fischer Romano Sato Park Li Zhang "
            "Liu Huang Singh Kumar Ahmed Ali Hassan Brown Taylor Wilson Martin Lee Walker "
            "Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell "
            "Roberts Carter Phillips Evans Turner Torres Parker Collins Edwards Stewart "
            "Morris Murphy Cook Rogers Morgan Peterson Cooper Reed Bailey Bell"
        )
    ),
    ('M{\\"u}ller', "Müller"),
    ("Garc{\\'\\i}a-L{\\'o}pez", "García-López"),
    ("Nov{\\'a}k", "Novák"),
    ('Sch{\\"o}n', "Schön"),
    ("{\\O}stergaard", "Østergaard"),
    ("Ko{\\c{c}}", "Koç"),
    ("Dvo{\\v{r}}{\\'a}k", "Dvořák"),
    ('J{\\"a}rvinen', "Järvinen"),
    ("Br{\\aa}ten", "Bråten"),
    ("Y{\\i}lmaz", "Yılmaz"),
    ("{Ver Steeg}", "Ver Steeg"),
    ("{van der Berg}", "van der Berg"),
)
_WORDS = _split(
    "learning robust neural networks representation graph causal inference Bayesian "
    "optimization stochastic gradient generalization adversarial models language vision "
    "transformers attention sparse efficient scalable uncertainty estimation kernel methods "
    "reinforcement policy agents diffusion generative contrastive self-supervised federated "
    "privacy fairness interpretable explanations benchmarks datasets distribution shift "
    "domain adaptation meta-learning few-shot continual memory retrieval reasoning planning "
    "control dynamics physics-informed molecular protein structure prediction segmentation "
    "detection tracking video speech recognition translation dialogue summarization "
    "knowledge embeddings clustering manifold topology information bounds convergence "
    "analysis approximation variational sampling hierarchical mixture compression "
    "quantization pruning distillation hardware"
)
_FILLER = _split("the a of for with in on and to from under via by as at")
_CONFERENCES = (
    ("NeurIPS", "Advances in Neural Information Processing Systems"),
    ("ICML", "Proceedings of the International Conference on Machine Learning"),
    ("ICLR", "International Conference on Learning Representations"),
    ("CVPR", "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition"),
    ("ACL", "Proceedings of the Annual Meeting of the Association for Computational Linguistics"),
    ("EMNLP", "Proceedings of the Conference on Empirical Methods in Natural Language Processing"),
    ("AAAI", "Proceedings of the AAAI Conference on Artificial Intelligence"),
    ("UAI", "Conference on Uncertainty in Artificial Intelligence"),
    ("AISTATS", "International Conference on Artificial Intelligence and Statistics"),
    ("KDD", "Proceedings of the ACM SIGKDD Conference on Knowledge Discovery \\& Data Mining"),
)
_JOURNALS = (
    ("JMLR", "Journal of Machine Learning Research"),
    ("TPAMI", "IEEE Transactions on Pattern Analysis and Machine Intelligence"),
    ("Nature", "Nature"),
    ("PNAS", "Proceedings of the National Academy of Sciences"),
    ("TMLR", "Transactions on Machine Learning Research"),
    ("Bioinformatics", "Bioinformatics"),
    ("Phys. Rev. E", "Physical Review E"),
    ("Ann. Stat.", "The Annals of Statistics"),
)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = _split(
    "January February March April May June July August September October November December"
)


@dataclass(frozen=True)
class Person:
    """An author: BibTeX spelling and the shown name."""

    bibtex: str
    shown: str
    owner: bool = False
    marker: str = ""


@dataclass
class Paper:
    """One entry: its BibTeX fields in file order, and what a citation line shows."""

    key: str
    type: str
    fields: dict[str, str]
    authors: list[Person]
    title: str
    venue: str
    year: int
    month: int | None
    volume: str = ""
    number: str = ""
    pages: str = ""
    url: str = ""
    arxiv_id: str = ""

    def bibtex(self) -> str:
        lines = [f"@{self.type}{{{self.key},"]
        lines += [f"  {name} = {value}," for name, value in self.fields.items()]
        lines.append("}")
        return "\n".join(lines) + "\n"


def _latex_title(rng: random.Random) -> tuple[str, str]:
    """A title as BibTeX writes it (acronyms protected by braces) and as it is shown."""
    words = [rng.choice(_WORDS) for _ in range(rng.randint(4, 9))]
    for index in range(2, len(words), rng.randint(3, 5)):
        words.insert(index, rng.choice(_FILLER))
    words[0] = words[0][0].upper() + words[0][1:]
    shown = " ".join(words)
    if rng.random() < 0.35:
        acronym = "".join(rng.choice("ABCDEFGHIKLMNOPRSTUVXZ") for _ in range(rng.randint(3, 6)))
        return f"{{{acronym}}}: {shown}", f"{acronym}: {shown}"
    return shown, shown


def _abstract(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(5, 9)):
        words = [rng.choice(_WORDS + _FILLER * 2) for _ in range(rng.randint(10, 22))]
        sentences.append(words[0].capitalize() + " " + " ".join(words[1:]) + ".")
    if rng.random() < 0.15:
        sentences.insert(2, "Our method runs in $\\mathcal{O}(n \\log n)$ time.")
    if rng.random() < 0.2:
        sentences.insert(1, "We improve on prior work by 12\\% on average.")
    return " ".join(sentences)


def _people(rng: random.Random, size: int) -> list[Person]:
    """The co-author pool: a lab's collaborators (names repeat across entries)."""
    pool = []
    for _ in range(max(40, size // 4)):
        given = rng.choice(_GIVEN)
        if rng.random() < 0.15:
            given += f" {rng.choice('ABCDEFGHJKLMNPRSTW')}."
        family_tex, family = rng.choice(_FAMILY)
        pool.append(Person(f"{family_tex}, {given}", f"{given} {family}"))
    return pool


def _owner(rng: random.Random) -> Person:
    if rng.random() < 0.85:
        return Person(f"{OWNER_FAMILY}, {OWNER_GIVEN}", OWNER, owner=True)
    return Person(f"{OWNER_FAMILY}, {OWNER_GIVEN[0]}.", f"{OWNER_GIVEN[0]}. {OWNER_FAMILY}", True)


def _authors(rng: random.Random, pool: list[Person]) -> list[Person]:
    count = rng.randint(9, 20) if rng.random() < 0.1 else rng.randint(1, 7)
    authors = rng.sample(pool, count)
    if rng.random() < 0.8:
        authors.insert(rng.randrange(len(authors) + 1), _owner(rng))
    if len(authors) > 1 and rng.random() < 0.08:  # equal contribution
        authors[:2] = [
            Person(f"{p.bibtex}*", p.shown, p.owner, "*") if "," in p.bibtex else p
            for p in authors[:2]
        ]
    return authors


def papers(size: int, seed: int) -> list[Paper]:
    """``size`` papers, newest first (the order ``-year, -month`` shows them in)."""
    rng = random.Random(f"papers-{seed}-{size}")
    pool = _people(rng, size)
    result: list[Paper] = []
    keys: set[str] = set()
    titles: set[str] = set()
    while len(result) < size:
        paper = _paper(rng, pool, keys)
        if paper.title in titles:
            continue
        titles.add(paper.title)
        keys.add(paper.key)
        result.append(paper)
    # Newest first; entries without a month after those with one (the directive's order).
    result.sort(key=lambda p: (-p.year, p.month is None, -(p.month or 0)))
    return result


def _key(first: Person, year: int, title: str, keys: set[str]) -> str:
    family = re.sub(r"[^a-z]", "", first.shown.split()[-1].lower()) or "anon"
    word = next((w for w in re.findall(r"[a-z]+", title.lower()) if len(w) > 3), "paper")
    base = key = f"{family}{year}{word}"
    suffix = 0
    while key in keys:
        suffix += 1
        key = f"{base}{chr(ord('a') + suffix % 26)}{suffix // 26 or ''}"
    return key


def _paper(rng: random.Random, pool: list[Person], keys: set[str]) -> Paper:
    kind = rng.choices(("inproceedings", "article", "misc"), (55, 35, 10))[0]
    authors = _authors(rng, pool)
    title_tex, title = _latex_title(rng)
    year = rng.randint(1998, 2025)
    month = rng.randint(1, 12) if rng.random() < 0.85 else None
    key = _key(authors[0], year, title, keys)
    fields = {"title": f"{{{title_tex}}}", "author": "{" + " and ".join(a.bibtex for a in authors)}
    fields["author"] += "}"
    paper = Paper(key, kind, fields, authors, title, "", year, month)
    abbr = _venue(rng, paper)
    fields["year"] = f"{{{year}}}" if rng.random() < 0.7 else str(year)
    if month is not None:
        fields["month"] = rng.choice(
            (
                MONTHS[month - 1].lower(),
                f"{{{MONTHS[month - 1]}}}",
                f"{{{_MONTH_NAMES[month - 1]}}}",
            )
        )
    _identifiers(rng, paper)
    if abbr:
        fields["abbr"] = f"{{{abbr}}}"
    if rng.random() < 0.9:
        fields["abstract"] = f"{{{_abstract(rng)}}}"
    _links(rng, paper)
    fields["bibtex_show"] = "{true}"
    if rng.random() < 0.1:
        fields["selected"] = "{true}"
    if rng.random() < 0.02:
        fields["award"] = "{Best Paper Award}"
        fields["award_name"] = "{Best Paper}"
    return paper


def _venue(rng: random.Random, paper: Paper) -> str:
    """Venue fields by entry type; returns the ``abbr`` badge text."""
    fields = paper.fields
    if paper.type == "misc":
        paper.arxiv_id = (
            f"{rng.randint(15, 25):02d}{rng.randint(1, 12):02d}.{rng.randint(1, 29999):05d}"
        )
        fields["eprint"] = f"{{{paper.arxiv_id}}}"
        fields["archiveprefix"] = "{arXiv}"
        fields["primaryclass"] = "{cs.LG}"
        return "arXiv"
    if paper.type == "article":
        abbr, name = rng.choice(_JOURNALS)
        fields["journal"] = f"{{{name}}}"
        paper.volume = str(rng.randint(1, 60))
        fields["volume"] = f"{{{paper.volume}}}"
        if rng.random() < 0.7:
            paper.number = str(rng.randint(1, 12))
            fields["number"] = f"{{{paper.number}}}"
        chance = 0.9
    else:
        abbr, name = rng.choice(_CONFERENCES)
        fields["booktitle"] = f"{{{name}}}"
        if rng.random() < 0.2:
            paper.volume = str(rng.randint(30, 250))
            fields["volume"] = f"{{{paper.volume}}}"
            fields["publisher"] = "{PMLR}"
        chance = 0.6
    paper.venue = name.replace("\\&", "&")
    if rng.random() < chance:
        first = rng.randint(1, 2000)
        paper.pages = f"{first}–{first + rng.randint(5, 30)}"
        fields["pages"] = "{" + paper.pages.replace("–", "--") + "}"
    return abbr


def _identifiers(rng: random.Random, paper: Paper) -> None:
    if rng.random() < 0.6:
        paper.fields["doi"] = f"{{10.{rng.randint(1000, 9999)}/{paper.key}}}"
    if rng.random() < 0.25:
        paper.url = f"https://example.org/papers/{paper.key}"
        paper.fields["url"] = f"{{{paper.url}}}"


def _links(rng: random.Random, paper: Paper) -> None:
    fields = paper.fields
    if paper.type != "misc" and rng.random() < 0.4:
        fields["arxiv"] = (
            f"{{{rng.randint(15, 25)}{rng.randint(1, 12):02d}.{rng.randint(1, 29999):05d}}}"
        )
    if rng.random() < 0.5:
        fields["pdf"] = f"{{https://example.org/pdf/{paper.key}.pdf}}"
    if rng.random() < 0.4:
        fields["code"] = f"{{https://github.com/example/{paper.key}}}"
    if rng.random() < 0.15:
        fields["website"] = f"{{https://example.org/projects/{paper.key}}}"
    if rng.random() < 0.3:
        fields["google_scholar_id"] = f"{{{paper.key[:12]}}}"


def bibtex_file(items: list[Paper]) -> str:
    """The bib file, with an al-folio front-matter block and a comment."""
    head = "---\n---\n\n% Generated by benchmarks/data.py: synthetic, seeded.\n\n"
    return head + "\n".join(paper.bibtex() for paper in items)


# -- the profile ----------------------------------------------------------------------------

_POSITIONS = (
    "Research Scientist",
    "Postdoctoral Researcher",
    "Visiting Researcher",
    "Research Intern",
    "Lecturer",
    "Assistant Professor",
    "Associate Professor",
    "Software Engineer",
)
_ORGANISATIONS = (
    "University of Examples",
    "Example Institute of Technology",
    "Northern Research Lab",
    "Institute for Advanced Study of Things",
    "Eidgenössische Technische Hochschule Beispiel",
    "Université d'Exemple",
    "Example AI Research",
)
_PLACES = ("Zürich, Switzerland", "Lagos, Nigeria", "Boston, USA", "Paris, France", "Tokyo, Japan")
_DEGREES = (("PhD", "Computer Science"), ("MSc", "Statistics"), ("BSc", "Mathematics"))


@dataclass
class NewsItem:
    date: tuple[int, int, int]
    text: str
    title: str = ""
    url: str = ""


@dataclass
class TimelineEntry:
    section: str  # work or education
    start: tuple[int, int]
    end: tuple[int, int] | None  # None: ongoing
    title: str
    subtitle: str = ""
    organisation: str = ""
    url: str = ""
    location: str = ""
    summary: str = ""
    highlights: list[str] = field(default_factory=list)
    score: str = ""


@dataclass
class Profile:
    news: list[NewsItem]
    timeline: list[TimelineEntry]


def _phrase(rng: random.Random, low: int = 2, high: int = 4) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(low, high)))


def _news_text(rng: random.Random, index: int) -> str:
    name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)[1]}"
    venue = rng.choice(_CONFERENCES)[0]
    templates = (
        f"Our paper on *{_phrase(rng)}* was accepted at **{venue}**.",
        f"I gave an invited talk on {_phrase(rng)} at {rng.choice(_ORGANISATIONS)}.",
        f"{name} joined the group as a PhD student. Welcome!",
        f"New preprint on {_phrase(rng)}: `read it on arXiv <https://arxiv.org/abs/{index}>`__.",
        f"We released the code of our work on {_phrase(rng)}; feedback is welcome.",
        f"Congratulations to {name} for defending a thesis on *{_phrase(rng)}*!",
    )
    return rng.choice(templates)


def profile(seed: int, news_count: int = 1000, timeline_count: int = 500) -> Profile:
    """News newest first, one item every few days; timeline entries newest first."""
    rng = random.Random(f"profile-{seed}")
    news = []
    ordinal = 739_000  # late 2024; items go back in time
    for index in range(news_count):
        ordinal -= rng.randint(1, 4)
        day = datetime.date.fromordinal(ordinal)
        item = NewsItem((day.year, day.month, day.day), _news_text(rng, index))
        if rng.random() < 0.3:
            item.title = _phrase(rng, 3, 6).capitalize()
        if rng.random() < 0.3:
            item.url = f"https://example.org/news/{index}"
        news.append(item)
    return Profile(news, _timeline(rng, timeline_count))


def _timeline(rng: random.Random, count: int) -> list[TimelineEntry]:
    entries = []
    month = 2024 * 12 + 8  # months since year 0; entries go back in time
    for index in range(count):
        end = None if index == 0 else (month // 12, month % 12 + 1)
        start_month = month - rng.randint(1, 24)
        start = (start_month // 12, start_month % 12 + 1)
        month -= rng.randint(1, 2)
        if rng.random() < 0.6:
            entry = TimelineEntry("work", start, end, rng.choice(_POSITIONS))
            if rng.random() < 0.3:
                entry.subtitle = _phrase(rng).capitalize()
        else:
            degree, area = rng.choice(_DEGREES)
            entry = TimelineEntry("education", start, end, degree, subtitle=area)
            if rng.random() < 0.4:
                entry.score = f"{rng.randint(30, 40) / 10:.1f}/4.0"
        entry.organisation = rng.choice(_ORGANISATIONS)
        entry.location = rng.choice(_PLACES)
        if rng.random() < 0.4:
            entry.url = f"https://example.org/org/{index}"
        if rng.random() < 0.6:
            entry.summary = f"Worked on *{_phrase(rng)}* and {_phrase(rng)}."
        entry.highlights = [
            f"Led work on {_phrase(rng)}" for _ in range(rng.choice((0, 0, 1, 2, 3)))
        ]
        entries.append(entry)
    if entries and entries[0].section != "work":  # only jobs are ongoing in this profile
        entries[0].section, entries[0].score = "work", ""
    return entries


def yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string


def iso(date: tuple[int, ...]) -> str:
    return "-".join(f"{part:02d}" for part in date)


def profile_yaml(data: Profile) -> str:
    """The native profile format (JSON Resume with news)."""
    lines = [
        "basics:",
        f"  name: {OWNER}",
        "  label: Associate Professor of Computer Science",
        "  email: clara@example.org",
        "  url: https://clara.example.org",
        "news:",
    ]
    for item in data.news:
        lines.append(f"  - date: {yaml_string(iso(item.date))}")
        lines.append(f"    text: {yaml_string(item.text)}")
        if item.title:
            lines.append(f"    title: {yaml_string(item.title)}")
        if item.url:
            lines.append(f"    url: {yaml_string(item.url)}")
    for section in ("work", "education"):
        lines.append(f"{section}:")
        for entry in data.timeline:
            if entry.section == section:
                lines += _entry_yaml(entry)
    return "\n".join(lines) + "\n"


def _entry_yaml(entry: TimelineEntry) -> list[str]:
    if entry.section == "work":
        values = {
            "position": entry.title,
            "description": entry.subtitle,
            "name": entry.organisation,
        }
    else:
        values = {
            "studyType": entry.title,
            "area": entry.subtitle,
            "institution": entry.organisation,
        }
    values |= {"url": entry.url, "location": entry.location, "startDate": iso(entry.start)}
    values |= {"endDate": iso(entry.end) if entry.end else "", "summary": entry.summary}
    values["score"] = entry.score
    lines: list[str] = []
    for name, value in values.items():
        if value:
            lines.append(f"{'  - ' if not lines else '    '}{name}: {yaml_string(value)}")
    if entry.highlights:
        lines.append("    highlights:")
        lines += [f"      - {yaml_string(text)}" for text in entry.highlights]
    return lines
