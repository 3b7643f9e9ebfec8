"""The citation guard on its own: invented Kamerstukken, wrong dates and amounts never pass."""

from __future__ import annotations

import pytest

from assistant.guard import Evidence, check_sentence, split_sentences
from vectorstore.stored_chunk import StoredChunk

pytestmark = pytest.mark.unit

HEAD = StoredChunk(
    "c1",
    "Den Haag, 5 maart 2021\n\nTot dusver hebben ongeveer 18.000 ouders deze eerste compensatie van "
    "30.000 euro ontvangen. Met de kabinetsreactie is € 0,8 miljard structureel gereserveerd "
    "(Kamerstuk 35 510, nr. 2).",
    {
        "doc_id": "d.txt",
        "source": "d.txt",
        "kamerstuk": "29362-290",
        "dossier": "29362",
        "ondernummer": 290,
        "date": "2021-03-05",
        "doc_type": "kamerstuk_brief",
        "title": "T",
    },
    1.0,
)
EVIDENCE = {1: Evidence.of(HEAD)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Ongeveer 18.000 ouders kregen de eerste compensatie [1].",
        "Het ging om 18000 ouders [1].",  # same number, other notation
        "Er is € 0,8 miljard structureel gereserveerd [1].",
        "Dit staat in Kamerstuk 29 362, nr. 290 van 5 maart 2021 [1].",  # from metadata
        "De kabinetsreactie (Kamerstuk 35 510, nr. 2) noemt dit [1].",  # cited in the text
        "Zie kst-29362-290 [1].",
        "De brief is van 05-03-2021 [1].",
        "Ouders krijgen een eerste compensatie.",  # no marker, no facts: checked against all
    ],
)
def test_supported_sentences_pass(sentence: str) -> None:
    assert check_sentence(sentence, EVIDENCE) is None


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Dit staat in Kamerstuk 12 345, nr. 678 [1].", "Kamerstuk 12345-678"),
        ("Dit staat in Kamerstuk 29 362, nr. 291 [1].", "Kamerstuk 29362-291"),  # one digit off
        ("Zie kst-29632-290 [1].", "Kamerstuk 29632-290"),
        ("De brief is van 6 maart 2021 [1].", "datum 2021-03-06"),
        ("De brief is van 2021-03-15 [1].", "datum 2021-03-15"),
        ("Ongeveer 19.000 ouders kregen compensatie [1].", "getal 19000"),
        ("Er is € 0,9 miljard gereserveerd [1].", "getal 0,9"),
        ("Ongeveer 18.000 ouders [2].", "verwijzing [2]"),
        ("Zonder bron: 99 ouders.", "getal 99"),
    ],
)
def test_unsupported_facts_are_caught(sentence: str, reason: str) -> None:
    found = check_sentence(sentence, EVIDENCE)
    assert found is not None and reason in found


def test_only_unsupported_sentences_of_an_answer_fail() -> None:
    text = (
        "Ongeveer 18.000 ouders kregen de eerste compensatie [1]. Dat staat ook in Kamerstuk "
        "12 345, nr. 678 [1]. Het ging om 30.000 euro per ouder [1]."
    )
    verdicts = [check_sentence(s, EVIDENCE) for s in split_sentences(text)]
    assert verdicts[0] is None and verdicts[2] is None
    assert verdicts[1] is not None and "Kamerstuk 12345-678" in verdicts[1]


def test_split_keeps_markers_with_their_sentence() -> None:
    assert split_sentences("Eén. [3] Twee [5]. Drie.") == ["Eén. [3]", "Twee [5].", "Drie."]
