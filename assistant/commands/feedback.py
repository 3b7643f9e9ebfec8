"""`uitvoering feedback export`: the thumbs and comments from the channels as JSONL."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.commands.common import Subparsers
from assistant.config import Settings
from assistant.feedback import FeedbackStore


def cmd_feedback_export(args: argparse.Namespace, settings: Settings) -> int:
    rows = list(FeedbackStore(settings).rows())
    lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    if args.output:
        Path(args.output).write_text(lines, encoding="utf-8")
        print(f"{len(rows)} beoordelingen geschreven naar {args.output}")
    else:
        sys.stdout.write(lines)
    return 0


def add_feedback_parser(sub: Subparsers) -> None:
    feedback = sub.add_parser("feedback", help="beoordelingen uit de chat")
    feedback_sub = feedback.add_subparsers(dest="feedback_command", required=True)
    export = feedback_sub.add_parser("export", help="als JSONL (voor de evaluatieset)")
    export.add_argument("--output", metavar="BESTAND.jsonl", help="standaard: stdout")
    export.set_defaults(handler=cmd_feedback_export)
