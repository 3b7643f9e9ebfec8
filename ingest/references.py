"""Kamerstuk identifiers: recognise the many ways people write them and normalise to `29362-290`."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Dossier: five digits, optionally written "29 362"; optional sub-dossier ("21501-02") or
# budget chapter ("36410-XIV").
_DOSSIER = r"(?P<dossier>\d{2}[ \u00a0]?\d{3})(?:[-\u2013](?P<sub>\d{2}|[IVXLC]{1,6})\b)?"
# Ondernummer(s): "nr. 290", "nr 290", "nrs. 866 en 928".
_NUMBERS = r"nrs?\.?[ \u00a0]*(?P<nrs>\d{1,4}(?:\s*(?:,|en|&)\s*\d{1,4})*)"

# "Kamerstuk 35 510, nr. 2", "Kamerstukken II 2020/21, 29362, nr. 289", "35510, nr. 13",
# "29 362 nr. 290", "Kamerstukken 25 764 en 29 911, nr. 137" (first dossier counts).
_WRITTEN = re.compile(
    r"(?<![\d/-])" + _DOSSIER + r"(?:\s+en\s+\d{2}[ \u00a0]?\d{3})?\s*,?\s*" + _NUMBERS,
    re.IGNORECASE,
)
# "kst-29362-290", "kst-21501-02-3121"
_KST = re.compile(
    r"\bkst[-_](?P<dossier>\d{5})(?:-(?P<sub>\d{2}|[IVXLC]{1,6}))?-(?P<nrs>\d{1,4})\b",
    re.IGNORECASE,
)
# English numbering, as questions write it: "parliamentary paper 36 410, no. 1", "Kamerstuk
# 29362 no. 290", "36410-XIV, nos. 3 and 4".
_ENGLISH = re.compile(
    r"(?<![\d/-])"
    + _DOSSIER
    + r"\s*,?\s*(?:nos?|numbers?)\.?[ \u00a0]*(?P<nrs>\d{1,4}(?:\s*(?:,|and|&)\s*\d{1,4})*)\b",
    re.IGNORECASE,
)
# "29362-290" as a bare id (used in questions, not in running document text).
_BARE = re.compile(
    r"(?<![\d/-])(?P<dossier>\d{5})(?:-(?P<sub>\d{2}|[IVXLC]{1,6}))?-(?P<nrs>\d{1,4})\b"
)


@dataclass(frozen=True, order=True)
class KamerstukId:
    """A parliamentary paper: dossier (with optional sub-dossier) and ondernummer."""

    dossier: str
    ondernummer: int

    @property
    def normalized(self) -> str:
        return f"{self.dossier}-{self.ondernummer}"

    @property
    def label(self) -> str:
        """Citation label as civil servants write it: 'Kamerstuk 29 362, nr. 290'."""
        main, _, sub = self.dossier.partition("-")
        spaced = f"{main[:2]} {main[2:]}" + (f"-{sub}" if sub else "")
        return f"Kamerstuk {spaced}, nr. {self.ondernummer}"

    @classmethod
    def parse(cls, normalized: str) -> KamerstukId:
        """Parse a normalised id such as '29362-290' or '21501-02-3121'."""
        dossier, _, nr = normalized.rpartition("-")
        if not dossier or not nr.isdigit():
            raise ValueError(f"geen geldig Kamerstuk-id: {normalized!r}")
        return cls(dossier=dossier, ondernummer=int(nr))


def _dossier(match: re.Match[str]) -> str:
    dossier = re.sub(r"\D", "", match.group("dossier"))
    sub = match.group("sub")
    return f"{dossier}-{sub.upper()}" if sub else dossier


def _numbers(match: re.Match[str]) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", match.group("nrs"))]


def find_references(text: str, include_bare: bool = False) -> list[KamerstukId]:
    """All Kamerstukken named in `text`, in order of first mention, without duplicates; with
    `include_bare` also the forms only questions use: bare ids and English numbering."""
    found: list[tuple[int, KamerstukId]] = []
    patterns = [_WRITTEN, _KST] + ([_BARE, _ENGLISH] if include_bare else [])
    for pattern in patterns:
        for match in pattern.finditer(text):
            dossier = _dossier(match)
            for nr in _numbers(match):
                found.append((match.start(), KamerstukId(dossier, nr)))
    seen: set[KamerstukId] = set()
    ordered: list[KamerstukId] = []
    for _, ref in sorted(found, key=lambda item: item[0]):
        if ref not in seen:
            seen.add(ref)
            ordered.append(ref)
    return ordered


_KAMERSTUK_WORD = re.compile(r"\b(kamerstuk(?:ken)?(?:\s+II)?|kst)\b", re.IGNORECASE)
_LOOSE = re.compile(r"(?<![\d/-])\d{2} ?\d{3}[ /-]\d{1,4}\b")


def reference_spans(text: str) -> list[tuple[int, int]]:
    """Where the text writes Kamerstuk numbers ("Kamerstuk 26 643, nrs. 866 en 928")."""
    return [m.span() for pattern in (_WRITTEN, _KST, _ENGLISH) for m in pattern.finditer(text)]


def strip_references(text: str) -> str:
    """`text` without the Kamerstuk numbers in it (and the word 'Kamerstuk'): what is left says
    what the question is about."""
    for pattern in (_WRITTEN, _KST, _BARE, _ENGLISH, _LOOSE, _KAMERSTUK_WORD):
        text = pattern.sub(" ", text)
    return text
