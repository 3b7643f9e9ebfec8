"""Feedback on answers (thumbs up/down with an optional comment), kept in a local SQLite file.

Each row stores the question, the answer with its citations, and the settings that produced it,
so `uitvoering feedback export` can turn it into eval cases.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from assistant.answer_models import Answer
from assistant.config import Settings

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,          -- the answer object as JSON (ask --json)
    rating INTEGER NOT NULL,       -- +1 or -1
    comment TEXT NOT NULL DEFAULT '',
    settings TEXT NOT NULL         -- what produced the answer, as JSON
)
"""
# The settings that decide an answer (no secrets, no paths).
_ANSWER_SETTINGS = (
    "answer_mode",
    "llm_model",
    "embedding_backend",
    "embedding_model",
    "top_k",
    "fusion_lexical_weight",
    "fusion_dense_weight",
    "fusion_rank_constant",
    "min_relevance",
    "max_unknown_fraction",
    "answer_sentences",
)


class FeedbackStore:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.path: Path = settings.data_dir / "feedback.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path)) as db, db:
            db.execute(_SCHEMA)

    def record(self, answer: Answer, rating: int, comment: str = "") -> int:
        """Store one judgement; returns its id."""
        if rating not in (1, -1):
            raise ValueError(f"rating: {rating} (verwacht 1 of -1)")
        used = {key: getattr(self.settings, key) for key in _ANSWER_SETTINGS}
        with closing(sqlite3.connect(self.path)) as db, db:
            cursor = db.execute(
                "INSERT INTO feedback (created, question, answer, rating, comment, settings) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    answer.question,
                    json.dumps(answer.to_dict(), ensure_ascii=False),
                    rating,
                    comment.strip(),
                    json.dumps(used, ensure_ascii=False, default=str),
                ),
            )
            return int(cursor.lastrowid or 0)

    def rows(self) -> Iterator[dict[str, object]]:
        """Every judgement, oldest first, as the JSON objects `feedback export` writes."""
        with closing(sqlite3.connect(self.path)) as db:
            db.row_factory = sqlite3.Row
            for row in db.execute("SELECT * FROM feedback ORDER BY id"):
                yield {
                    "id": row["id"],
                    "created": row["created"],
                    "question": row["question"],
                    "rating": row["rating"],
                    "comment": row["comment"],
                    "answer": json.loads(row["answer"]),
                    "settings": json.loads(row["settings"]),
                }
