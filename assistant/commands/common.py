"""What the subcommands share: the usage error, JSON output and the filter options."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from vectorstore.filters import SearchFilters, build_filters

# argparse's type for the object `add_subparsers` returns
Subparsers = argparse._SubParsersAction  # type: ignore[type-arg]


class UsageError(RuntimeError):
    """Wrong input from the user; the message says what to do."""


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters (alleen documenten die aan alle filters voldoen)")
    group.add_argument("--dossier", help="dossiernummer, bijv. 29362")
    group.add_argument("--kamerstuk", help="bijv. 29362-290 of 'Kamerstuk 29 362, nr. 290'")
    group.add_argument("--doc-type", help="bijv. kamerstuk_brief, kamerbrief, beslisnota")
    group.add_argument("--date-from", metavar="JJJJ-MM-DD", help="documentdatum vanaf")
    group.add_argument("--date-to", metavar="JJJJ-MM-DD", help="documentdatum tot en met")
    group.add_argument("--sender", help="(deel van) afzender of ondertekenaar, bijv. 'Koolmees'")


def filters_from_args(args: argparse.Namespace) -> SearchFilters | None:
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
