"""What one side of a multi-document answer states (side_facts)."""

from __future__ import annotations

import pytest

from assistant.answering.side_facts import repeats_an_answer, typed_fact, without_repeats
from assistant.plan import plan_question
from assistant.sentences import Passage
from vectorstore.stored_chunk import StoredChunk

pytestmark = pytest.mark.unit


def _passage(text: str, kamerstuk: str) -> Passage:
    return Passage(StoredChunk("c1", text, {"kamerstuk": kamerstuk}, 0.0), 0, len(text))


def test_a_side_asking_for_a_kamerstuk_number_is_not_answered_by_its_own_number() -> None:
    plan = plan_question("Welk Kamerstuknummer geven de brieven voor het TCU-rapport?")
    own = _passage(
        "In de kabinetsreactie (Kamerstuk 29 362, nr. 290) staat de toezegging.", "29362-318"
    )
    cited = typed_fact(own, plan)
    assert cited is not None and cited.text.endswith("29 362, nr. 290")
    itself = _passage("Zie ook Kamerstuk 29 362, nr. 318 van december.", "29362-318")
    assert typed_fact(itself, plan) is None


def test_a_quote_another_side_holds_already_is_left_out() -> None:
    both = "“Tot dusver zijn veertig medewerkers opgeleid. Toeslagen hielp achthonderd ouders.” [1]"
    second = "“Toeslagen hielp achthonderd ouders.” [1]"
    other = "Volgens de nota: “Iets anders.” [2]"
    assert without_repeats([both, second, other]) == [both, other]
    assert without_repeats([second, other]) == [second, other]
    # a side quoting a second sentence that the next side quotes alone: the next one goes
    two = "“Iets anders.” [2] “Toeslagen hielp achthonderd ouders.” [1]"
    assert without_repeats([two, second]) == [two]


def test_only_the_sentence_that_answers_another_side_is_its_answer() -> None:
    answer = (
        "Tegelijk is in ongeveer twintig procent van de gevallen sprake van complexe problemen."
    )
    further = "Op 1 maart 2022 volgt een voorstel voor andere categorieën stukken."
    quoted = {answer: True, further: False}
    assert repeats_an_answer(_passage(answer, "29362-290"), quoted)
    assert not repeats_an_answer(_passage(further, "29362-290"), quoted)
