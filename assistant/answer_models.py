"""The answer shapes every front end shows; `to_dict` is the `ask --json` contract."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ingest.dates import format_dutch_date


@dataclass(frozen=True)
class Citation:
    n: int
    label: str
    kamerstuk: str | None
    source: str
    title: str | None
    date: str | None
    quote: str
    chunk_id: str

    @property
    def reference(self) -> str:
        """'Kamerstuk 29 362, nr. 290, 5 maart 2021': label plus the document date when known."""
        date = format_dutch_date(self.date)
        return f"{self.label}, {date}" if date else self.label


@dataclass
class Answer:
    question: str
    answer: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    # How the question was read, e.g. a mistyped Kamerstuk number taken as a stored one.
    notes: list[str] = field(default_factory=list)
    mode: str = "extractive"  # or "llm"
    # The asked fact on its own, with its [n] ("Ongeveer 18.000 ouders [1]."), when the question
    # asks for a typed fact (a number, date, name, Kamerstuk …) and the cited sentence states it.
    # `answer` then starts with it, followed by the supporting quote(s).
    direct_answer: str | None = None
    # How the question was read (`assistant.plan.QuestionPlan.to_dict`): the asked type ("number",
    # "date", "person", "document", … or "other"), its focus terms, constraints, sub-questions.
    plan: dict[str, object] | None = None
    # Sentences the citation guard kept from the user, with the reason.
    guard_removed: list[str] = field(default_factory=list)
    # Ids of the passages the search returned for the question, best first (for evals; not in
    # the JSON contract).
    retrieved: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        del data["retrieved"]
        return data
