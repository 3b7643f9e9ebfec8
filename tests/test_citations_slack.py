"""An answer with its citations as Slack Block Kit."""

from __future__ import annotations

import pytest

from assistant.answer_models import Answer, Citation
from assistant.channels.citations_slack import MAX_BLOCKS, answer_blocks

pytestmark = pytest.mark.unit


def _citation(n: int, quote: str = "een <korte> quote & meer") -> Citation:
    return Citation(n, "Kamerstuk 29 362, nr. 290", "29362-290", "a.txt", None, None, quote, "c")


def test_answer_sections_then_one_context_block_per_citation() -> None:
    blocks = answer_blocks(Answer("v", "A < B & C [1].", False, [_citation(1)]))
    assert blocks[0] == {
        "type": "section",
        "text": {"type": "mrkdwn", "text": "A &lt; B &amp; C [1]."},
    }
    assert blocks[1]["elements"][0]["text"] == (
        "*[1] Kamerstuk 29 362, nr. 290* — “een &lt;korte&gt; quote &amp; meer” "
        "<https://zoek.officielebekendmakingen.nl/kst-29362-290.html|officiële publicatie>"
    )


def test_long_answers_are_split_and_long_quotes_shortened() -> None:
    answer_text = "Een zin over de uitvoering. " * 200  # 5,600 characters
    quote = "woord " * 100
    blocks = answer_blocks(Answer("v", answer_text, False, [_citation(1, quote)]))
    sections = [b for b in blocks if b["type"] == "section"]
    assert len(sections) == 2 and all(len(b["text"]["text"]) <= 2900 for b in sections)
    assert " ".join(b["text"]["text"] for b in sections) == answer_text.strip()  # cut at a space
    context = blocks[-1]["elements"][0]["text"]
    assert "“" + ("woord " * 36).strip() + " …”" in context


def test_never_more_blocks_than_slack_allows() -> None:
    citations = [_citation(n) for n in range(1, 80)]
    assert len(answer_blocks(Answer("v", "a", False, citations))) == MAX_BLOCKS


def test_a_direct_answer_is_a_bold_section_of_its_own_before_the_quotes() -> None:
    quote = "Tot dusver hebben ongeveer 18.000 ouders deze eerste compensatie ontvangen."
    answer = Answer(
        "Hoeveel ouders?",
        f"Ongeveer 18.000 ouders [1]. {quote} [1]",
        False,
        [_citation(1, quote)],
        direct_answer="Ongeveer 18.000 ouders [1].",
    )
    blocks = answer_blocks(answer)
    assert [b["text"]["text"] for b in blocks[:2]] == [
        "*Ongeveer 18.000 ouders [1].*",
        f"{quote} [1]",
    ]
    assert [b["type"] for b in blocks] == ["section", "section", "context"]
    plain = answer_blocks(Answer("v", answer.answer, False, [_citation(1, quote)]))
    assert plain[0]["text"]["text"] == answer.answer  # no direct answer: one section, as before
