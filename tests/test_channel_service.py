"""The service every channel talks to, on the ingested bundled corpus."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.app import build_service
from assistant.channels.errors import FAILED
from assistant.channels.service import ChannelService, Reply
from assistant.config import Settings
from assistant.feedback import FeedbackStore
from vectorstore.chroma_client import StoreError

pytestmark = pytest.mark.integration

QUESTION = "Wanneer is de kabinetsreactie op Werk aan Uitvoering verstuurd?"
DATE_ANSWER = "Kamerstuk 29 362, nr. 290 is van 5 maart 2021 [1]."


@pytest.fixture(scope="module")
def channel(corpus_env: Settings) -> ChannelService:
    return ChannelService(build_service(corpus_env))


def test_stream_ends_with_a_reply_and_the_turn_is_remembered(channel: ChannelService) -> None:
    events = list(channel.ask_stream(QUESTION, "gesprek-1"))
    *pieces, reply = events
    assert all(isinstance(piece, str) for piece in pieces) and pieces
    assert isinstance(reply, Reply) and reply.text == DATE_ANSWER
    assert reply.answer is not None and reply.answer.citations[0].kamerstuk == "29362-290"
    assert channel.knows("gesprek-1") and channel.turn("gesprek-1", 0) is not None


def test_follow_up_is_read_against_its_own_conversation(channel: ChannelService) -> None:
    channel.ask("Wat is de trialoog volgens Kamerstuk 29 362, nr. 290?", "gesprek-2")
    assert channel.ask("En wanneer was dat?", "gesprek-2").text == DATE_ANSWER
    alone = channel.ask("En wanneer was dat?", "gesprek-3")
    assert alone.text != DATE_ANSWER  # another conversation has no context to lean on


def test_without_a_conversation_id_nothing_is_remembered(channel: ChannelService) -> None:
    before = len(channel.conversations.history(None))
    assert channel.ask(QUESTION).answer is not None
    assert len(channel.conversations.history(None)) == before == 0


def test_bad_filter_and_bad_question_become_messages(channel: ChannelService) -> None:
    events = list(channel.ask_stream("Wat is maatwerk?", "gesprek-4", {"date_from": "morgen"}))
    assert len(events) == 1 and isinstance(events[0], Reply) and events[0].answer is None
    assert events[0].text.startswith("Het filter klopt niet: date_from: 'morgen'")
    reply = channel.ask("Wat is\x07 maatwerk?", "gesprek-4")
    assert reply.answer is None and reply.text.startswith("De vraag bevat stuurtekens")
    assert not channel.knows("gesprek-4")


def test_a_failing_store_gets_the_general_message(
    channel: ChannelService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> Iterator[str]:
        yield "Een begin"
        raise StoreError("de Chroma-server antwoordt niet")

    monkeypatch.setattr(channel.service, "ask_stream", broken)
    assert list(channel.ask_stream(QUESTION, "gesprek-5")) == ["Een begin", Reply(FAILED)]
    assert not channel.knows("gesprek-5")


def test_sources_and_feedback(channel: ChannelService, corpus_env: Settings) -> None:
    answer = channel.ask(QUESTION).answer
    assert answer is not None
    passages = channel.cited_passages(answer)
    assert answer.citations[0].quote in passages[answer.citations[0].chunk_id]
    assert set(channel.senders()) == {str(d["source"]) for d in channel.documents()}
    channel.rate(answer, -1, "  te kort ")
    last = list(FeedbackStore(corpus_env).rows())[-1]
    assert last["rating"] == -1 and last["comment"] == "te kort" and last["question"] == QUESTION
