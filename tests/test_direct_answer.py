"""Where a channel finds the direct answer in an answer's text, and the web chat's Markdown."""

from __future__ import annotations

import pytest

from assistant.answer_models import Answer, Citation
from assistant.channels.direct_answer import answer_layout, chat_markdown

pytestmark = pytest.mark.unit

QUOTE = (
    "Tot dusver hebben ongeveer 18.000 ouders deze eerste compensatie van 30.000 euro ontvangen."
)
DIRECT = "Ongeveer 18.000 ouders [1]."
NOTE = "Ik lees 29632-290 als Kamerstuk 29 362, nr. 290."
CITATION = Citation(1, "Kamerstuk 31 066, nr. 800", "31066-800", "a.txt", None, None, QUOTE, "c")


def _answer(text: str, direct: str | None = DIRECT, refused: bool = False) -> Answer:
    return Answer("Hoeveel ouders?", text, refused, [CITATION], direct_answer=direct)


def test_direct_answer_is_split_from_the_notes_before_and_the_quotes_after() -> None:
    layout = answer_layout(_answer(f"{NOTE}\n\n{DIRECT} {QUOTE} [1]"))
    assert (layout.preface, layout.direct, layout.body) == (NOTE, DIRECT, f"{QUOTE} [1]")
    assert layout.paragraphs == [NOTE, DIRECT, f"{QUOTE} [1]"]


def test_nothing_is_emphasised_without_quotes_to_set_it_apart_or_in_a_refusal() -> None:
    for answer in (
        _answer(DIRECT),  # the answer is the direct answer
        _answer(f"{DIRECT} {QUOTE} [1]", direct=None),
        _answer("Dat staat niet in de stukken.", refused=True),
    ):
        layout = answer_layout(answer)
        assert layout.direct == "" and layout.body == answer.answer


def test_a_direct_answer_missing_from_the_text_still_goes_first() -> None:
    layout = answer_layout(_answer(f"{QUOTE} [1]"))
    assert layout.paragraphs == [DIRECT, f"{QUOTE} [1]"]


def test_chat_markdown_puts_the_direct_answer_in_bold_on_its_own_line() -> None:
    assert chat_markdown(_answer(f"{DIRECT} {QUOTE} [1]")) == f"**{DIRECT}**\n\n{QUOTE} [1]"
    starred = _answer("3*4 is 12 [1]. Zo staat het er [1].", direct="3*4 is 12 [1].")
    assert chat_markdown(starred).startswith(r"**3\*4 is 12 [1].**")
    assert chat_markdown(_answer(f"{DIRECT} {QUOTE} [1]", direct=None)) == f"{DIRECT} {QUOTE} [1]"
