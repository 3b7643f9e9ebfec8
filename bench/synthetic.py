"""A synthetic Kamerstuk corpus for scale tests: Dutch-like text from the seeds' vocabulary.

Sentences come from a word-bigram chain trained on the cleaned seed documents, so word
frequencies, lengths and punctuation look like the real corpus. Every document has the head of
a real Kamerstuk (dossier, number, vergaderjaar, date, sender), so the real metadata
extraction and chunking run on it. Seeded: the same arguments give the same corpus.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from assistant.config import BUNDLED_CORPUS
from ingest.cleaning import clean_text
from ingest.dates import MONTHS

_MINISTRIES = [
    "Binnenlandse Zaken en Koninkrijksrelaties",
    "Sociale Zaken en Werkgelegenheid",
    "Financiën",
    "Volksgezondheid, Welzijn en Sport",
    "Justitie en Veiligheid",
]
_MINISTERS = ["A. de Vries", "B. Jansen", "C. Bakker", "D. Visser", "E. Smit"]
_TOPICS = [
    "Vernieuwing van de rijksdienst",
    "Modernisering van de overheid",
    "Stand van de uitvoering",
    "Dienstverlening aan burgers",
    "Hersteloperatie toeslagen",
]


@dataclass(frozen=True)
class SyntheticDocument:
    name: str
    text: str
    kamerstuk: str


class BigramText:
    """Sentences drawn from a word-bigram chain over the seeds."""

    def __init__(self, sources: list[str], rng: random.Random) -> None:
        self.rng = rng
        self.following: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        for text in sources:
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                words = sentence.split()
                if len(words) < 6 or not words[0][:1].isupper():
                    continue
                self.starts.append(words[0])
                for current, following in zip(words, words[1:], strict=False):
                    self.following[current].append(following)

    def sentence(self) -> str:
        words = [self.rng.choice(self.starts)]
        target = self.rng.randint(10, 28)
        while len(words) < target or not words[-1].endswith("."):
            options = self.following.get(words[-1])
            if not options or len(words) > 45:
                break
            words.append(self.rng.choice(options))
        return " ".join(words).rstrip(".,;:") + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(3, 6)))


def seed_texts() -> list[str]:
    return [
        clean_text(path.read_text(encoding="utf-8"))
        for path in sorted(BUNDLED_CORPUS.glob("*.txt"))
    ]


def generate(count: int, paragraphs: int, seed: int = 20261123) -> Iterator[SyntheticDocument]:
    """`count` documents of `paragraphs` paragraphs each (about 0.45 chunks per paragraph)."""
    rng = random.Random(seed)
    text = BigramText(seed_texts(), rng)
    for number in range(count):
        dossier = 36000 + number // 50
        nr = number % 50 + 1
        year = 2019 + number % 6
        month = rng.choice(list(MONTHS))
        ministry = rng.choice(_MINISTRIES)
        body: list[str] = []
        for index in range(paragraphs):
            if index % 8 == 0:
                body.append(f"{index // 8 + 1}. {rng.choice(_TOPICS)}")
            body.append(text.paragraph())
        head = (
            "Kamerstuk\n\nTweede Kamer der Staten-Generaal\n\n"
            f"Vergaderjaar {year}-{year + 1}\n\n"
            f"{dossier // 1000} {dossier % 1000:03d} {rng.choice(_TOPICS)}\n\n"
            f"Nr. {nr} BRIEF VAN DE MINISTER VAN {ministry.upper()}\n\n"
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
            f"Den Haag, {rng.randint(1, 28)} {month} {year}\n\n"
        )
        signature = f"\n\nDe Minister van {ministry}, {rng.choice(_MINISTERS)}\n"
        yield SyntheticDocument(
            f"kst-{dossier}-{nr}.txt", head + "\n\n".join(body) + signature, f"{dossier}-{nr}"
        )


def write_corpus(folder: Path, count: int, paragraphs: int, seed: int = 20261123) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for document in generate(count, paragraphs, seed):
        path = folder / document.name
        path.write_text(document.text, encoding="utf-8")
        paths.append(path)
    return paths
