"""The OpenAI-compatible chat model of LLM mode, through LangChain (`langchain-openai`).

One implementation of `assistant.answering.chat_model.ChatModel`: any endpoint that speaks the
OpenAI chat API (vLLM, Ollama, llama.cpp server, a gateway). The model only phrases the answer
from numbered passages; the LLM answerer guards and cites what it wrote.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from assistant.answering.answer_prompt import answer_prompt
from assistant.answering.chat_model import ChatModelError, NumberedPassage
from assistant.config import Settings
from assistant.plan import QuestionPlan
from assistant.prompts import load_prompt

log = logging.getLogger(__name__)


class LLMClient:
    """A `ChatModel` on an OpenAI-compatible endpoint; failures raise `ChatModelError` naming
    the endpoint."""

    def __init__(self, settings: Settings) -> None:
        from langchain_openai import ChatOpenAI

        if not settings.llm_base_url:
            raise ChatModelError("UITVOERING_ANSWER_MODE=llm vraagt om UITVOERING_LLM_BASE_URL")
        self.endpoint = settings.llm_base_url
        self.model = ChatOpenAI(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=settings.llm_api_key,
            temperature=settings.llm_temperature,
            max_tokens=settings.llm_max_tokens,
            timeout=settings.llm_timeout_s,
            max_retries=1,
        )

    def _messages(self, prompt: str) -> list[BaseMessage]:
        return [SystemMessage(load_prompt("system").template), HumanMessage(prompt)]

    def stream_answer(
        self, question: str, passages: Sequence[NumberedPassage], plan: QuestionPlan
    ) -> Iterator[str]:
        """Text pieces of the answer to `question` from (number, label, text) passages, grouped
        per document, with what the question's `plan` asks of the answer."""
        prompt = answer_prompt(question, passages, plan)
        try:
            for piece in self.model.stream(self._messages(prompt)):
                if isinstance(piece.content, str) and piece.content:
                    yield piece.content
        except Exception as exc:  # openai raises many transport and API error types
            raise ChatModelError(f"taalmodel op {self.endpoint} gaf een fout ({exc})") from exc

    def condense(self, question: str, history: Sequence[tuple[str, str]]) -> str:
        """A follow-up question rewritten as a standalone question."""
        conversation = "\n".join(f"Vraag: {q}\nAntwoord: {a}" for q, a in history)
        prompt = load_prompt("condense").format(history=conversation, question=question)
        try:
            reply = self.model.invoke(self._messages(prompt))
        except Exception as exc:
            raise ChatModelError(f"taalmodel op {self.endpoint} gaf een fout ({exc})") from exc
        standalone = str(reply.content).strip().splitlines()[0].strip() if reply.content else ""
        log.info("condensed %r to %r", question, standalone)
        return standalone or question
