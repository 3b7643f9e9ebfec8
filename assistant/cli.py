"""`uitvoering` command line: ingest, sources, search, ask, eval, chat, slack, remove, reset.

The subcommands live in `assistant/commands/`; this module lists them and runs one. The `--json`
outputs are a public contract (see README): fields are only ever added.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import entry_points

from pydantic import ValidationError

from assistant.commands.channels import CHANNEL_COMMANDS, add_chat_parser
from assistant.commands.common import Subparsers, UsageError
from assistant.commands.documents import (
    add_ingest_parser,
    add_remove_parser,
    add_reset_parser,
    add_sources_parser,
)
from assistant.commands.feedback import add_feedback_parser
from assistant.commands.querying import add_ask_parser, add_search_parser
from assistant.config import get_settings
from ingest.loaders import LoaderError
from ingest.tokens import TokenizerUnavailable
from vectorstore.chroma_client import StoreError
from vectorstore.embeddings import EmbeddingModelError
from vectorstore.filters import FilterError
from vectorstore.validation import QuestionError
from vectorstore.writer_lock import WriterBusy

log = logging.getLogger("uitvoering")

# The subcommands in the order `--help` lists them; the entry-point group "uitvoering.commands"
# (e.g. `eval` from evals/) adds its commands after these, and `chat` comes last.
_COMMANDS: tuple[Callable[[Subparsers], None], ...] = (
    add_ingest_parser,
    add_remove_parser,
    add_reset_parser,
    add_sources_parser,
    add_search_parser,
    add_ask_parser,
    *CHANNEL_COMMANDS,
    add_feedback_parser,
)
# Errors whose message tells the user what to do: printed as `fout: …`, exit status 2.
_USER_ERRORS = (
    UsageError,
    QuestionError,
    FilterError,
    StoreError,
    EmbeddingModelError,
    TokenizerUnavailable,
    LoaderError,
    WriterBusy,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="uitvoering", description="Vragen over Kamerstukken over de uitvoering, met bronnen."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for add_parser in _COMMANDS:
        add_parser(sub)
    for command in entry_points(group="uitvoering.commands"):  # e.g. `eval` from evals/
        command.load()(sub)
    add_chat_parser(sub)
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
    except _USER_ERRORS as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
