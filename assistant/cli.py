"""`uitvoering` command line: ingest, sources, search, ask, eval, chat, remove, reset.

The `--json` outputs are a public contract (see README): fields are only ever added.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assistant import app
from assistant.config import BUNDLED_CORPUS, Settings, get_settings
from assistant.service import AnswerService
from ingest.labels import label_with_date
from ingest.loaders import LoaderError
from ingest.tokens import TokenizerUnavailable
from vectorstore.embeddings import EmbeddingModelError
from vectorstore.filters import FilterError, SearchFilters, build_filters
from vectorstore.store import StoreError, VectorStore, document_from_metadata
from vectorstore.validation import QuestionError
from vectorstore.writer_lock import WriterBusy

log = logging.getLogger("uitvoering")


class UsageError(RuntimeError):
    """Wrong input from the user; the message says what to do."""


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


def _open_store(settings: Settings) -> VectorStore:
    return app.build_store(settings)


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    store = _open_store(settings)
    report = app.ingest(settings, [Path(p) for p in args.paths], store, progress=not args.quiet)
    print(report.summary())
    print(f"De collectie '{settings.collection}' bevat nu {store.count()} passages.")
    return 1 if report.failed else 0


def cmd_remove(args: argparse.Namespace, settings: Settings) -> int:
    store = _open_store(settings)
    known = {d["doc_id"]: d for d in store.documents()}
    status = 0
    with store.writing():
        for name in args.doc_ids:
            doc_id = name if name in known else Path(name).name
            removed = store.remove_document(doc_id)
            if removed:
                print(f"{doc_id}: {removed} passages verwijderd")
            else:
                print(f"{name}: geen document met deze naam in de collectie", file=sys.stderr)
                status = 1
    return status


def cmd_reset(args: argparse.Namespace, settings: Settings) -> int:
    if not args.yes:
        raise UsageError("`uitvoering reset` wist de hele collectie; bevestig met --yes")
    from vectorstore.store import reset_collection

    reset_collection(settings)
    print(f"Collectie '{settings.collection}' gewist.")
    return 0


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    documents = _open_store(settings).documents()
    public = [{k: v for k, v in d.items() if k != "content_hash"} for d in documents]
    if args.json:
        _print_json(public)
        return 0
    if not documents:
        print("Nog geen documenten ingelezen. Gebruik `uitvoering ingest PAD`.")
    for d in documents:
        print(f"{label_with_date(d)}")
        print(f"    {d['title'] or '(geen titel)'}")
        print(f"    bestand {d['source']}, {d['chunks']} passages, type {d['doc_type']}")
    return 0


def _filters(args: argparse.Namespace) -> SearchFilters | None:
    return build_filters(
        {
            "dossier": args.dossier,
            "kamerstuk": args.kamerstuk,
            "doc_type": args.doc_type,
            "date_from": args.date_from,
            "date_to": args.date_to,
            "sender": args.sender,
        }
    )


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    searcher = app.build_searcher(settings)
    hits = searcher.search(args.query, k=args.k, filters=_filters(args))
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
        _print_json(rows)
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
    filters = _filters(args)
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
                _print_json(result)
            else:
                print(f"## {result.get('id')}: {result.get('question', '')}")
                print(result.get("answer", result.get("error")))
                print()
        return status
    if not args.question:
        raise UsageError("geef een vraag mee, of --batch BESTAND.jsonl")
    answer = service.ask(" ".join(args.question), filters=filters)
    if args.json:
        _print_json(answer.to_dict())
    else:
        print(answer.answer)
    return 0


def _web_users(settings: Settings) -> list[tuple[str, str]] | None:
    if settings.web_users is None:
        return None
    pairs = [item.split(":", 1) for item in settings.web_users.get_secret_value().split(",")]
    if any(len(pair) != 2 or not all(pair) for pair in pairs):
        raise UsageError(
            "UITVOERING_WEB_USERS moet de vorm 'naam:wachtwoord,naam2:wachtwoord2' hebben"
        )
    return [(name, password) for name, password in pairs]


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    store = _open_store(settings)
    if store.count() == 0:
        print("De collectie is leeg: het meegeleverde corpus wordt eerst ingelezen.")
        app.ingest(settings, [BUNDLED_CORPUS], store, progress=True)
    service = app.build_service(settings, store)
    if args.terminal:
        return _terminal_chat(service)
    from assistant.web import ChatApp

    users = _web_users(settings)
    print(f"Chat op http://{settings.web_host}:{settings.web_port} (stoppen met Ctrl+C)")
    ChatApp(service).build().launch(
        server_name=settings.web_host,
        server_port=settings.web_port,
        auth=users,
        share=False,
        inbrowser=False,
        footer_links=[],
    )
    return 0


def _terminal_chat(service: AnswerService) -> int:
    from assistant.conversation import Turn

    history: list[Turn] = []
    print("uitvoering-assistent: stel een vraag over de stukken (leeg of 'stop' om te stoppen).")
    while True:
        try:
            question = input("\nVraag> ").strip()
        except EOFError:
            break
        if question.lower() in {"", "stop", "exit", "quit"}:
            break
        answer = service.ask(question, history=history)
        history.append(Turn(question, answer))
        print()
        print(answer.answer)
        if not answer.refused:
            print("\nBronnen:")
            for citation in answer.citations:
                print(f"  [{citation.n}] {citation.reference} ({citation.source})")
    return 0


def cmd_slack(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.slack_bot import SlackBot, SlackConfigError

    try:
        bot = SlackBot(app.build_service(settings), settings)
    except SlackConfigError as exc:
        raise UsageError(str(exc)) from exc
    if args.socket:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        if settings.slack_app_token is None:
            raise UsageError("Socket Mode vraagt om SLACK_APP_TOKEN (xapp-…)")
        SocketModeHandler(bot.app, settings.slack_app_token.get_secret_value()).start()
        return 0
    import uvicorn

    print(f"Slack-events op http://{settings.slack_host}:{settings.slack_port}/slack/events")
    uvicorn.run(
        bot.http_app(), host=settings.slack_host, port=settings.slack_port, log_level="warning"
    )
    return 0


def cmd_feedback_export(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.feedback import FeedbackStore

    rows = list(FeedbackStore(settings).rows())
    lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    if args.output:
        Path(args.output).write_text(lines, encoding="utf-8")
        print(f"{len(rows)} beoordelingen geschreven naar {args.output}")
    else:
        sys.stdout.write(lines)
    return 0


def _add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters (alleen documenten die aan alle filters voldoen)")
    group.add_argument("--dossier", help="dossiernummer, bijv. 29362")
    group.add_argument("--kamerstuk", help="bijv. 29362-290 of 'Kamerstuk 29 362, nr. 290'")
    group.add_argument("--doc-type", help="bijv. kamerstuk_brief, kamerbrief, beslisnota")
    group.add_argument("--date-from", metavar="JJJJ-MM-DD", help="documentdatum vanaf")
    group.add_argument("--date-to", metavar="JJJJ-MM-DD", help="documentdatum tot en met")
    group.add_argument("--sender", help="(deel van) afzender of ondertekenaar, bijv. 'Koolmees'")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="uitvoering", description="Vragen over Kamerstukken over de uitvoering, met bronnen."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    ingest = sub.add_parser("ingest", help="documenten inlezen (bestanden of mappen)")
    ingest.add_argument("paths", nargs="+")
    ingest.add_argument("--quiet", action="store_true", help="geen voortgangsbalk")
    ingest.set_defaults(handler=cmd_ingest)

    remove = sub.add_parser("remove", help="documenten verwijderen (doc_id of bestandsnaam)")
    remove.add_argument("doc_ids", nargs="+")
    remove.set_defaults(handler=cmd_remove)

    reset = sub.add_parser("reset", help="de hele collectie wissen")
    reset.add_argument("--yes", action="store_true")
    reset.set_defaults(handler=cmd_reset)

    sources = sub.add_parser("sources", help="ingelezen documenten met metadata")
    sources.add_argument("--json", action="store_true")
    sources.set_defaults(handler=cmd_sources)

    search = sub.add_parser("search", help="passages zoeken")
    search.add_argument("query")
    search.add_argument("-k", type=int, default=5)
    search.add_argument("--json", action="store_true")
    _add_filter_arguments(search)
    search.set_defaults(handler=cmd_search)

    ask = sub.add_parser("ask", help="een vraag stellen")
    ask.add_argument("question", nargs="*")
    ask.add_argument("--json", action="store_true")
    ask.add_argument(
        "--batch", metavar="FILE.jsonl", help="regels met 'id', 'question' en eventueel 'filters'"
    )
    _add_filter_arguments(ask)
    ask.set_defaults(handler=cmd_ask)

    slack = sub.add_parser("slack", help="de Slack-bot starten (HTTP of --socket)")
    slack.add_argument("--socket", action="store_true", help="Socket Mode in plaats van HTTP")
    slack.set_defaults(handler=cmd_slack)

    feedback = sub.add_parser("feedback", help="beoordelingen uit de chat")
    feedback_sub = feedback.add_subparsers(dest="feedback_command", required=True)
    export = feedback_sub.add_parser("export", help="als JSONL (voor de evaluatieset)")
    export.add_argument("--output", metavar="BESTAND.jsonl", help="standaard: stdout")
    export.set_defaults(handler=cmd_feedback_export)

    for command in entry_points(group="uitvoering.commands"):  # e.g. `eval` from evals/
        command.load()(sub)

    chat = sub.add_parser("chat", help="de chat in de browser openen (Gradio)")
    chat.add_argument("--terminal", action="store_true", help="vragen stellen in de terminal")
    chat.set_defaults(handler=cmd_chat)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = get_settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"UITVOERING_{'_'.join(str(p) for p in error['loc']).upper() or '(instellingen)'}: "
            f"{error['msg']}"
            for error in exc.errors()
        )
        print(f"fout: ongeldige instelling: {problems}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        return int(args.handler(args, settings))
    except (
        UsageError,
        QuestionError,
        FilterError,
        StoreError,
        EmbeddingModelError,
        TokenizerUnavailable,
        LoaderError,
        WriterBusy,
    ) as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
