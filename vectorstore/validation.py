"""Input limits of a question and of a search: one place, used by every entry point."""

from __future__ import annotations

import re


class QuestionError(ValueError):
    """A question that cannot be asked as it is; the message says why, in Dutch."""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def validate_question(question: str, max_chars: int) -> str:
    """The question, trimmed; empty, too long or with control characters is refused."""
    text = question.strip()
    if not text:
        raise QuestionError("Stel een vraag: het invoerveld is leeg.")
    if len(text) > max_chars:
        raise QuestionError(
            f"De vraag is te lang ({len(text)} tekens; maximaal {max_chars}). "
            "Stel een kortere vraag."
        )
    if _CONTROL.search(text):
        raise QuestionError("De vraag bevat stuurtekens; haal die weg en probeer het opnieuw.")
    return text


def validate_k(k: int, max_k: int) -> int:
    """The number of passages asked for; outside 1..max_k is refused."""
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= max_k:
        raise QuestionError(
            f"Het aantal passages (k) moet tussen 1 en {max_k} liggen; gevraagd: {k}."
        )
    return k
