"""The Slack bot: questions in channel threads, DMs and `/uitvoering`, answered by the same service.

slack-bolt does the Slack protocol (signature and timestamp verification, url_verification, acks
within 3 seconds); answering happens after the ack, in a placeholder message ("Even zoeken…")
that is updated in place. Slack's retries (`X-Slack-Retry-Num`) and duplicate event ids never
produce a second answer. Conversation memory is per thread, in this process.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from typing import Any

from fastapi import FastAPI, Request, Response
from slack_bolt import App
from slack_bolt.adapter.fastapi import SlackRequestHandler
from slack_sdk import WebClient

from assistant.answer_models import Answer
from assistant.config import Settings
from assistant.conversation import Turn
from assistant.feedback import FeedbackStore
from assistant.service import AnswerService
from ingest.labels import official_link
from vectorstore.validation import QuestionError

log = logging.getLogger(__name__)

PLACEHOLDER = "Even zoeken in de stukken…"
FAILED = "Er ging iets mis bij het zoeken in de stukken. Probeer het later opnieuw."
_MENTION = re.compile(r"<@[A-Z0-9]+>")
_SECTION_LIMIT = 2900  # Slack allows 3000 characters in a section text
_CONTEXT_LIMIT = 1900  # and 2000 in a context element
_QUOTE_CHARS = 220
_MAX_BLOCKS = 50
_REMEMBERED = 2000  # event ids, threads and answers kept in memory
_RATINGS = {"+1": 1, "thumbsup": 1, "-1": -1, "thumbsdown": -1}


class SlackConfigError(RuntimeError):
    """Slack settings are missing; the message names the variables."""


def _escape(text: str) -> str:
    """Slack mrkdwn needs &, < and > escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _split(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters, cut at sentence or word boundaries."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = max(text.rfind(". ", 0, limit) + 1, text.rfind(" ", 0, limit))
        cut = cut if cut > 0 else limit
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    return pieces + ([text] if text else [])


def answer_blocks(answer: Answer) -> list[dict[str, Any]]:
    """Block Kit: the answer in sections, then a context block per citation."""
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": _escape(part)}}
        for part in _split(answer.answer, _SECTION_LIMIT)
    ]
    for citation in answer.citations:
        quote = (
            citation.quote
            if len(citation.quote) <= _QUOTE_CHARS
            else citation.quote[:_QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
        )
        text = f"*[{citation.n}] {_escape(citation.reference)}* — “{_escape(quote)}”"
        if link := official_link(citation.kamerstuk):
            text += f" <{link}|officiële publicatie>"
        blocks.append(
            {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:_CONTEXT_LIMIT]}]}
        )
    return blocks[:_MAX_BLOCKS]


class _Bounded(OrderedDict[Any, Any]):
    def remember(self, key: Any, value: Any) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > _REMEMBERED:
            self.popitem(last=False)


class SlackBot:
    def __init__(self, service: AnswerService, settings: Settings) -> None:
        if settings.slack_bot_token is None or settings.slack_signing_secret is None:
            raise SlackConfigError("zet SLACK_BOT_TOKEN en SLACK_SIGNING_SECRET (zie README)")
        self.service = service
        self.feedback = FeedbackStore(settings)
        token = settings.slack_bot_token.get_secret_value()
        self.app = App(
            token=token,
            signing_secret=settings.slack_signing_secret.get_secret_value(),
            client=WebClient(token=token, base_url=settings.slack_api_url),
            token_verification_enabled=False,  # no call to Slack at start-up
            logger=log,
        )
        self._lock = threading.Lock()
        self._seen: _Bounded = _Bounded()  # event ids already handled
        self._threads: _Bounded = _Bounded()  # (channel, thread ts) -> list[Turn]
        self._answers: _Bounded = _Bounded()  # (channel, message ts) -> Answer
        self._register()

    # -- answering ------------------------------------------------------------------------
    def _answer(self, question: str, history: list[Turn]) -> Answer | str:
        """The answer, or a short Dutch message when it cannot be given."""
        try:
            return self.service.ask(question, history=history)
        except QuestionError as exc:
            return str(exc)
        except Exception:  # a bot must never show a stack trace in a channel
            log.exception("answering failed")
            return FAILED

    def _first_time(self, event_id: str | None) -> bool:
        with self._lock:
            if event_id and event_id in self._seen:
                return False
            if event_id:
                self._seen.remember(event_id, True)
            return True

    def answer_in_thread(
        self, client: WebClient, event: dict[str, Any], event_id: str | None
    ) -> None:
        if not self._first_time(event_id):
            return
        channel = event["channel"]
        thread = event.get("thread_ts") or event["ts"]
        question = _MENTION.sub("", event.get("text", "")).strip()
        placeholder = client.chat_postMessage(channel=channel, thread_ts=thread, text=PLACEHOLDER)
        with self._lock:
            history = list(self._threads.get((channel, thread), []))
        result = self._answer(question, history)
        if isinstance(result, str):
            client.chat_update(channel=channel, ts=placeholder["ts"], text=result, blocks=[])
            return
        client.chat_update(
            channel=channel, ts=placeholder["ts"], text=result.answer, blocks=answer_blocks(result)
        )
        with self._lock:
            self._threads.remember((channel, thread), [*history, Turn(question, result)])
            self._answers.remember((channel, placeholder["ts"]), result)

    # -- Slack listeners -------------------------------------------------------------------
    def _register(self) -> None:
        app = self.app

        @app.event("app_mention")
        def on_mention(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
            self.answer_in_thread(client, event, body.get("event_id"))

        @app.event("message")
        def on_message(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
            if event.get("bot_id") or event.get("subtype"):
                return  # the bot's own messages, edits, joins
            if event.get("channel_type") == "im":
                self.answer_in_thread(client, event, body.get("event_id"))
                return
            with self._lock:
                known = (event.get("channel"), event.get("thread_ts")) in self._threads
            if known and not _MENTION.search(event.get("text", "")):  # mentions: app_mention
                self.answer_in_thread(client, event, body.get("event_id"))

        @app.event("reaction_added")
        def on_reaction(event: dict[str, Any]) -> None:
            rating = _RATINGS.get(event.get("reaction", ""))
            item = event.get("item", {})
            with self._lock:
                answer = self._answers.get((item.get("channel"), item.get("ts")))
            if rating and answer is not None:
                self.feedback.record(answer, rating, f"Slack-reactie :{event['reaction']}:")

        @app.command("/uitvoering")
        def on_command(ack: Any, command: dict[str, Any], respond: Any) -> None:
            ack()
            question = command.get("text", "").strip()
            result = self._answer(question, [])
            if isinstance(result, str):
                respond(response_type="ephemeral", text=result)
                return
            button = {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": "post_in_channel",
                        "value": question[:2000],
                        "text": {"type": "plain_text", "text": "Plaats in kanaal"},
                    }
                ],
            }
            respond(
                response_type="ephemeral",
                text=result.answer,
                blocks=[*answer_blocks(result), button][:_MAX_BLOCKS],
            )

        @app.action("post_in_channel")
        def on_post(ack: Any, body: dict[str, Any], client: WebClient) -> None:
            ack()
            question = body["actions"][0]["value"]
            result = self._answer(question, [])
            text = result if isinstance(result, str) else result.answer
            blocks = [] if isinstance(result, str) else answer_blocks(result)
            client.chat_postMessage(channel=body["channel"]["id"], text=text, blocks=blocks)

    # -- HTTP --------------------------------------------------------------------------------
    def http_app(self) -> FastAPI:
        """The events endpoint (`/slack/events`) as an ASGI app for uvicorn."""
        handler = SlackRequestHandler(self.app)
        api = FastAPI(title="uitvoering-assistent Slack")

        @api.post("/slack/events")
        async def events(request: Request) -> Response:
            if request.headers.get("x-slack-retry-num"):
                # Slack redelivers when our ack was slow; the first delivery is being answered.
                return Response(status_code=200, headers={"x-slack-no-retry": "1"})
            return await handler.handle(request)

        return api
