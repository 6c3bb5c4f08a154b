"""A deterministic synthetic news corpus for benchmarks.

Articles are templated sentences over the real gazetteer (:mod:`kg.gazetteer`:
countries, their capitals, other big cities, organisations) and generated
people with titles: visits, meetings, phone calls, agreements, leaders and
supplies, with dates in many formats, plus the noise real pages have
(boilerplate lines, mojibake, "9" for an apostrophe, HTML bodies, publication
dates in the header or in the record). The same ``seed`` gives the same bytes.

    python -m bench.corpus --docs 1000 --out /tmp/c.jsonl [--seed 0]

>>> records = list(generate(3, seed=1))
>>> [r["id"] for r in records]
['syn-1-000000', 'syn-1-000001', 'syn-1-000002']
>>> records == list(generate(3, seed=1))
True
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["generate", "write_corpus"]

FIRST_NAMES = (
    "Anna", "Maria", "Elena", "Sofia", "Amara", "Aisha", "Mei", "Yuki", "Priya", "Fatima", "Ingrid", "Lucia",
    "Nadia", "Olga", "Carmen", "Hana", "Leila", "Grace", "Clara", "Zainab", "David", "Rahul", "Kenji", "Omar",
    "Pierre", "Jean-Luc", "Carlos", "Mateus", "Ahmed", "Dmitri", "Lars", "Tomasz", "Kwame", "Hiroshi",
    "Arjun", "Emeka", "Miguel", "Stefan", "Andrei", "Samuel", "Viktor", "Hassan", "Felipe", "Jonas",
)  # fmt: skip
LAST_NAMES = (
    "Kowalski", "Mehta", "Tanaka", "Okafor", "Moreau", "Silva", "Petrov", "Lindqvist", "Nowak", "Haddad",
    "Mensah", "Sato", "Sharma", "Fernandes", "Novak", "Rahman", "Schneider", "Dubois", "Rossi", "Ivanova",
    "Adeyemi", "Kim", "Nakamura", "Osei", "Castillo", "Varga", "Horvat", "Bakker", "Jansen", "Morales",
    "Khalil", "Reyes", "Yilmaz", "Demir", "Costa", "Eriksen", "Popescu", "Kovacs", "Wojcik", "Mwangi",
    "Iyer", "Chaudhry", "Alvarez", "Berger", "Lund", "Toure", "Diallo", "Park", "Quispe", "Obi",
)  # fmt: skip
LEADER_TITLES = ("President", "Prime Minister")
MINISTER_TITLES = ("Foreign Minister", "Defence Minister", "Trade Minister", "Energy Minister")
GOODS = ("oil", "natural gas", "wheat", "fertiliser", "fighter jets", "coal", "rice", "vaccines", "steel",
         "semiconductors", "uranium", "helicopters", "diesel", "corn")  # fmt: skip
TOPICS = ("trade", "energy security", "defence cooperation", "climate finance", "migration", "food security",
          "regional stability", "investment", "nuclear energy", "counter-terrorism", "shipping routes")  # fmt: skip
ACCORDS = ("Declaration on Strategic Partnership", "Agreement on Trade and Investment", "Memorandum of "
           "Understanding on Energy", "Treaty of Friendship and Cooperation", "Joint Statement on Climate Action",
           "Agreement on Visa Facilitation", "Defence Cooperation Agreement")  # fmt: skip
BOILERPLATE = (
    "We use cookies to improve your experience. Accept all cookies",
    "Share this article", "Advertisement", "Subscribe to our newsletter", "Follow us on social media",
    "Home > World > Politics", "Read more:", "Sign up for breaking news alerts", "Click here to read more",
    "All rights reserved.", "Photo: Reuters", "Listen to this article", "Most read",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class _Country:
    name: str
    capital: str
    cities: tuple[str, ...]
    leader: tuple[str, str]  # (title, name)
    ministers: tuple[tuple[str, str], ...]


def generate(docs: int, *, seed: int = 0, short: bool = False) -> Iterator[dict]:
    """``docs`` JSONL records (``id``, ``text`` and optional ``title``/``published``/``url``).

    Articles have about 430 words (250 to 700), or about 125 (50 to 220) when ``short``.
    """
    rng = random.Random(seed)
    world = _world(seed)
    context = (2, 8) if short else (18, 42)
    for i in range(docs):
        yield _article(rng, world, f"syn-{seed}-{i:06d}", context)


def write_corpus(path: str | Path, docs: int, *, seed: int = 0, short: bool = False) -> Path:
    """Write :func:`generate` as JSONL to ``path``; returns it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for record in generate(docs, seed=seed, short=short):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@lru_cache(maxsize=4)
def _world(seed: int) -> tuple[tuple[_Country, ...], tuple[str, ...]]:
    """Countries (with a capital and leaders) and organisations, from the real gazetteer."""
    from kg.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    entries = sorted(gaz, key=lambda e: e.key)
    cities: dict[str, list[str]] = {}
    for e in entries:
        if e.type == "City" and e.country and (e.population or 0) >= 300_000 and not e.capital_of:
            cities.setdefault(e.country, []).append(e.label)
    rng = random.Random(f"world-{seed}")
    used: set[str] = set()

    def person() -> str:
        while True:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if name not in used:
                used.add(name)
                return name

    countries = []
    for e in entries:
        if e.type != "Country" or (e.population or 0) < 2_000_000:
            continue
        code = dict(e.ids).get("iso3166")
        capital = gaz.capital(code) if code else None
        if capital is None:
            continue
        leader = (rng.choice(LEADER_TITLES), person())
        ministers = tuple((title, person()) for title in MINISTER_TITLES)
        countries.append(_Country(e.label, capital.label, tuple(cities.get(code, ())[:8]), leader, ministers))
    organisations = tuple(e.label for e in entries if e.type == "Organization" and len(e.label) < 40)
    return tuple(countries), organisations


def _article(rng: random.Random, world: tuple, doc_id: str, context: tuple[int, int]) -> dict:
    countries, organisations = world
    a, b = rng.sample(countries, 2)
    org = rng.choice(organisations)
    published = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
    story = _Story(rng, a, b, org, published)
    kind = rng.choice(("visit", "meeting", "call", "agreement"))
    title, lead = story.headline(kind)
    sentences = [lead, *story.events(rng.randint(2, 5)), *story.context(rng.randint(*context))]
    paragraphs = _paragraphs(rng, [sentences[0]] + rng.sample(sentences[1:], len(sentences) - 1))
    noise = rng.random()
    if noise < 0.3:
        for _ in range(rng.randint(1, 3)):
            paragraphs.insert(rng.randrange(len(paragraphs) + 1), rng.choice(BOILERPLATE))
    text = "\n\n".join(paragraphs)
    if 0.3 <= noise < 0.4:
        text = _mojibake(text)
    elif 0.4 <= noise < 0.45:
        text = text.replace("'s ", "9s ")
    record: dict = {"id": doc_id}
    where = rng.random()
    if where < 0.6:
        record["published"] = published.isoformat()
    elif where < 0.8:
        text = f"date {published.isoformat()}\n{text}"
    elif where < 0.9:
        text = f"{published:%d.%m.%Y}\n\n{text}"
    if rng.random() < 0.05:
        body = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        text = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
    elif rng.random() < 0.7:
        record["title"] = title
    else:
        text = f"{title}\n\n{text}"
    record["text"] = text
    record["url"] = f"https://news.example.org/{published:%Y/%m}/{doc_id}"
    return record


class _Story:
    """Sentences about two countries, their people and an organisation."""

    def __init__(self, rng: random.Random, a: _Country, b: _Country, org: str, published: dt.date):
        self.rng, self.a, self.b, self.org, self.published = rng, a, b, org, published

    def who(self, country: _Country, *, full: bool = True) -> str:
        title, name = country.leader if self.rng.random() < 0.6 else self.rng.choice(country.ministers)
        style = self.rng.random()
        if not full and style < 0.3:
            return name.split()[-1]
        if style < 0.55:
            return f"{title} {name}"
        if style < 0.75:
            return f"{country.name}'s {title.lower()} {name}"
        if style < 0.9:
            return f"{name}, the {title.lower()} of {country.name},"
        return name

    def place(self, country: _Country) -> str:
        if country.cities and self.rng.random() < 0.35:
            return self.rng.choice(country.cities)
        return country.capital

    def date(self) -> str:
        rng, day = self.rng, self.published + dt.timedelta(days=self.rng.randint(-40, 40))
        forms = (
            f"on {day:%B} {day.day}, {day.year}", f"on {day.day} {day:%B} {day.year}", f"on {day.isoformat()}",
            f"on {day:%B} {day.day}", f"on {WEEKDAYS[day.weekday()]}", "last week", "next month",
            f"in {day:%B} {day.year}", f"on {day:%B} {day.day}-{day.day + 1}" if day.day < 28 else "this week",
            f"in {day.year}", "earlier this year", f"on {day:%d.%m.%Y}", "later this year",
        )  # fmt: skip
        return rng.choice(forms)

    def headline(self, kind: str) -> tuple[str, str]:
        a, b, date = self.a, self.b, self.date()
        surname = a.leader[1].split()[-1]
        if kind == "visit":
            return (f"{surname} to visit {b.name}",
                    f"{self.who(a)} will visit {self.place(b)} {date} for talks on {self.rng.choice(TOPICS)}, "
                    f"officials said.")  # fmt: skip
        if kind == "meeting":
            return (f"{a.name} and {b.name} leaders hold talks",
                    f"{self.who(a)} met {self.who(b)} in {self.place(b)} {date}.")  # fmt: skip
        if kind == "call":
            return (f"{surname} calls {b.leader[1].split()[-1]}",
                    f"{self.who(a)} spoke by phone with {self.who(b)} {date}, the {a.name} government said.")
        accord = self.rng.choice(ACCORDS)
        return (f"{a.name} and {b.name} sign {accord.lower()}",
                f"{a.name} and {b.name} signed the {accord} in {self.place(a)} {date}.")  # fmt: skip

    def events(self, n: int) -> list[str]:
        rng, a, b = self.rng, self.a, self.b
        templates = (
            lambda: f"{self.who(a)} visited {self.place(b)} {self.date()}.",
            lambda: f"{self.who(b)} is expected to travel to {self.place(a)} {self.date()}.",
            lambda: f"{self.who(a, full=False)} held talks with {self.who(b)} {self.date()}.",
            lambda: f"{self.who(a)} and {self.who(b)} met on the sidelines of the {self.org} summit "
                    f"in {self.place(b)} {self.date()}.",
            lambda: f"{self.who(b)} called {self.who(a)} {self.date()} to discuss {rng.choice(TOPICS)}.",
            lambda: f"The two leaders last spoke by telephone {self.date()}.",
            lambda: f"{a.name} and {b.name} signed the {rng.choice(ACCORDS)} {self.date()}.",
            lambda: f"{a.leader[1]} is the {a.leader[0]} of {a.name}.",
            lambda: f"{b.name}'s {b.leader[0].lower()}, {b.leader[1]}, welcomed the decision.",
            lambda: f"{a.name} supplies {rng.choice(GOODS)} to {b.name}.",
            lambda: f"{b.name} buys most of its {rng.choice(GOODS)} from {a.name}, a member of the {self.org}.",
            lambda: f"{a.capital} is the capital of {a.name}.",
            lambda: f"{self.who(b)} will host {self.who(a)} in {b.capital} {self.date()}.",
        )  # fmt: skip
        return [rng.choice(templates)() for _ in range(n)]

    def context(self, n: int) -> list[str]:
        rng, a, b = self.rng, self.a, self.b
        templates = (
            lambda: f"Analysts said the talks would focus on {rng.choice(TOPICS)} and {rng.choice(TOPICS)}.",
            lambda: f"Trade between {a.name} and {b.name} reached ${rng.randint(2, 90)} billion last year, "
                    f"up {rng.randint(2, 40)} percent.",
            lambda: f"\"We have a long history of working together,\" {self.who(a)} told reporters.",
            lambda: f"The {self.org} has called for closer cooperation on {rng.choice(TOPICS)}.",
            lambda: f"Officials in {self.place(a)} declined to comment on the details of the plan.",
            lambda: f"Critics argue that the deal does little to address concerns over {rng.choice(TOPICS)}.",
            lambda: f"The ministry said in a statement that both sides had agreed to meet again {self.date()}.",
            lambda: "The visit comes amid rising tensions in the region and growing pressure from "
                    "international partners.",
            lambda: f"Markets in {self.place(b)} rose {rng.randint(1, 9)}.{rng.randint(0, 9)} percent after "
                    f"the announcement.",
            lambda: f"Diplomats said a joint statement on {rng.choice(TOPICS)} could follow.",
            lambda: f"Opposition lawmakers in {b.name} have questioned the cost of the programme.",
            lambda: f"The delegation included business leaders from the {rng.choice(GOODS)} and "
                    f"{rng.choice(GOODS)} industries.",
            lambda: "It was not immediately clear whether the agreement would require parliamentary approval.",
            lambda: f"Both governments have sought to expand ties since the {rng.choice(ACCORDS)} was signed "
                    f"in {self.published.year - rng.randint(2, 25)}.",
        )  # fmt: skip
        return [rng.choice(templates)() for _ in range(n)]


def _paragraphs(rng: random.Random, sentences: list[str]) -> list[str]:
    out, i = [], 0
    while i < len(sentences):
        size = rng.choice((1, 2, 2, 3))
        out.append(" ".join(sentences[i : i + size]))
        i += size
    return out


def _mojibake(text: str) -> str:
    """Curly quotes and dashes decoded the wrong way, as on badly converted pages."""
    fancy = text.replace("'", "\u2019").replace(" - ", " \u2013 ").replace('"', "\u201c", 1)
    return fancy.encode("utf-8").decode("cp1252", errors="replace")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="JSONL file to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--short", action="store_true", help="short articles (about 125 words instead of 430)")
    args = parser.parse_args(argv)
    write_corpus(args.out, args.docs, seed=args.seed, short=args.short)


if __name__ == "__main__":
    main()
