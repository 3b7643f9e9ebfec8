"""The terminal chat: a question loop with memory, sources and Dutch messages."""

from __future__ import annotations

import pytest

from assistant.app import build_service
from assistant.channels.service import ChannelService
from assistant.config import Settings
from assistant.terminal_chat import run_terminal_chat

pytestmark = pytest.mark.integration


def test_answers_follow_ups_sources_and_bad_questions(
    corpus_env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = iter(
        [
            "Wat is de trialoog volgens Kamerstuk 29 362, nr. 290?",
            "En wanneer was dat?",
            "Wat is\x07 maatwerk?",
            "Wat is het recept voor appeltaart?",
            "stop",
            "nooit gesteld",
        ]
    )
    channel = ChannelService(build_service(corpus_env))
    assert run_terminal_chat(channel, read=lambda prompt: next(questions)) == 0
    out = capsys.readouterr().out
    assert (
        "\nKamerstuk 29 362, nr. 290 is van 5 maart 2021 [1].\n\nBronnen:\n"
        "  [1] Kamerstuk 29 362, nr. 290, 5 maart 2021 (003_e0f1918e4edf2938.txt)\n" in out
    )
    assert "\nDe vraag bevat stuurtekens" in out  # shown, and the loop goes on
    assert out.rstrip().split("\n")[-1].startswith("Dat staat niet in de stukken")
    assert out.count("Bronnen:") == 2  # not under the bad question nor the refusal
    assert next(questions) == "nooit gesteld"


def test_end_of_input_stops(corpus_env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    def closed(prompt: str) -> str:
        raise EOFError

    assert run_terminal_chat(ChannelService(build_service(corpus_env)), read=closed) == 0
    assert capsys.readouterr().out.startswith("uitvoering-assistent: stel een vraag")
