"""The Gradio chat: streaming answers, a sources panel with the exact quotes, filters, sources tab.

A thin adapter over `ChannelService`: every answer comes from its `ask_stream`, and this module
only lays it out. Each browser session holds a conversation id in a `gr.State`; the turns live in
the channel layer's conversation store. Nothing is loaded from outside 127.0.0.1: analytics are
off and no share link is made.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterator

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr

from assistant.channels.citations_html import sources_html
from assistant.channels.citations_text import plain_text
from assistant.channels.direct_answer import chat_markdown
from assistant.channels.service import ChannelService, Reply
from ingest.labels import label_with_date

log = logging.getLogger(__name__)

EXAMPLES = [
    "Wanneer is de kabinetsreactie op Werk aan Uitvoering verstuurd?",
    "Hoeveel ouders hebben de eerste compensatie van 30.000 euro ontvangen?",
    "Wat is de trialoog?",
    "Welke dilemma's noemen RvIG en Logius in Kamerstuk 29 362, nr. 318?",
]
_ASK_FIRST = "<p><em>Stel een vraag.</em></p>"
ChatUpdate = tuple[list[dict[str, str]], str, str, str, str, list[int]]


class ChatApp:
    def __init__(self, channel: ChannelService, users: list[tuple[str, str]] | None = None) -> None:
        self.channel = channel
        self.users = users  # basic auth (name, password); None: open

    def respond(
        self,
        message: str,
        chat: list[dict[str, str]],
        session: str | None,
        dossier: str,
        kamerstuk: str,
        doc_type: str,
        date_from: str,
        date_to: str,
        answered: list[int] | None = None,
    ) -> Iterator[ChatUpdate]:
        """Stream one answer into the chat; then show it with its direct answer set apart (bold,
        first) and fill the sources panel. Yields the chat, the panel, the session's conversation
        id, the question box, the copy text and the positions in the chat of the answers that
        became turns (a question that failed is no turn)."""
        chat = list(chat or [])
        answered = list(answered or [])
        session = session or uuid.uuid4().hex
        question = (message or "").strip()
        chat += [
            {"role": "user", "content": question or "(lege vraag)"},
            {"role": "assistant", "content": ""},
        ]
        filters = {
            "dossier": dossier,
            "kamerstuk": kamerstuk,
            "doc_type": doc_type,
            "date_from": date_from,
            "date_to": date_to,
        }
        reply = Reply("")
        for event in self.channel.ask_stream(question, session, filters):
            if isinstance(event, Reply):
                reply = event
            else:
                chat[-1]["content"] += event
                yield chat, gr.skip(), session, "", gr.skip(), answered
        if reply.answer is None:
            chat[-1]["content"] = reply.text
            yield chat, "", session, message, "", answered
            return
        answer = reply.answer
        chat[-1]["content"] = chat_markdown(answer)  # the streamed text, direct answer in bold
        answered.append(len(chat) - 1)
        panel = sources_html(answer, self.channel.cited_passages(answer), self.channel.senders())
        yield chat, panel, session, "", plain_text(answer), answered

    def new_conversation(self, session: str | None) -> tuple[list[str], str, None, str, list[int]]:
        """'Nieuw gesprek': an empty chat, and the old conversation forgotten."""
        if session:
            self.channel.forget(session)
        return [], _ASK_FIRST, None, "", []

    def feedback(
        self,
        like: gr.LikeData,
        session: str | None,
        comment: str,
        answered: list[int] | None = None,
    ) -> tuple[str, str]:
        """Store a thumb on an answer (with the comment box's text); returns a status line.
        `answered` maps the liked chat message to its turn: error messages are no turns."""
        index = int(like.index[0] if isinstance(like.index, list | tuple) else like.index)
        answered = answered or []
        turn = (
            self.channel.turn(session, answered.index(index))
            if session and index in answered
            else None
        )
        if turn is None:
            return "Er is nog geen antwoord om te beoordelen.", comment
        rating = 1 if like.liked else -1
        self.channel.rate(turn.answer, rating, comment or "")
        return (
            "Bedankt voor uw beoordeling."
            if rating > 0
            else "Bedankt; we gebruiken dit om de antwoorden te verbeteren."
        ), ""

    def api_ask(self, question: str) -> dict[str, object]:
        """For scripts (gradio_client): the `ask --json` object for one question; a question
        that cannot be asked comes back as an error with the Dutch reason."""
        reply = self.channel.ask(question)
        if reply.answer is None:
            raise gr.Error(reply.text)
        return reply.answer.to_dict()

    def documents_table(self) -> list[list[str]]:
        return [
            [
                label_with_date(d),
                str(d.get("title") or ""),
                str(d.get("doc_type") or ""),
                str(d.get("sender") or ""),
                ", ".join(d.get("references") or []),
                str(d["source"]),
            ]
            for d in self.channel.documents()
        ]

    def serve(self, host: str, port: int) -> None:
        """Run the chat on host:port until stopped (Ctrl+C)."""
        self.build().launch(
            server_name=host,
            server_port=port,
            auth=self.users,
            share=False,
            inbrowser=False,
            footer_links=[],
        )

    def build(self) -> gr.Blocks:
        documents = self.channel.documents()
        dossiers = sorted({str(d["dossier"]) for d in documents if d.get("dossier")})
        kamerstukken = sorted({str(d["kamerstuk"]) for d in documents if d.get("kamerstuk")})
        doc_types = sorted({str(d["doc_type"]) for d in documents if d.get("doc_type")})
        with gr.Blocks(title="uitvoering-assistent") as app:
            gr.Markdown(
                "## uitvoering-assistent\nStel een vraag over de Kamerstukken over de "
                "uitvoering. Elk antwoord verwijst naar de stukken."
            )
            session = gr.State(None)  # the conversation id
            answered = gr.State([])  # chat positions of the answers that are turns
            with gr.Tab("Vragen"), gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(
                        label="Gesprek",
                        height=480,
                        elem_id="gesprek",
                        buttons=["copy", "copy_all"],
                    )  # no "share"
                    question = gr.Textbox(
                        label="Uw vraag",
                        placeholder="Bijv. Wat is de trialoog?",
                        elem_id="vraag",
                    )
                    with gr.Row():
                        send = gr.Button("Vraag", variant="primary", elem_id="verstuur")
                        clear = gr.Button("Nieuw gesprek")
                    gr.Examples(EXAMPLES, inputs=question, label="Voorbeeldvragen")
                    comment = gr.Textbox(
                        label="Opmerking bij uw beoordeling (optioneel, "
                        "daarna duim omhoog of omlaag bij het antwoord)",
                        elem_id="opmerking",
                    )
                    status = gr.Markdown(elem_id="status")
                    copy = gr.Textbox(
                        label="Antwoord met bronnen (om te kopiëren)",
                        lines=4,
                        buttons=["copy"],
                        elem_id="kopie",
                    )
                    with gr.Accordion("Filters", open=False):
                        dossier = gr.Dropdown([""] + dossiers, value="", label="Dossier")
                        kamerstuk = gr.Dropdown([""] + kamerstukken, value="", label="Kamerstuk")
                        doc_type = gr.Dropdown([""] + doc_types, value="", label="Documenttype")
                        date_from = gr.Textbox(label="Datum vanaf (JJJJ-MM-DD)")
                        date_to = gr.Textbox(label="Datum tot en met (JJJJ-MM-DD)")
                with gr.Column(scale=2):
                    gr.Markdown("### Bronnen bij het antwoord")
                    sources = gr.HTML(_ASK_FIRST, elem_id="bronnen")
            with gr.Tab("Bronnen"):
                gr.Dataframe(
                    value=self.documents_table(),
                    headers=["Stuk", "Titel", "Type", "Afzender", "Verwijst naar", "Bestand"],
                    interactive=False,
                )
            inputs = [
                *[question, chat, session, dossier, kamerstuk, doc_type, date_from, date_to],
                answered,
            ]
            outputs = [chat, sources, session, question, copy, answered]
            send.click(self.respond, inputs, outputs, api_name=False)
            question.submit(self.respond, inputs, outputs, api_name=False)
            clear.click(
                self.new_conversation,
                [session],
                [chat, sources, session, copy, answered],
                api_name=False,
            )
            chat.like(
                self.feedback, [session, comment, answered], [status, comment], api_name=False
            )
            gr.api(self.api_ask, api_name="vraag")
        return app
