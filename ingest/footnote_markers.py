"""Footnote markers inside sentences ("gewaardeerd1", "onrecht’²", OCR's "(POK)!!"): dropped
from the clean text, or held as one private-use character each while `ingest.cleaning`
records where they stood (`footnote_marks`)."""

from __future__ import annotations

import re

from ingest.footnotes import FootnoteMark

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_INLINE_FOOTNOTE = re.compile(
    r"(?:(?<=[a-zà-ÿ)»”’])|(?<=[a-zà-ÿ)]{2}[.,;:]))(?:\d{1,2}|!!|!\?\d{0,2})(?=[\s.,;:]|$)"
)
# "fair play’! publiceerde": a "!" right after a closing quote or bracket, before the sentence
# goes on in lower case, is a footnote ¹ as OCR reads it (kept in the text, marked only).
_OCR_ONE = re.compile(r"(?<=[’”»)])!(?= [a-zà-ÿ])")
_LEADING_SUPERSCRIPT = re.compile(r"^([¹²³⁴-⁹⁰]+)\s*")
_MARK_BASE = 0xE000  # private-use characters stand for markers 1–99 while marks are taken
_MARKS = 100
PRIVATE_USE = re.compile("[\ue000-\ue063]")


def _footnote_markers(text: str, mark: bool) -> str:
    """Footnote markers inside sentences dropped, or (`mark`) each replaced by one private-use
    character that encodes its number; footnote texts, numbered at line start, are kept."""

    def replace(marker: str) -> str:
        digits = marker.translate(_SUPERSCRIPTS).replace("!", "1")  # OCR reads ¹ as "!"
        number = int("".join(d for d in digits if d.isdigit())[:2] or 0)
        return chr(_MARK_BASE + number) if mark and 0 < number < _MARKS else ""

    lines = []
    for line in text.split("\n"):
        line = _LEADING_SUPERSCRIPT.sub(lambda m: m.group(1).translate(_SUPERSCRIPTS) + " ", line)
        line = re.sub(r"[¹²³⁴-⁹⁰]+", lambda m: replace(m.group()), line)
        line = _INLINE_FOOTNOTE.sub(lambda m: replace(m.group()), line)
        if mark:  # a lone "!" after a title, before the sentence goes on: a ¹ read by OCR
            line = _OCR_ONE.sub(lambda m: m.group() + chr(_MARK_BASE + 1), line)
        lines.append(line)
    return "\n".join(lines)


def remove_footnote_markers(text: str) -> str:
    """Drop footnote markers inside sentences; keep footnote texts, numbered at line start."""
    return _footnote_markers(text, mark=False)


def hold_footnote_markers(text: str) -> str:
    """Each footnote marker as one private-use character that encodes its number."""
    return _footnote_markers(text, mark=True)


def marks_in(marked: str) -> list[FootnoteMark]:
    """Where the held markers of `marked` stand once they are taken out, with their numbers."""
    marks: list[FootnoteMark] = []
    for found in PRIVATE_USE.finditer(marked):
        marks.append(FootnoteMark(found.start() - len(marks), ord(found.group()) - _MARK_BASE))
    return marks
