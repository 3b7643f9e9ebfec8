"""The terminal chat: a question loop with memory, sources and Dutch messages."""

from __future__ import annotations

import pytest

from assistant.answer_models import Answer, Citation
from assistant.app import build_service
from assistant.channels.service import ChannelService, Reply
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


class _OneAnswer:
    """Answers every question with one given answer, as `ChannelService.ask` does."""

    def __init__(self, answer: Answer) -> None:
        self.answer = answer

    def ask(self, question: str, conversation_id: object = None) -> Reply:
        return Reply(self.answer.answer, self.answer)


@pytest.mark.unit
def test_a_direct_answer_is_printed_first_on_its_own_and_bold_on_a_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    quote = "Den Haag, 5 maart 2021"
    citation = Citation(
        1, "Kamerstuk 29 362, nr. 290", "29362-290", "003.txt", None, None, quote, "c"
    )
    direct = "Op 5 maart 2021 [1]."
    answer = Answer("Wanneer?", f"{direct} {quote} [1]", False, [citation], direct_answer=direct)
    for bold, shown in ((False, direct), (True, f"\033[1m{direct}\033[0m")):
        questions = iter(["Wanneer is de brief verstuurd?", "stop"])
        run_terminal_chat(_OneAnswer(answer), read=lambda _, q=questions: next(q), bold=bold)
        out = capsys.readouterr().out
        assert f"\n{shown}\n\n{quote} [1]\n\nBronnen:\n  [1] Kamerstuk 29 362, nr. 290" in out
