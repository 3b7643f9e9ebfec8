"""A scripted OpenAI-compatible chat server on 127.0.0.1 for testing LLM mode over real HTTP.

The test decides per question what the "model" answers: a function of the question and the
numbered passages in the prompt. Every request body is recorded. Streaming uses server-sent
events exactly like the OpenAI API (`data: {chunk}` lines, then `data: [DONE]`).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse

from tests.servers import LoopbackServer

Reply = Callable[[str, dict[int, str]], str]  # (question, passages by number) -> answer text


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[a-z][.!?])\s+", text.strip(), maxsplit=1)[0].rstrip(".")


_DOCUMENT = re.compile(r"^Document ([A-Z]+): (.+)$", re.MULTILINE)
_PASSAGE = re.compile(
    r"^\[(\d+)\] (.*?)(?=\n\n(?:\[\d+\] |Document [A-Z]+: )|\n</passages>)",
    re.MULTILINE | re.DOTALL,
)


def _parse_prompt(prompt: str) -> tuple[str, dict[int, str]]:
    question = re.search(r"^Vraag: (.+)$", prompt, re.MULTILINE)
    passages = {int(m.group(1)): m.group(2) for m in _PASSAGE.finditer(prompt)}
    return (question.group(1).strip() if question else ""), passages


def prompt_documents(prompt: str) -> dict[str, list[int]]:
    """The documents of an answer prompt (by their heading's label) with their passage numbers."""
    headings = list(_DOCUMENT.finditer(prompt))
    documents: dict[str, list[int]] = {}
    for index, heading in enumerate(headings):
        end = (
            headings[index + 1].start() if index + 1 < len(headings) else prompt.find("</passages>")
        )
        block = prompt[heading.end() : end]
        documents[heading.group(2)] = [int(n) for n in re.findall(r"^\[(\d+)\] ", block, re.M)]
    return documents


@dataclass
class FakeLLM:
    replies: dict[str, Reply] = field(default_factory=dict)  # question -> reply
    condensed: dict[str, str] = field(default_factory=dict)  # follow-up -> standalone question
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""

    def default(self, question: str, passages: dict[int, str]) -> str:
        return f"{first_sentence(passages[1])} [1]."

    def respond(self, body: dict[str, Any]) -> str:
        prompt = str(body["messages"][-1]["content"])
        if "Vervolgvraag:" in prompt:
            follow_up = re.search(r"^Vervolgvraag: (.+)$", prompt, re.MULTILINE)
            return self.condensed.get(follow_up.group(1).strip() if follow_up else "", "")
        question, passages = _parse_prompt(prompt)
        return self.replies.get(question, self.default)(question, passages)


def _pieces(text: str, size: int = 7) -> Iterator[str]:
    for start in range(0, len(text), size):
        yield text[start : start + size]


def _app(fake: FakeLLM) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/completions")
    async def completions(request: Request) -> Any:
        body = await request.json()
        fake.requests.append(body)
        text = fake.respond(body)
        base = {"id": "chatcmpl-test", "created": int(time.time()), "model": body["model"]}
        if not body.get("stream"):
            return JSONResponse(
                {
                    **base,
                    "object": "chat.completion",
                    "choices": [
                        {
                            "index": 0,
                            "finish_reason": "stop",
                            "message": {"role": "assistant", "content": text},
                        }
                    ],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
            )

        def events() -> Iterator[str]:
            for piece in _pieces(text):
                chunk = {
                    **base,
                    "object": "chat.completion.chunk",
                    "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
                }
                yield f"data: {json.dumps(chunk)}\n\n"
            done = {
                **base,
                "object": "chat.completion.chunk",
                "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
            }
            yield f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return app


class FakeLLMServer(LoopbackServer):
    """Runs a FakeLLM on a loopback port; use as a context manager."""

    def __init__(self, fake: FakeLLM) -> None:
        super().__init__(_app(fake))
        fake.url = f"{self.url}/v1"
