"""`uitvoering ingest`, `remove`, `reset` and `sources`: what is in the collection."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant import app
from assistant.commands.common import Subparsers, UsageError, print_json
from assistant.config import Settings
from ingest.labels import label_with_date


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    store = app.build_store(settings)
    report = app.ingest(settings, [Path(p) for p in args.paths], store, progress=not args.quiet)
    print(report.summary())
    print(f"De collectie '{settings.collection}' bevat nu {store.count()} passages.")
    return 1 if report.failed else 0


def cmd_remove(args: argparse.Namespace, settings: Settings) -> int:
    store = app.build_store(settings)
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
    from vectorstore.chroma_client import reset_collection

    reset_collection(settings)
    print(f"Collectie '{settings.collection}' gewist.")
    return 0


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    documents = app.build_store(settings).documents()
    public = [{k: v for k, v in d.items() if k != "content_hash"} for d in documents]
    if args.json:
        print_json(public)
        return 0
    if not documents:
        print("Nog geen documenten ingelezen. Gebruik `uitvoering ingest PAD`.")
    for d in documents:
        print(f"{label_with_date(d)}")
        print(f"    {d['title'] or '(geen titel)'}")
        print(f"    bestand {d['source']}, {d['chunks']} passages, type {d['doc_type']}")
    return 0


def add_ingest_parser(sub: Subparsers) -> None:
    ingest = sub.add_parser("ingest", help="documenten inlezen (bestanden of mappen)")
    ingest.add_argument("paths", nargs="+")
    ingest.add_argument("--quiet", action="store_true", help="geen voortgangsbalk")
    ingest.set_defaults(handler=cmd_ingest)


def add_remove_parser(sub: Subparsers) -> None:
    remove = sub.add_parser("remove", help="documenten verwijderen (doc_id of bestandsnaam)")
    remove.add_argument("doc_ids", nargs="+")
    remove.set_defaults(handler=cmd_remove)


def add_reset_parser(sub: Subparsers) -> None:
    reset = sub.add_parser("reset", help="de hele collectie wissen")
    reset.add_argument("--yes", action="store_true")
    reset.set_defaults(handler=cmd_reset)


def add_sources_parser(sub: Subparsers) -> None:
    sources = sub.add_parser("sources", help="ingelezen documenten met metadata")
    sources.add_argument("--json", action="store_true")
    sources.set_defaults(handler=cmd_sources)
