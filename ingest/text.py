"""Whitespace normalisation shared by the layers that compare or show text on one line."""

from __future__ import annotations

import re

_WHITESPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Whitespace runs (line breaks included) as one space, without leading or trailing space."""
    return _WHITESPACE.sub(" ", text).strip()
