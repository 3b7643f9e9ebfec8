"""An answer's citations as plain text (also valid Markdown): the web chat's copy box and the
terminal chat's source list."""

from __future__ import annotations

from assistant.answer_models import Answer


def plain_text(answer: Answer) -> str:
    """The answer with its sources as plain text, to paste into a nota."""
    lines = [answer.answer, ""] if answer.citations else [answer.answer]
    lines += [f"[{c.n}] {c.reference}" for c in answer.citations]
    return "\n".join(lines).strip()


def source_list(answer: Answer) -> str:
    """The terminal's block under an answer: a heading and one line per citation with its file;
    empty for a refusal."""
    if answer.refused:
        return ""
    lines = ["", "Bronnen:"]
    lines += [f"  [{c.n}] {c.reference} ({c.source})" for c in answer.citations]
    return "\n".join(lines)
