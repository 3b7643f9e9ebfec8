"""The Gradio chat: streaming answers, a sources panel with the exact quotes, filters, sources tab.

Every answer comes from `AnswerService.ask_stream`; this module only lays it out. Conversation
memory lives per browser session in a `gr.State`. Nothing is loaded from outside 127.0.0.1:
analytics are off and no share link is made.
"""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Iterator
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr

from assistant.answer_models import Answer, Citation
from assistant.conversation import Turn
from assistant.feedback import FeedbackStore
from assistant.service import AnswerService
from ingest.labels import label_with_date, official_link
from vectorstore.filters import FilterError, SearchFilters, build_filters
from vectorstore.validation import QuestionError

log = logging.getLogger(__name__)

EXAMPLES = [
    "Wanneer is de kabinetsreactie op Werk aan Uitvoering verstuurd?",
    "Hoeveel ouders hebben de eerste compensatie van 30.000 euro ontvangen?",
    "Wat is de trialoog?",
    "Welke dilemma's noemen RvIG en Logius in Kamerstuk 29 362, nr. 318?",
]
_CONTEXT = 300  # characters of surrounding text shown around a quote


def _highlighted(citation: Citation, chunk_text: str) -> str:
    """The quote marked within its surrounding passage text (HTML-escaped)."""
    start = chunk_text.find(citation.quote)
    if start < 0:
        return f"<mark>{html.escape(citation.quote)}</mark>"
    end = start + len(citation.quote)
    before = chunk_text[max(0, start - _CONTEXT) : start]
    after = chunk_text[end : end + _CONTEXT]
    return (
        ("…" if start > _CONTEXT else "")
        + html.escape(before)
        + f"<mark>{html.escape(citation.quote)}</mark>"
        + html.escape(after)
        + ("…" if end + _CONTEXT < len(chunk_text) else "")
    )


def sources_html(answer: Answer, chunk_texts: dict[str, str], senders: dict[str, str]) -> str:
    """The sources panel: per citation label, title, date, sender, quote in context, link."""
    if not answer.citations:
        return "<p><em>Geen bronnen bij dit antwoord.</em></p>"
    parts = []
    for citation in answer.citations:
        link = official_link(citation.kamerstuk)
        title = html.escape(citation.title or "")
        sender = html.escape(senders.get(citation.source, ""))
        parts.append(
            f"<div class='bron' data-n='{citation.n}'>"
            f"<h4>[{citation.n}] {html.escape(citation.reference)}</h4>"
            + (f"<p>{title}</p>" if title else "")
            + (f"<p><small>Afzender: {sender}</small></p>" if sender else "")
            + f"<blockquote>{_highlighted(citation, chunk_texts.get(citation.chunk_id, ''))}"
            "</blockquote>"
            + (
                f"<p><a href='{link}' target='_blank' rel='noopener'>Officiële publicatie</a></p>"
                if link
                else ""
            )
            + f"<p><small>Bestand: {html.escape(citation.source)}</small></p></div>"
        )
    return "\n".join(parts)


def plain_text(answer: Answer) -> str:
    """The answer with its sources as plain text, to paste into a nota."""
    lines = [answer.answer, ""] if answer.citations else [answer.answer]
    lines += [f"[{c.n}] {c.reference}" for c in answer.citations]
    return "\n".join(lines).strip()


class ChatApp:
    def __init__(self, service: AnswerService) -> None:
        self.service = service
        self.feedback_store = FeedbackStore(service.settings)

    def _filters(
        self, dossier: str, kamerstuk: str, doc_type: str, date_from: str, date_to: str
    ) -> SearchFilters | None:
        return build_filters(
            {
                "dossier": dossier,
                "kamerstuk": kamerstuk,
                "doc_type": doc_type,
                "date_from": date_from,
                "date_to": date_to,
            }
        )

    def _documents(self) -> list[dict[str, Any]]:
        return self.service.documents()

    def respond(
        self,
        message: str,
        chat: list[dict[str, str]],
        turns: list[Turn],
        dossier: str,
        kamerstuk: str,
        doc_type: str,
        date_from: str,
        date_to: str,
    ) -> Iterator[tuple[list[dict[str, str]], str, list[Turn], str, str]]:
        """Stream one answer into the chat; then fill the sources panel."""
        chat = list(chat or [])
        question = (message or "").strip()
        chat += [
            {"role": "user", "content": question or "(lege vraag)"},
            {"role": "assistant", "content": ""},
        ]
        answer: Answer | None = None
        try:
            filters = self._filters(dossier, kamerstuk, doc_type, date_from, date_to)
            for event in self.service.ask_stream(question, history=turns, filters=filters):
                if isinstance(event, Answer):
                    answer = event
                else:
                    chat[-1]["content"] += event
                    yield chat, gr.skip(), turns, "", gr.skip()
        except FilterError as exc:
            chat[-1]["content"] = f"Het filter klopt niet: {exc}"
        except QuestionError as exc:
            chat[-1]["content"] = str(exc)
        if answer is None:
            yield chat, "", turns, message, ""
            return
        chat[-1]["content"] = answer.answer
        texts = self.service.passage_texts([c.chunk_id for c in answer.citations])
        senders = {str(d["source"]): str(d.get("sender") or "") for d in self._documents()}
        turns = [*turns, Turn(question, answer)]
        yield chat, sources_html(answer, texts, senders), turns, "", plain_text(answer)

    def feedback(self, like: gr.LikeData, turns: list[Turn], comment: str) -> tuple[str, str]:
        """Store a thumb on an answer (with the comment box's text); returns a status line."""
        index = like.index[0] if isinstance(like.index, list | tuple) else like.index
        turn_number = int(index) // 2  # the chat alternates question, answer
        if not turns or turn_number >= len(turns):
            return "Er is nog geen antwoord om te beoordelen.", comment
        rating = 1 if like.liked else -1
        self.feedback_store.record(turns[turn_number].answer, rating, comment or "")
        return (
            "Bedankt voor uw beoordeling."
            if rating > 0
            else "Bedankt; we gebruiken dit om de antwoorden te verbeteren."
        ), ""

    def api_ask(self, question: str) -> dict[str, object]:
        """For scripts (gradio_client): the `ask --json` object for one question; a question
        that cannot be asked comes back as an error with the Dutch reason."""
        try:
            return self.service.ask(question).to_dict()
        except QuestionError as exc:
            raise gr.Error(str(exc)) from exc

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
            for d in self._documents()
        ]

    def build(self) -> gr.Blocks:
        documents = self._documents()
        dossiers = sorted({str(d["dossier"]) for d in documents if d.get("dossier")})
        kamerstukken = sorted({str(d["kamerstuk"]) for d in documents if d.get("kamerstuk")})
        doc_types = sorted({str(d["doc_type"]) for d in documents if d.get("doc_type")})
        with gr.Blocks(title="uitvoering-assistent") as app:
            gr.Markdown(
                "## uitvoering-assistent\nStel een vraag over de Kamerstukken over de "
                "uitvoering. Elk antwoord verwijst naar de stukken."
            )
            turns = gr.State([])
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
                    sources = gr.HTML("<p><em>Stel een vraag.</em></p>", elem_id="bronnen")
            with gr.Tab("Bronnen"):
                gr.Dataframe(
                    value=self.documents_table(),
                    headers=["Stuk", "Titel", "Type", "Afzender", "Verwijst naar", "Bestand"],
                    interactive=False,
                )
            inputs = [question, chat, turns, dossier, kamerstuk, doc_type, date_from, date_to]
            outputs = [chat, sources, turns, question, copy]
            send.click(self.respond, inputs, outputs, api_name=False)
            question.submit(self.respond, inputs, outputs, api_name=False)
            clear.click(
                lambda: ([], "<p><em>Stel een vraag.</em></p>", [], ""),
                None,
                [chat, sources, turns, copy],
                api_name=False,
            )
            chat.like(self.feedback, [turns, comment], [status, comment], api_name=False)
            gr.api(self.api_ask, api_name="vraag")
        return app
