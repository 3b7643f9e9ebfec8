"""The Slack bot: questions in channel threads, DMs and `/uitvoering`, answered by the same service.

slack-bolt does the Slack protocol (signature and timestamp verification, url_verification, acks
within 3 seconds); answering happens after the ack, in a placeholder message ("Even zoeken…")
that is updated in place. Slack's retries (`X-Slack-Retry-Num`) and duplicate event ids never
produce a second answer. A thin adapter over `ChannelService`: conversation memory is per thread
(the conversation id is (channel, thread ts)), in this process.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

from fastapi import FastAPI, Request, Response
from slack_bolt import App
from slack_bolt.adapter.fastapi import SlackRequestHandler
from slack_sdk import WebClient

from assistant.answer_models import Answer
from assistant.channels.bounded import LRUDict
from assistant.channels.citations_slack import MAX_BLOCKS, answer_blocks
from assistant.channels.service import ChannelService, Reply
from assistant.config import Settings

log = logging.getLogger(__name__)

PLACEHOLDER = "Even zoeken in de stukken…"
_MENTION = re.compile(r"<@[A-Z0-9]+>")
_REMEMBERED = 2000  # event ids and answers kept in memory
_RATINGS = {"+1": 1, "thumbsup": 1, "-1": -1, "thumbsdown": -1}


class SlackConfigError(RuntimeError):
    """Slack settings are missing; the message names the variables."""


def _blocks(reply: Reply) -> list[dict[str, Any]]:
    """The answer with its citations as Block Kit; none for a message without an answer."""
    return [] if reply.answer is None else answer_blocks(reply.answer)


class SlackBot:
    def __init__(self, channel: ChannelService, settings: Settings) -> None:
        if settings.slack_bot_token is None or settings.slack_signing_secret is None:
            raise SlackConfigError("zet SLACK_BOT_TOKEN en SLACK_SIGNING_SECRET (zie README)")
        self.channel = channel
        token = settings.slack_bot_token.get_secret_value()
        self.app = App(
            token=token,
            signing_secret=settings.slack_signing_secret.get_secret_value(),
            client=WebClient(token=token, base_url=settings.slack_api_url),
            token_verification_enabled=False,  # no call to Slack at start-up
            logger=log,
        )
        self._lock = threading.Lock()
        self._seen: LRUDict[bool] = LRUDict(_REMEMBERED)  # event ids already handled
        self._answers: LRUDict[Answer] = LRUDict(_REMEMBERED)  # (channel, message ts) -> Answer
        self._register()

    # -- answering ------------------------------------------------------------------------
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
        reply = self.channel.ask(question, conversation_id=(channel, thread))
        client.chat_update(
            channel=channel, ts=placeholder["ts"], text=reply.text, blocks=_blocks(reply)
        )
        if reply.answer is not None:
            with self._lock:
                self._answers.remember((channel, placeholder["ts"]), reply.answer)

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
            known = self.channel.knows((event.get("channel"), event.get("thread_ts")))
            if known and not _MENTION.search(event.get("text", "")):  # mentions: app_mention
                self.answer_in_thread(client, event, body.get("event_id"))

        @app.event("reaction_added")
        def on_reaction(event: dict[str, Any]) -> None:
            rating = _RATINGS.get(event.get("reaction", ""))
            item = event.get("item", {})
            with self._lock:
                answer = self._answers.get((item.get("channel"), item.get("ts")))
            if rating and answer is not None:
                self.channel.rate(answer, rating, f"Slack-reactie :{event['reaction']}:")

        @app.command("/uitvoering")
        def on_command(ack: Any, command: dict[str, Any], respond: Any) -> None:
            ack()
            question = command.get("text", "").strip()
            reply = self.channel.ask(question)
            if reply.answer is None:
                respond(response_type="ephemeral", text=reply.text)
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
                text=reply.text,
                blocks=[*answer_blocks(reply.answer), button][:MAX_BLOCKS],
            )

        @app.action("post_in_channel")
        def on_post(ack: Any, body: dict[str, Any], client: WebClient) -> None:
            ack()
            question = body["actions"][0]["value"]
            reply = self.channel.ask(question)
            client.chat_postMessage(
                channel=body["channel"]["id"], text=reply.text, blocks=_blocks(reply)
            )

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

    def serve(self, host: str, port: int) -> None:
        """Run the events endpoint on host:port until stopped (Ctrl+C)."""
        import uvicorn

        uvicorn.run(self.http_app(), host=host, port=port, log_level="warning")

    def serve_socket_mode(self, app_token: str) -> None:
        """Connect to Slack over Socket Mode instead of an HTTP endpoint."""
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        SocketModeHandler(self.app, app_token).start()
