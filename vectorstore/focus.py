"""The part of a long or chatty message that should drive retrieval.

"Goedemorgen! Ik werk sinds kort bij de directie Zorgverzekeringen en probeer me in te lezen.
Een collega had het over een nota … Weet jij wat die uiterste datum was? Alvast bedankt!": the
greeting, the introduction of the writer and the thanks add words that match unrelated passages.
Kept are the question sentence(s) and the context sentences before them; dropped are greetings,
pleasantries, the writer's introduction of themselves ('ik werk bij een gemeente', keeping what
follows it: 'en we krijgen vragen over …') and whatever follows the last question ('Ik wil het
citeren in een memo.'). Dutch and English.
"""

from __future__ import annotations

import re

MIN_SENTENCES = 3  # shorter messages are used as they are, unless they open with a greeting
# A sentence runs to '.', '!' or '?' that is not inside a number ("18.000", "1,2"): such a mark
# ends it only when followed by a space or the end; the point of "nr." before its number does not.
# A sentence runs on over "nr. 318" and "nrs. 866 en 928" (a Kamerstuk as the stukken write it).
_SENTENCE = re.compile(
    r"(?:[^.!?]|[.!?](?=\S)|(?:(?<=\bnr)|(?<=\bnrs))\.\s+(?=\d))+(?:[.!?]+|$)", re.IGNORECASE
)
_GREETING = re.compile(
    r"^\s*(?:hoi|hallo|hi|hey|dag|hee|goedemorgen|goedemiddag|goedenavond|goedendag|"
    r"beste\s+\w+|hello|good\s+(?:morning|afternoon|evening)|dear\s+\w+)\b[\s,!.:]*",
    re.IGNORECASE,
)
_PLEASANTRY = re.compile(
    r"\b(?:bedankt|dank|dankjewel|dank je|thanks|thank you|groet|groeten|groetjes|fijne dag|"
    r"fijn weekend|cheers|regards|alvast)\b",
    re.IGNORECASE,
)
_SHORT_PLEASANTRY_WORDS = 7
# "Ik werk bij …", "ik ben nieuw bij …", "I work at …": about the writer, not the question.
_ABOUT_WRITER = re.compile(
    r"^\s*(?:ik\s+(?:werk|ben|zit|coördineer|coordineer|doe|schrijf|maak|studeer)|"
    r"i\s+(?:work|am|'m)|we\s+zijn)\b",
    re.IGNORECASE,
)
_ASKING = re.compile(
    r"\?\s*$|\b(?:mijn vraag is|ik wil weten|ik vraag me af|graag weten|wil ik weten|"
    r"i would like to know|i want to know|i wonder)\b",
    re.IGNORECASE,
)


def sentences(message: str) -> list[str]:
    """The message's sentences, each ending with its own punctuation."""
    return [s.strip() for s in _SENTENCE.findall(message) if s.strip()]


def _is_pleasantry(sentence: str) -> bool:
    return bool(_PLEASANTRY.search(sentence)) and len(sentence.split()) <= _SHORT_PLEASANTRY_WORDS


def without_courtesies(message: str) -> str:
    """The message without its opening greeting and its short pleasantry sentences ("Alvast
    bedankt!"): words that say nothing about the subject; the writer's introduction and the
    context stay (they may name the subject)."""
    parts = [_GREETING.sub("", part, count=1).strip() for part in sentences(message)]
    kept = [p for p in parts if p and (p.endswith("?") or not _is_pleasantry(p))]
    return " ".join(kept) or message


def focus(message: str) -> str:
    """What retrieval should search for: the question sentence(s) with the context before them,
    without greetings, pleasantries and self-introductions. A short message without a greeting,
    or one with no recognisable question, is returned as it is."""
    parts = sentences(message)
    if len(parts) < MIN_SENTENCES and not _GREETING.match(message):
        return message
    asking = [i for i, part in enumerate(parts) if _ASKING.search(part)]
    if not asking:
        return message
    kept = []
    for part in parts[: asking[-1] + 1]:
        part = _GREETING.sub("", part, count=1).strip()
        if _ABOUT_WRITER.match(part):
            # "ik werk bij een gemeente en we krijgen vragen over X": keep what follows 'en'.
            part = part.partition(" en ")[2]
        if not part or _is_pleasantry(part):
            continue
        kept.append(part)
    return " ".join(kept) or message
