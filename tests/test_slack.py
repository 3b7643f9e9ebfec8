"""The Slack bot over real HTTP: requests signed with the signing secret exactly as Slack signs
them, sent to the bot's events endpoint on a loopback port; a Slack Web API stand-in on another
port records what the bot posts."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from fastapi import FastAPI, Request

from assistant.app import build_service
from assistant.channels.service import ChannelService
from assistant.config import Settings
from assistant.feedback import FeedbackStore
from assistant.slack_bot import PLACEHOLDER, SlackBot
from tests.servers import LoopbackServer

pytestmark = pytest.mark.integration

SECRET = "test-signing-secret"
TOKEN = "xoxb-test-token-geheim"
QUESTION = "Wanneer is de kabinetsreactie op Werk aan Uitvoering verstuurd?"


class SlackStandIn:
    """Records Web API calls (chat.postMessage, chat.update, …) and response_url posts."""

    def __init__(self) -> None:
        self.url = ""  # set once the server runs
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.app = FastAPI()
        counter = iter(range(1, 10_000))

        @self.app.post("/api/{method}")
        async def api(method: str, request: Request) -> dict[str, Any]:
            raw = await request.body()
            try:
                payload = json.loads(raw)
            except ValueError:
                payload = dict((await request.form()).items())
            assert request.headers.get("authorization") == f"Bearer {TOKEN}"
            self.calls.append((method, payload))
            return {"ok": True, "channel": payload.get("channel"), "ts": f"9{next(counter)}.0001"}

        @self.app.post("/respond/{ident}")
        async def respond(ident: str, request: Request) -> dict[str, Any]:
            self.calls.append((f"response_url/{ident}", await request.json()))
            return {"ok": True}

    def wait_for(self, check: Callable[[], bool], timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while not check():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out; calls so far: {self.calls}")
            time.sleep(0.05)

    def named(self, method: str) -> list[dict[str, Any]]:
        return [payload for name, payload in self.calls if name == method]


@pytest.fixture(scope="module")
def slack(corpus_env: Settings) -> Iterator[tuple[SlackStandIn, str, SlackBot]]:
    stand_in = SlackStandIn()
    with LoopbackServer(stand_in.app) as web_api:
        stand_in.url = web_api.url
        settings = corpus_env.model_copy(
            update={
                "slack_bot_token": TOKEN,
                "slack_signing_secret": SECRET,
                "slack_api_url": f"{web_api.url}/api/",
            }
        )
        settings = Settings.model_validate(settings.model_dump())
        bot = SlackBot(ChannelService(build_service(settings)), settings)
        with LoopbackServer(bot.http_app()) as events:
            yield stand_in, f"{events.url}/slack/events", bot


def _signed(body: str, secret: str = SECRET, age: int = 0) -> dict[str, str]:
    timestamp = str(int(time.time()) - age)
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256)
    return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": f"v0={digest.hexdigest()}"}


def _event(event: dict[str, Any], event_id: str) -> str:
    return json.dumps(
        {
            "type": "event_callback",
            "team_id": "T1",
            "api_app_id": "A1",
            "event_id": event_id,
            "event_time": int(time.time()),
            "event": event,
        }
    )


def _post_json(url: str, body: str, headers: dict[str, str]) -> httpx.Response:
    return httpx.post(url, content=body, headers={**headers, "Content-Type": "application/json"})


def test_url_verification(slack: tuple[SlackStandIn, str, SlackBot]) -> None:
    _, url, _ = slack
    body = json.dumps({"type": "url_verification", "challenge": "uitdaging-123", "token": "x"})
    response = _post_json(url, body, _signed(body))
    assert response.status_code == 200 and "uitdaging-123" in response.text


def test_mention_gets_one_threaded_cited_reply_even_when_redelivered(
    slack: tuple[SlackStandIn, str, SlackBot],
) -> None:
    stand_in, url, _ = slack
    before = len(stand_in.named("chat.update"))
    mention = {
        "type": "app_mention",
        "user": "U1",
        "channel": "C1",
        "ts": "1700000000.000100",
        "text": f"<@UBOT> {QUESTION}",
    }
    body = _event(mention, "Ev-mention-1")
    started = time.monotonic()
    first = _post_json(url, body, _signed(body))
    assert first.status_code == 200 and time.monotonic() - started < 3.0  # acked in time
    retry = _post_json(
        url,
        body,
        {**_signed(body), "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
    )
    assert retry.status_code == 200
    again = _post_json(url, body, _signed(body))  # same event id delivered twice
    assert again.status_code == 200
    stand_in.wait_for(lambda: len(stand_in.named("chat.update")) > before)
    time.sleep(1.0)  # would a duplicate answer arrive?

    placeholders = [
        p for p in stand_in.named("chat.postMessage") if p.get("thread_ts") == "1700000000.000100"
    ]
    assert len(placeholders) == 1 and placeholders[0]["text"] == PLACEHOLDER
    updates = stand_in.named("chat.update")[before:]
    assert len(updates) == 1
    reply = updates[0]
    assert reply["text"] == "Kamerstuk 29 362, nr. 290 is van 5 maart 2021 [1]."
    context = json.dumps(reply["blocks"], ensure_ascii=False)
    assert "Kamerstuk 29 362, nr. 290, 5 maart 2021" in context
    assert "https://zoek.officielebekendmakingen.nl/kst-29362-290.html" in context


def test_follow_up_in_the_thread_uses_its_context(
    slack: tuple[SlackStandIn, str, SlackBot],
) -> None:
    stand_in, url, _ = slack
    thread = "1700000100.000200"
    first = _event(
        {
            "type": "app_mention",
            "user": "U1",
            "channel": "C2",
            "ts": thread,
            "text": "<@UBOT> Wat is de trialoog volgens Kamerstuk 29 362, nr. 290?",
        },
        "Ev-thread-1",
    )
    before = len(stand_in.named("chat.update"))
    _post_json(url, first, _signed(first))
    stand_in.wait_for(lambda: len(stand_in.named("chat.update")) > before)
    follow = _event(
        {
            "type": "message",
            "channel_type": "channel",
            "user": "U1",
            "channel": "C2",
            "ts": "1700000200.000300",
            "thread_ts": thread,
            "text": "En wanneer was dat?",
        },
        "Ev-thread-2",
    )
    _post_json(url, follow, _signed(follow))
    stand_in.wait_for(lambda: len(stand_in.named("chat.update")) > before + 1)
    assert stand_in.named("chat.update")[-1]["text"] == (
        "Kamerstuk 29 362, nr. 290 is van 5 maart 2021 [1]."
    )
    posted = [p for p in stand_in.named("chat.postMessage") if p.get("thread_ts") == thread]
    assert len(posted) == 2  # both answers in the same thread


@pytest.mark.parametrize(("secret", "age"), [("verkeerd-geheim", 0), (SECRET, 6 * 60)])
def test_bad_signature_or_old_timestamp_is_refused(
    slack: tuple[SlackStandIn, str, SlackBot], secret: str, age: int
) -> None:
    stand_in, url, _ = slack
    calls = len(stand_in.calls)
    body = _event(
        {
            "type": "app_mention",
            "user": "U1",
            "channel": "C3",
            "ts": "1.2",
            "text": f"<@UBOT> {QUESTION}",
        },
        f"Ev-bad-{age}",
    )
    response = _post_json(url, body, _signed(body, secret=secret, age=age))
    assert response.status_code == 401
    time.sleep(0.5)
    assert len(stand_in.calls) == calls


def test_slash_command_answers_ephemerally_with_a_post_button(
    slack: tuple[SlackStandIn, str, SlackBot],
) -> None:
    stand_in, url, _ = slack
    body = urlencode(
        {
            "command": "/uitvoering",
            "text": QUESTION,
            "user_id": "U1",
            "channel_id": "C4",
            "team_id": "T1",
            "trigger_id": "1.2.3",
            "response_url": f"{stand_in.url}/respond/cmd1",
        }
    )
    response = httpx.post(
        url,
        content=body,
        headers={**_signed(body), "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 200
    stand_in.wait_for(lambda: bool(stand_in.named("response_url/cmd1")))
    reply = stand_in.named("response_url/cmd1")[0]
    assert reply["response_type"] == "ephemeral"
    assert reply["text"] == "Kamerstuk 29 362, nr. 290 is van 5 maart 2021 [1]."
    button = reply["blocks"][-1]["elements"][0]
    assert button["action_id"] == "post_in_channel" and button["value"] == QUESTION


def test_thumbs_reaction_on_an_answer_is_stored_as_feedback(
    slack: tuple[SlackStandIn, str, SlackBot], corpus_env: Settings
) -> None:
    stand_in, url, bot = slack
    before_updates = len(stand_in.named("chat.update"))
    ask = _event(
        {
            "type": "app_mention",
            "user": "U1",
            "channel": "C5",
            "ts": "1700000300.1",
            "text": f"<@UBOT> {QUESTION}",
        },
        "Ev-react-1",
    )
    _post_json(url, ask, _signed(ask))
    stand_in.wait_for(lambda: len(stand_in.named("chat.update")) > before_updates)
    answer_ts = stand_in.named("chat.update")[-1]["ts"]
    rows_before = len(list(FeedbackStore(corpus_env).rows()))
    reaction = _event(
        {
            "type": "reaction_added",
            "user": "U2",
            "reaction": "+1",
            "item": {"type": "message", "channel": "C5", "ts": answer_ts},
        },
        "Ev-react-2",
    )
    assert _post_json(url, reaction, _signed(reaction)).status_code == 200
    deadline = time.monotonic() + 10
    while len(list(FeedbackStore(corpus_env).rows())) == rows_before:
        assert time.monotonic() < deadline, "no feedback row"
        time.sleep(0.05)
    last = list(FeedbackStore(corpus_env).rows())[-1]
    assert last["rating"] == 1 and last["question"] == QUESTION


def test_tokens_never_reach_the_logs(
    slack: tuple[SlackStandIn, str, SlackBot], caplog: pytest.LogCaptureFixture
) -> None:
    stand_in, url, _ = slack
    caplog.set_level("DEBUG")
    before = len(stand_in.named("chat.update"))
    body = _event(
        {
            "type": "message",
            "channel_type": "im",
            "user": "U1",
            "channel": "D1",
            "ts": "1700000400.1",
            "text": "Wat is de trialoog?",
        },
        "Ev-dm-1",
    )
    _post_json(url, body, _signed(body))
    stand_in.wait_for(lambda: len(stand_in.named("chat.update")) > before)
    assert stand_in.named("chat.postMessage")[-1]["thread_ts"] == "1700000400.1"  # DM: threaded
    assert TOKEN not in caplog.text and SECRET not in caplog.text


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("Wat is maatwerk? " * 80, "De vraag is te lang (1359 tekens; maximaal 1000)."),
        ("Wat is\x07 maatwerk?", "De vraag bevat stuurtekens"),
    ],
)
def test_unaskable_question_gets_the_reason_in_the_thread(
    slack: tuple[SlackStandIn, str, SlackBot], text: str, reply: str
) -> None:
    stand_in, url, _ = slack
    before = len(stand_in.named("chat.update"))
    ts = f"1700000100.{len(text):06d}"
    mention = {
        "type": "app_mention",
        "user": "U1",
        "channel": "C1",
        "ts": ts,
        "text": f"<@UBOT> {text}",
    }
    body = _event(mention, f"Ev-limit-{len(text)}")
    assert _post_json(url, body, _signed(body)).status_code == 200
    stand_in.wait_for(lambda: len(stand_in.named("chat.update")) > before)
    assert stand_in.named("chat.update")[before]["text"].startswith(reply)
