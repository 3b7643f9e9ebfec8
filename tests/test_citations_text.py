"""An answer's citations as plain text: the web chat's copy box and the terminal's list."""

from __future__ import annotations

import pytest

from assistant.answer_models import Answer, Citation
from assistant.channels.citations_text import plain_text, source_list

pytestmark = pytest.mark.unit

CITATION = Citation(
    1, "Kamerstuk 29 362, nr. 290", "29362-290", "003.txt", "Brief", "2021-03-05", "q", "c1"
)


def test_copy_text_lists_the_references_under_the_answer() -> None:
    answer = Answer("v", "Het antwoord [1].", False, [CITATION])
    assert plain_text(answer) == "Het antwoord [1].\n\n[1] Kamerstuk 29 362, nr. 290, 5 maart 2021"
    assert plain_text(Answer("v", "Dat staat niet in de stukken.", True)) == (
        "Dat staat niet in de stukken."
    )


def test_terminal_list_names_the_files_and_is_empty_for_a_refusal() -> None:
    answer = Answer("v", "Het antwoord [1].", False, [CITATION])
    assert source_list(answer) == (
        "\nBronnen:\n  [1] Kamerstuk 29 362, nr. 290, 5 maart 2021 (003.txt)"
    )
    assert source_list(Answer("v", "Dat staat niet in de stukken.", True)) == ""


def test_copy_text_gives_the_direct_answer_a_paragraph_of_its_own() -> None:
    answer = Answer(
        "v",
        "Op 5 maart 2021 [1]. Den Haag, 5 maart 2021 [1]",
        False,
        [CITATION],
        direct_answer="Op 5 maart 2021 [1].",
    )
    assert plain_text(answer) == (
        "Op 5 maart 2021 [1].\n\nDen Haag, 5 maart 2021 [1]\n\n"
        "[1] Kamerstuk 29 362, nr. 290, 5 maart 2021"
    )
