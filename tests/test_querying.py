"""`ask --json`, single and `--batch`: every field of the answer, the direct answer and the plan
included, exactly as the service gave it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import app
from assistant.answer_models import Answer, Citation
from assistant.cli import main

pytestmark = pytest.mark.unit

QUOTE = (
    "Tot dusver hebben ongeveer 18.000 ouders deze eerste compensatie van 30.000 euro ontvangen."
)
PLAN = {
    "asks": "number",
    "focus": ["ouders", "eerste compensatie"],
    "constraints": {},
    "sub_questions": [],
}


class _Service:
    def ask(self, question: str, filters: object = None) -> Answer:
        citation = Citation(
            1, "Kamerstuk 31 066, nr. 800", "31066-800", "a.txt", None, None, QUOTE, "c"
        )
        return Answer(
            question,
            f"Ongeveer 18.000 ouders [1]. {QUOTE} [1]",
            False,
            [citation],
            direct_answer="Ongeveer 18.000 ouders [1].",
            plan=PLAN,
            retrieved=["c", "d"],
        )


@pytest.fixture(autouse=True)
def scripted_service(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app, "build_service", lambda settings: _Service())


def test_ask_json_carries_the_direct_answer_and_the_plan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    question = "Hoeveel ouders kregen de eerste compensatie?"
    capsys.readouterr()
    assert main(["ask", "--json", question]) == 0
    single = json.loads(capsys.readouterr().out)
    assert single["direct_answer"] == "Ongeveer 18.000 ouders [1]."
    assert single["plan"] == PLAN and "retrieved" not in single  # evals only
    assert single["answer"].startswith(single["direct_answer"])
    batch = tmp_path / "vragen.jsonl"
    batch.write_text(json.dumps({"id": "q1", "question": question}) + "\n", encoding="utf-8")
    assert main(["ask", "--json", "--batch", str(batch)]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line == {"id": "q1", **single}


def test_plain_ask_prints_the_answer_led_by_its_direct_answer(
    capsys: pytest.CaptureFixture[str],
) -> None:
    capsys.readouterr()
    assert main(["ask", "Hoeveel ouders kregen de eerste compensatie?"]) == 0
    assert capsys.readouterr().out.startswith("Ongeveer 18.000 ouders [1]. Tot dusver")
