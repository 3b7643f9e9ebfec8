"""Clean extracted document text: margin text, page furniture, web navigation, footnote markers,
OCR slips and broken hyphenation. Footnote texts are kept: they carry the references.

Every step is a small function `str -> str`; `clean_text` runs them in order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from ingest.footnote_markers import (
    PRIVATE_USE,
    hold_footnote_markers,
    marks_in,
    remove_footnote_markers,
)
from ingest.footnotes import FootnoteMark

# Lines that belong to a website or a page layout, never to the document itself.
_BOILERPLATE_LINES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^Externe link origineel bericht$",
        r"^Originele document in PDF$",
        r"^Preview document\b.*$",
        r"^Directe link naar document\b.*$",
        r"^Met de Parlementaire Monitor volgt u\b.*$",
        r"^Helaas kunnen wij geen nieuwe gebruikers\b.*$",
        r"^Parlementaire Monitor$",
        r"^Meer informatie$",
        r"^Gerelateerde personen:.*$",
        r"^Onderdeel van (zaak|activiteiten):?\s*$",  # kept when it names the zaak
        r"^X Noot$",
        r"^kst-\d+(-[\w]+)?-\d+ ISSN\b.*$",  # page footer of Kamerstuk PDFs
        r"^Tweede Kamer, vergaderjaar \d{4}-\d{4}, ?\d{2} ?\d{3}, nr\. \d+ \d+$",  # page footer
        r"^Pagina \d+ van \d+$",
    )
]
_NAV_ITEM = re.compile(r"\[[^\]\n]{1,40}\]")
# Woo redaction codes ("5.1.2e") left where personal data was blacked out.
_REDACTION = re.compile(r"\b\d{1,2}\.\d\.\d[a-z]?\b")
_OCR_TREMA = re.compile(r"(?<=[aeiou])é(?=[a-z])")
_OCR_KENMERK = re.compile(r"\s*\bOns kenme?r?k?$")
_TRAILING_PAGE_NUMBER = re.compile(r"(?<=[a-zë]{3}[.!?]) \d{1,2}$")
_HYPHEN_PREFIXES = {"ex", "niet", "oud", "anti", "co", "e", "vice", "semi", "pre", "post", "non"}
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+")


def normalize_characters(text: str) -> str:
    """Unify line ends and spaces; drop soft hyphens, zero-width and back-reference marks.

    OCR output marks a new page by a line starting with one space: that becomes a block break.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = re.sub(r"\n (?=\S)", "\n\n", text)
    text = re.sub(r"[\u00a0\u2007\u202f\t]", " ", text)
    text = re.sub(r"[\u00ad\u200b\u200c\u200d\ufeff]", "", text)
    text = text.replace("↩︎", "").replace("↩", "")
    return _OCR_TREMA.sub("ë", text)


def remove_boilerplate(text: str) -> str:
    """Drop web navigation bars, site furniture, page footers and redaction-code lines."""
    kept = []
    for line in text.split("\n"):
        stripped = line.strip()
        if len(_NAV_ITEM.findall(stripped)) >= 3 and len(_NAV_ITEM.sub("", stripped).strip()) < 20:
            continue
        if any(p.match(stripped) for p in _BOILERPLATE_LINES):
            continue
        without_codes = _REDACTION.sub("", stripped)
        if stripped and _REDACTION.search(stripped) and not re.search(r"\w{4,}", without_codes):
            continue
        kept.append(line)
    return "\n".join(kept)


def _margin_candidates(lines: list[str]) -> set[str]:
    """Short lines repeated as lines and as line tails: the margin column of a letter."""
    stripped = [line.strip() for line in lines]
    standalone = Counter(
        s
        for s in stripped
        if 4 <= len(s) <= 45
        and len(s.split()) <= 4
        and not re.search(r"[.,;:?!)]$", s)
        and not re.match(r"^\d+[.)]\s", s)
    )
    margin = set()
    for phrase, count in standalone.items():
        tails = sum(1 for s in stripped if len(s) > len(phrase) and s.endswith(" " + phrase))
        # Margin text never continues a sentence: a phrase also used inside lines is body text.
        inside = sum(1 for s in stripped if phrase in s and not s.endswith(phrase))
        if count + tails >= 3 and inside == 0:
            margin.add(phrase)
    # The value printed under a margin label on every page ("Datum" / "6 juni 2022").
    values = Counter(
        next((s for s in stripped[i + 1 :] if s), "") for i, s in enumerate(stripped) if s in margin
    )
    margin.update(value for value, count in values.items() if value and count >= 2)
    return margin


def remove_margin_text(text: str) -> str:
    """Remove repeated margin text ("Ons kenmerk", "Concerndirectie …"), also where OCR glued it
    to the end of a body line, and page numbers left behind after a sentence."""
    lines = text.split("\n")
    margin = _margin_candidates(lines)
    cleaned = []
    for line in lines:
        stripped = line.strip()
        if stripped in margin:
            continue
        changed = True
        while changed:
            changed = False
            for phrase in margin:
                if stripped.endswith(" " + phrase):
                    stripped = stripped[: -len(phrase) - 1].rstrip()
                    changed = True
            shorter = _OCR_KENMERK.sub("", stripped)
            shorter = _TRAILING_PAGE_NUMBER.sub("", shorter)
            if shorter != stripped:
                stripped, changed = shorter, True
        if stripped and not re.search(r"[A-Za-zÀ-ÿ]{2,}|\d{2,}|^\d{1,3}\.?$|^•", stripped):
            continue  # OCR debris such as ". . . k k"
        cleaned.append(stripped)
    return "\n".join(cleaned)


def merge_split_markers(text: str) -> str:
    """Join a lone bullet label ("• 1.", "• W.") or footnote number ("12") with the next line."""
    lines = text.split("\n")
    merged: list[str] = []
    carry = ""
    for line in lines:
        stripped = line.strip()
        if carry and stripped:
            merged.append(f"{carry} {stripped}")
            carry = ""
            continue
        bullet = re.fullmatch(r"•\s*(\S{1,4})", stripped)
        if bullet or re.fullmatch(r"\d{1,3}", stripped):
            carry = bullet.group(1) if bullet else stripped
            continue
        merged.append(stripped)
    if carry:
        merged.append(carry)
    return "\n".join(merged)


def repair_hyphenation(text: str) -> str:
    """Join words broken by hyphenation ("Staatsse-cretaris", "ver-\\nbetering").

    A split inside a line is joined only when the joined word occurs elsewhere in the text; a
    split at a line end is joined unless it is a real compound ("MD-programma", "ex-partner").
    """
    unhyphenated = re.sub(r"[A-Za-zÀ-ÿ]+-\n?\s*[A-Za-zÀ-ÿ]+", " ", text)
    vocabulary = Counter(w.lower() for w in _WORD.findall(unhyphenated))

    def join_line_end(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        hyphenated = f"{left}-{right}".lower()
        if left.lower() in _HYPHEN_PREFIXES or left[-1].isupper() or hyphenated in text.lower():
            return f"{left}-{right}"
        return left + right

    text = re.sub(r"([A-Za-zÀ-ÿ]+)-\n\s*([a-zà-ÿ]+)", join_line_end, text)

    def join_inline(match: re.Match[str]) -> str:
        left, right = match.group(1).lower(), match.group(2).lower()
        if left in _HYPHEN_PREFIXES or match.group(1).isupper():
            return match.group(0)
        known_whole = vocabulary[left + right] > 0
        # A syllable break leaves halves that are not words of this text ("Ondervragingscom-missie").
        broken = len(left) >= 6 and vocabulary[left] == 0 and vocabulary[right] == 0
        if known_whole or broken:
            return match.group(1) + match.group(2)
        return match.group(0)

    return re.sub(r"\b([A-Za-zÀ-ÿ]{2,})-([a-zà-ÿ]{2,})\b", join_inline, text)


def reflow_paragraphs(text: str) -> str:
    """Join hard-wrapped lines of one paragraph (OCR, PDF) into one line per paragraph.

    Within a block a line ends the paragraph when it ends a sentence or a heading and is clearly
    shorter than the block's full lines; a block that stops mid-sentence continues in the next
    block when that starts in lower case (margin text had split it).
    """
    blocks = [b.split("\n") for b in re.split(r"\n\s*\n", text)]
    paragraphs: list[str] = []
    for lines in blocks:
        lines = [line for line in lines if line.strip()]
        if not lines:
            continue
        full_width = max(len(line) for line in lines)
        current = lines[0]
        for line in lines[1:]:
            previous_short = len(current.split("\n")[-1]) < 0.6 * full_width
            if full_width < 60 or previous_short or re.match(r"^(\d+[.)]|[-–•])\s", line):
                current += "\n" + line
            else:
                current += " " + line
        paragraphs.append(current)
    return "\n\n".join(_rejoin_page_breaks(paragraphs))


_FOOTNOTE = re.compile(r"^\d{1,2} (?=\S)")


def _rejoin_page_breaks(paragraphs: list[str]) -> list[str]:
    """A sentence cut by a page break continues in the next paragraph that starts in lower case;
    footnotes printed at the bottom of that page move to the end of the document."""
    body: list[str] = []
    moved_footnotes: list[str] = []
    pending_footnotes: list[str] = []
    for paragraph in paragraphs:
        open_sentence = bool(body) and not re.search(r"[.!?:;]$", body[-1])
        if open_sentence and _FOOTNOTE.match(paragraph):
            pending_footnotes.append(paragraph)
            continue
        if open_sentence and re.match(r"^[a-zà-ÿ]", paragraph):
            body[-1] += " " + paragraph
            moved_footnotes.extend(pending_footnotes)
        else:
            body.extend(pending_footnotes)
            body.append(paragraph)
        pending_footnotes = []
    return body + pending_footnotes + moved_footnotes


def collapse_whitespace(text: str) -> str:
    text = re.sub(r"[ ]{2,}", " ", text)
    text = re.sub(r" +\n|\n +", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _cleaned(text: str, footnotes: Callable[[str], str]) -> str:
    for step in (
        normalize_characters,
        remove_boilerplate,
        remove_margin_text,
        merge_split_markers,
        footnotes,
        repair_hyphenation,
        reflow_paragraphs,
        collapse_whitespace,
    ):
        text = step(text)
    return text


def clean_text(text: str) -> str:
    """The full cleaning pipeline, in order."""
    return _cleaned(text, remove_footnote_markers)


def footnote_marks(text: str, clean: str) -> list[FootnoteMark]:
    """Where the footnote markers of `text` stood in its clean text `clean` (`clean_text(text)`):
    the pipeline run once more with each marker held as one private-use character. When that
    run, without those characters, is not exactly `clean`, no mark is trusted and none is given."""
    marked = _cleaned(PRIVATE_USE.sub("", text), hold_footnote_markers)
    return marks_in(marked) if PRIVATE_USE.sub("", marked) == clean else []
