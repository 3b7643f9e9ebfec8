import pytest

from assistant.question_types import without_asked_phrase

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("question", "left"),
    [
        (
            "Vanaf welk jaar wordt de bekostiging eenvoudiger?",
            "wordt de bekostiging eenvoudiger?",
        ),
        (
            "Op welke dag wil het kabinet het overzicht geven?",
            "wil het kabinet het overzicht geven?",
        ),
        ("Hoeveel ouders kregen een betaling?", "ouders kregen een betaling?"),
        # A noun that names the fact is what the sentence with the answer says too.
        ("Wat was de deadline van de VWS-nota?", "Wat was de deadline van de VWS-nota?"),
        ("Waarom is de wet gewijzigd?", "Waarom is de wet gewijzigd?"),
    ],
)
def test_without_asked_phrase(question: str, left: str) -> None:
    assert without_asked_phrase(question).strip() == left
