"""The Gradio chat, driven through gradio_client (the API scripts use) on a loopback port."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.answer_models import Answer, Citation
from assistant.app import build_service
from assistant.channels.citations_html import sources_html
from assistant.channels.citations_text import plain_text
from assistant.channels.service import ChannelService, Reply
from assistant.config import Settings
from assistant.web import ChatApp
from ingest.labels import official_link
from tests.servers import free_port

pytestmark = pytest.mark.integration

QUESTION = "Wanneer is de kabinetsreactie op Werk aan Uitvoering verstuurd?"
COMPENSATION = (
    "Tot dusver hebben ongeveer 18.000 ouders deze eerste compensatie van 30.000 euro ontvangen."
)


@pytest.fixture(scope="module")
def chat_app(corpus_env: Settings) -> ChatApp:
    return ChatApp(ChannelService(build_service(corpus_env)))


@pytest.fixture(scope="module")
def running(chat_app: ChatApp) -> Iterator[str]:
    app = chat_app.build()
    port = free_port()
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    app.close()


def test_gradio_client_asks_and_gets_the_json_contract(running: str) -> None:
    from gradio_client import Client

    result = Client(running, verbose=False).predict(QUESTION, api_name="/vraag")
    assert result["refused"] is False
    assert result["answer"] == "Kamerstuk 29 362, nr. 290 is van 5 maart 2021 [1]."
    assert result["citations"][0]["kamerstuk"] == "29362-290"


def test_streamed_chat_fills_sources_panel_and_copy_text(chat_app: ChatApp) -> None:
    steps = list(chat_app.respond(QUESTION, [], None, "", "", "", "", ""))
    chat, panel, session, cleared, copy, answered = steps[-1]
    assert answered == [1]
    assert chat[-1]["content"] == "Kamerstuk 29 362, nr. 290 is van 5 maart 2021 [1]."
    assert "Kamerstuk 29 362, nr. 290, 5 maart 2021" in panel
    assert "<mark>" in panel and "5 maart 2021" in panel
    assert "https://zoek.officielebekendmakingen.nl/kst-29362-290.html" in panel
    assert len(chat_app.channel.conversations.history(session)) == 1 and cleared == ""
    assert copy.endswith("[1] Kamerstuk 29 362, nr. 290, 5 maart 2021")


def test_follow_up_uses_the_session_memory(chat_app: ChatApp) -> None:
    *_, (chat, _, session, _, _, _) = chat_app.respond(
        "Wat is de trialoog volgens Kamerstuk 29 362, nr. 290?", [], None, "", "", "", "", ""
    )
    *_, (chat, _, session, _, _, _) = chat_app.respond(
        "En wanneer was dat?", chat, session, "", "", "", "", ""
    )
    assert chat[-1]["content"] == "Kamerstuk 29 362, nr. 290 is van 5 maart 2021 [1]."


def test_new_conversation_forgets_the_session(chat_app: ChatApp) -> None:
    *_, (_, _, session, _, _, _) = chat_app.respond(QUESTION, [], None, "", "", "", "", "")
    assert chat_app.channel.knows(session)
    assert chat_app.new_conversation(session) == (
        [],
        "<p><em>Stel een vraag.</em></p>",
        None,
        "",
        [],
    )
    assert not chat_app.channel.knows(session)


def test_bad_filter_is_explained_in_the_chat(chat_app: ChatApp) -> None:
    *_, (chat, _, _, _, _, _) = chat_app.respond(
        "Wat is maatwerk?", [], None, "", "", "", "morgen", ""
    )
    assert chat[-1]["content"].startswith("Het filter klopt niet: date_from: 'morgen'")


def test_sources_panel_escapes_html_and_links_only_kamerstukken() -> None:
    citation = Citation(1, "Kamerbrief “X”", None, "a.txt", "<b>titel</b>", None, "quote", "c1")
    answer = Answer("v", "quote [1]", False, [citation])
    panel = sources_html(answer, {"c1": "voor <script> quote na"}, {})
    assert "&lt;script&gt;" in panel and "<script>" not in panel
    assert "&lt;b&gt;titel" in panel and "officielebekendmakingen" not in panel
    assert official_link("21501-02-3121") == (
        "https://zoek.officielebekendmakingen.nl/kst-21501-02-3121.html"
    )
    assert plain_text(answer) == "quote [1]\n\n[1] Kamerbrief “X”"


def test_question_errors_are_friendly_in_the_chat(chat_app: ChatApp) -> None:
    *_, (chat, _, _, kept, _, _) = chat_app.respond("   ", [], None, "", "", "", "", "")
    assert chat[-1]["content"] == "Stel een vraag: het invoerveld is leeg."
    long_question = "Wat is maatwerk? " * 100
    *_, (chat, _, _, kept, _, _) = chat_app.respond(long_question, [], None, "", "", "", "", "")
    assert chat[-1]["content"].startswith("De vraag is te lang (1699 tekens; maximaal 1000).")
    assert kept == long_question  # the text stays in the box to be shortened


def test_feedback_is_stored_and_exported(
    chat_app: ChatApp, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    import gradio as gr

    from assistant.cli import main

    *_, (chat, _, session, _, _, answered) = chat_app.respond(
        QUESTION, [], None, "", "", "", "", ""
    )
    like = gr.LikeData(target=None, data={"index": 1, "value": chat[1]["content"], "liked": False})
    status, comment = chat_app.feedback(like, None, "Te kort", answered)
    assert status == "Er is nog geen antwoord om te beoordelen." and comment == "Te kort"
    status, comment = chat_app.feedback(like, session, "Te kort", answered)
    assert status.startswith("Bedankt") and comment == ""
    capsys.readouterr()
    assert main(["feedback", "export"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    last = rows[-1]
    assert last["rating"] == -1 and last["comment"] == "Te kort" and last["question"] == QUESTION
    assert last["answer"]["citations"][0]["kamerstuk"] == "29362-290"
    assert last["settings"]["answer_mode"] == "extractive"


def test_kamerstuk_filter_in_the_chat(chat_app: ChatApp) -> None:
    *_, (chat, panel, _, _, _, _) = chat_app.respond(
        "Wat is maatwerk?", [], None, "", "29362-318", "", "", ""
    )
    assert "Kamerstuk 29 362, nr. 318" in panel and "nr. 290" not in panel


def test_gradio_client_gets_the_reason_for_an_unaskable_question(running: str) -> None:
    from gradio_client import Client

    with pytest.raises(Exception, match="De vraag bevat stuurtekens"):
        Client(running, verbose=False).predict("Wat is\x00 maatwerk?", api_name="/vraag")


def test_a_thumb_after_a_failed_question_rates_the_answer_it_was_given_on(
    chat_app: ChatApp,
) -> None:
    """A question that fails (empty) adds a message pair to the chat but no turn: a thumb on
    the answer after it must rate that answer, not the one before."""
    import gradio as gr

    second = "Wat is de trialoog?"
    *_, (chat, _, session, _, _, answered) = chat_app.respond(
        QUESTION, [], None, "", "", "", "", ""
    )
    *_, (chat, _, session, _, _, answered) = chat_app.respond(
        "   ", chat, session, "", "", "", "", "", answered
    )
    *_, (chat, _, session, _, _, answered) = chat_app.respond(
        second, chat, session, "", "", "", "", "", answered
    )
    assert answered == [1, 5]
    rated = []
    chat_app.channel.rate = lambda answer, rating, comment="": rated.append(answer.question)
    error = gr.LikeData(target=None, data={"index": 3, "value": chat[3]["content"], "liked": True})
    assert chat_app.feedback(error, session, "", answered)[0].startswith("Er is nog geen")
    like = gr.LikeData(target=None, data={"index": 5, "value": chat[5]["content"], "liked": True})
    assert chat_app.feedback(like, session, "", answered)[0].startswith("Bedankt")
    assert rated == [second]


class _ScriptedChannel:
    """Streams the pieces of one given answer, as `ChannelService.ask_stream` does."""

    def __init__(self, answer: Answer, pieces: list[str]) -> None:
        self.answer, self.pieces = answer, pieces

    def ask_stream(self, question: str, session: object, filters: object) -> Iterator[object]:
        yield from self.pieces
        yield Reply(self.answer.answer, self.answer)

    def cited_passages(self, answer: Answer) -> dict[str, str]:
        return {"c1": COMPENSATION}

    def senders(self) -> dict[str, str]:
        return {}


@pytest.mark.unit
def test_the_streamed_answer_ends_with_its_direct_answer_bold_before_the_quotes() -> None:
    direct = "Ongeveer 18.000 ouders [1]."
    citation = Citation(
        1, "Kamerstuk 31 066, nr. 800", "31066-800", "a.txt", None, None, COMPENSATION, "c1"
    )
    pieces = [direct, f" {COMPENSATION} [1]"]
    answer = Answer("Hoeveel ouders?", "".join(pieces), False, [citation], direct_answer=direct)
    chat_app = ChatApp(_ScriptedChannel(answer, pieces))
    steps = [
        step[0][-1]["content"]
        for step in chat_app.respond("Hoeveel ouders?", [], None, "", "", "", "", "")
    ]
    assert steps[:2] == [direct, "".join(pieces)]  # streamed as it comes
    assert steps[-1] == f"**{direct}**\n\n{COMPENSATION} [1]"
    *_, (_, panel, _, _, copy, _) = chat_app.respond(
        "Hoeveel ouders?", [], None, "", "", "", "", ""
    )
    assert copy.startswith(f"{direct}\n\n{COMPENSATION} [1]\n\n[1] Kamerstuk 31 066, nr. 800")
    assert "<mark>" in panel
