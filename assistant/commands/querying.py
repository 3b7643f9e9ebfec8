"""`uitvoering search` and `ask` (one question, or `--batch` lines); `--json` is the contract."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from assistant import app
from assistant.commands.common import (
    Subparsers,
    UsageError,
    add_filter_arguments,
    filters_from_args,
    print_json,
)
from assistant.config import Settings
from ingest.labels import label_with_date
from vectorstore.chunk_metadata import document_from_metadata
from vectorstore.filters import FilterError, SearchFilters, build_filters
from vectorstore.validation import QuestionError


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    searcher = app.build_searcher(settings)
    hits = searcher.search(args.query, k=args.k, filters=filters_from_args(args))
    rows = [
        {
            "chunk_id": h.chunk_id,
            "doc_id": h.metadata.get("doc_id"),
            "source": h.metadata.get("source"),
            "kamerstuk": h.metadata.get("kamerstuk") or None,
            "score": round(h.score, 6),
            "text": h.text,
            "dense_score": None if h.dense_score is None else round(h.dense_score, 4),
            "lexical_score": None if h.lexical_score is None else round(h.lexical_score, 4),
        }
        for h in hits
    ]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("Geen passages gevonden.")
    for rank, (row, hit) in enumerate(zip(rows, hits, strict=True), start=1):
        label = label_with_date(document_from_metadata(hit.metadata))
        print(f"{rank}. {label} (score {row['score']:.4f})")
        print("   " + " ".join(str(row["text"]).split())[:400])
    return 0


def _read_batch(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"{path}: kan batchbestand niet lezen ({exc.strerror})") from exc
    items: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            items.append(
                {"id": None, "error": f"{path.name} regel {number}: ongeldige JSON ({exc.msg})"}
            )
            continue
        if not isinstance(item, dict) or not isinstance(item.get("question"), str):
            items.append(
                {
                    "id": item.get("id") if isinstance(item, dict) else None,
                    "error": f"{path.name} regel {number}: veld 'question' (tekst) ontbreekt",
                }
            )
            continue
        items.append(item)
    return items


def _batch_filters(item: dict[str, Any], defaults: SearchFilters | None) -> SearchFilters | None:
    """A batch line may carry its own "filters" object; otherwise the command-line filters."""
    own = item.get("filters")
    if own is None:
        return defaults
    if not isinstance(own, dict):
        raise FilterError('filters: verwacht een object, bijvoorbeeld {"dossier": "29362"}')
    return build_filters(own)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    service = app.build_service(settings)
    filters = filters_from_args(args)
    if args.batch:
        status = 0
        for item in _read_batch(Path(args.batch)):
            if "error" not in item:
                try:
                    answer = service.ask(item["question"], filters=_batch_filters(item, filters))
                    item = {"id": item.get("id"), **answer.to_dict()}
                except (FilterError, QuestionError) as exc:
                    item = {"id": item.get("id"), "error": str(exc)}
            result: dict[str, Any] = item
            if "error" in item:
                status = 1
            if args.json:
                print_json(result)
            else:
                print(f"## {result.get('id')}: {result.get('question', '')}")
                print(result.get("answer", result.get("error")))
                print()
        return status
    if not args.question:
        raise UsageError("geef een vraag mee, of --batch BESTAND.jsonl")
    answer = service.ask(" ".join(args.question), filters=filters)
    if args.json:
        print_json(answer.to_dict())
    else:
        print(answer.answer)
    return 0


def add_search_parser(sub: Subparsers) -> None:
    search = sub.add_parser("search", help="passages zoeken")
    search.add_argument("query")
    search.add_argument("-k", type=int, default=5)
    search.add_argument("--json", action="store_true")
    add_filter_arguments(search)
    search.set_defaults(handler=cmd_search)


def add_ask_parser(sub: Subparsers) -> None:
    ask = sub.add_parser("ask", help="een vraag stellen")
    ask.add_argument("question", nargs="*")
    ask.add_argument("--json", action="store_true")
    ask.add_argument(
        "--batch", metavar="FILE.jsonl", help="regels met 'id', 'question' en eventueel 'filters'"
    )
    add_filter_arguments(ask)
    ask.set_defaults(handler=cmd_ask)
