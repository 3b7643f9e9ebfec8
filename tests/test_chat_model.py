"""The ChatModel protocol: any class with `stream_answer` and `condense` can answer in LLM mode,
registered by name in the composition root. Here an in-process model, not the OpenAI client."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from assistant import app
from assistant.answer_models import Answer
from assistant.answering.chat_model import ChatModelError, NumberedPassage
from assistant.config import Settings
from assistant.plan import QuestionPlan
from tests.conftest import make_settings
from tests.fake_llm import first_sentence

pytestmark = pytest.mark.integration

COMPENSATION = "Hoeveel ouders hebben de eerste compensatie van 30.000 euro ontvangen?"


class EchoChatModel:
    """Answers with the first sentence of passage 1, in two pieces; can be told to fail."""

    def __init__(self, settings: Settings | None = None, fail: bool = False) -> None:
        self.fail = fail
        self.questions: list[str] = []

    def stream_answer(
        self, question: str, passages: Sequence[NumberedPassage], plan: QuestionPlan
    ) -> Iterator[str]:
        self.questions.append(question)
        _, _, text = passages[0]
        yield first_sentence(text)
        if self.fail:
            raise ChatModelError("model op de test is weg")
        yield " [1]."

    def condense(self, question: str, history: Sequence[tuple[str, str]]) -> str:
        return question


@pytest.mark.integration
def test_a_second_chat_model_answers_through_the_llm_answerer(corpus_env: Settings) -> None:
    model = EchoChatModel()
    answer = app.build_service(corpus_env, llm=model).ask(COMPENSATION)
    assert model.questions == [COMPENSATION]
    assert answer.mode == "llm" and not answer.refused and answer.answer.endswith(" [1].")
    (citation,) = answer.citations
    assert citation.n == 1 and citation.quote and citation.chunk_id in answer.retrieved


@pytest.mark.integration
def test_a_failing_chat_model_falls_back_to_quotes_and_says_so(corpus_env: Settings) -> None:
    events = list(
        app.build_service(corpus_env, llm=EchoChatModel(fail=True)).ask_stream(COMPENSATION)
    )
    answer = events[-1]
    assert isinstance(answer, Answer) and not answer.refused and answer.mode == "extractive"
    note = (
        "Het taalmodel gaf geen antwoord (model op de test is weg); dit antwoord bestaat uit "
        "letterlijke passages uit de stukken."
    )
    assert answer.notes == [note] and note + "\n\n" in events
    assert answer.answer.startswith(note) and "ongeveer 18.000 ouders" in answer.answer


@pytest.mark.unit
def test_a_backend_is_picked_by_its_settings_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.CHAT_MODELS, "echo", EchoChatModel)
    settings = make_settings(tmp_path, answer_mode="llm", llm_backend="echo")
    assert isinstance(app.build_chat_model(settings), EchoChatModel)
    assert app.build_chat_model(settings.model_copy(update={"answer_mode": "extractive"})) is None
    with pytest.raises(ChatModelError, match="UITVOERING_LLM_BACKEND=onbekend bestaat niet"):
        app.build_chat_model(settings.model_copy(update={"llm_backend": "onbekend"}))
