"""The citation guard on its own: invented Kamerstukken, wrong dates and amounts never pass."""

from __future__ import annotations

import pytest

from assistant.guard import Evidence, check_sentence, guard_sentences, renumber, split_sentences
from vectorstore.store import StoredChunk

HEAD = StoredChunk(
    "c1",
    "Den Haag, 5 maart 2021\n\nTot dusver hebben ongeveer 18.000 ouders deze eerste compensatie van "
    "30.000 euro ontvangen. Met de kabinetsreactie is € 0,8 miljard structureel gereserveerd "
    "(Kamerstuk 35 510, nr. 2).",
    {"doc_id": "d.txt", "source": "d.txt", "kamerstuk": "29362-290", "dossier": "29362",
     "ondernummer": 290, "date": "2021-03-05", "doc_type": "kamerstuk_brief", "title": "T"},
    1.0,
)  # fmt: skip
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


def test_guard_keeps_good_sentences_and_reports_the_rest() -> None:
    text = ("Ongeveer 18.000 ouders kregen de eerste compensatie [1]. Dat staat ook in Kamerstuk "
            "12 345, nr. 678 [1]. Het ging om 30.000 euro per ouder [1].")  # fmt: skip
    result = guard_sentences(split_sentences(text), EVIDENCE)
    assert "12 345" not in result.text and "678" not in result.text
    assert result.text.startswith("Ongeveer 18.000 ouders") and "30.000 euro" in result.text
    assert len(result.removed) == 1 and "Kamerstuk 12345-678" in result.removed[0]
    assert result.markers == [1]


def test_split_keeps_markers_with_their_sentence_and_renumber_is_dense() -> None:
    assert split_sentences("Eén. [3] Twee [5]. Drie.") == ["Eén. [3]", "Twee [5].", "Drie."]
    assert renumber("A [3]. B [5]. C [3].", [3, 5]) == "A [1]. B [2]. C [1]."
