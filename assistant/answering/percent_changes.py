"""Percentages that say how much something changed ("aanzienlijk (9%) gestegen", "een stijging
van 4 procent"): not a share of anything, so they answer only a question about a change."""

from __future__ import annotations

import re

_I = re.IGNORECASE
_CHANGE_AFTER = re.compile(
    r"^\)?\s*(?:gestegen|gedaald|toegenomen|afgenomen|gegroeid|gekrompen|hoger|lager)\b", _I
)
_CHANGE_BEFORE = re.compile(r"\b(?:stijging|daling|groei|toename|afname)\s+(?:van|met)\s*$", _I)
_ASKS_CHANGE = re.compile(
    r"\b(?:stijg\w*|steeg|stegen|gestegen|daal\w*|daling|gedaald|groei\w*|gegroeid|toename|"
    r"toegenomen|afname|afgenomen|veranderd|verandering|vooruit\w*|achteruit\w*|verbeter\w*|"
    r"verslechter\w*|(?:nam|namen|neemt|nemen)\b[^?]*\btoe|(?:nam|namen|neemt|nemen)\b[^?]*\baf|"
    r"increase\w*|decrease\w*|rise|rose|risen|grow\w*|grew|fell|fall|drop\w*|change\w*)\b",
    _I,
)


def states_change(sentence: str, start: int, end: int) -> bool:
    """Whether the percentage at `start:end` of the sentence says by how much something changed."""
    return bool(_CHANGE_AFTER.search(sentence[end:]) or _CHANGE_BEFORE.search(sentence[:start]))


def asks_change(question: str) -> bool:
    """Whether the question asks about a change ("Met hoeveel procent nam … toe?")."""
    return bool(_ASKS_CHANGE.search(question))
