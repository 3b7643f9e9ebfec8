"""How much a blind set's questions borrow the words of their evidence.

For every answerable case: the content-word stems (the project's own Dutch analysis, without
question words, names, abbreviations, numbers and Kamerstuk ids) that the question shares with
the sentences that hold its evidence. The set passes when at least `--min-share` of its
answerable questions share none. `python -m evals.overlap [FILE]` prints every question's
overlap and exits 1 when the set fails.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from assistant.config import BUNDLED_CORPUS
from assistant.question import content_terms
from evals.cases import BLIND, EvalCase, load_eval_cases
from ingest.dates import MONTHS
from vectorstore.text_analysis import terms

MIN_SHARE = 0.60
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n\s*\n")
# Prepositions and month names carry no content: they are not counted as shared words.
_FUNCTION_WORDS = frozenset(
    terms(
        "bij onder boven over tussen voor achter tot uit tegen zonder binnen buiten sinds "
        "tijdens vanaf via per rond omtrent jegens " + " ".join(MONTHS)
    )
)
_NAME = re.compile(r"^(?:[A-Z][\w'-]*|[A-Z0-9-]{2,})$")


@dataclass(frozen=True)
class Overlap:
    case_id: str
    shared: tuple[str, ...]


def evidence_sentence(text: str, quote: str) -> str:
    """The sentence(s) of `text` around the verbatim `quote` ('' when it is not found)."""
    start = text.find(quote)
    if start < 0:
        return ""
    end = start + len(quote)
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


def name_stems(question: str) -> set[str]:
    """Stems of names and abbreviations: capitalised words after the first, and all-caps."""
    words = question.split()
    names = [w.strip("?,.:;()'\"") for w in words[1:]]
    return set(terms(" ".join(w for w in names if _NAME.match(w))))


def overlap(case: EvalCase, corpus: Path) -> Overlap:
    """The content stems a question shares with its evidence sentences."""
    sentences = []
    for source in case.must_cite:
        text = (corpus / source.split("|")[0]).read_text(encoding="utf-8")
        sentences += [evidence_sentence(text, quote) for quote in case.evidence]
    evidence = set(terms(" ".join(sentences)))
    asked = [
        t for t in content_terms(case.question) if not t[0].isdigit() and t not in _FUNCTION_WORDS
    ]
    names = name_stems(case.question)
    return Overlap(case.id, tuple(t for t in asked if t in evidence and t not in names))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.overlap", description=__doc__)
    parser.add_argument("file", nargs="?", type=Path, default=BLIND)
    parser.add_argument("--corpus", type=Path, default=BUNDLED_CORPUS)
    parser.add_argument("--min-share", type=float, default=MIN_SHARE)
    args = parser.parse_args(argv)
    answerable = [c for c in load_eval_cases(args.file) if not c.expects_refusal and c.evidence]
    results = [overlap(case, args.corpus) for case in answerable]
    for result in results:
        print(f"{result.case_id}\t{len(result.shared)}\t{' '.join(result.shared)}")
    clean = sum(not r.shared for r in results)
    share = clean / len(results) if results else 0.0
    verdict = "voldoet" if share >= args.min_share else "voldoet NIET"
    print(
        f"{clean} van {len(results)} beantwoordbare vragen ({share:.0%}) delen geen inhoudswoord "
        f"met hun bewijszin; minimaal {args.min_share:.0%}: {verdict}"
    )
    return 0 if share >= args.min_share else 1


if __name__ == "__main__":
    sys.exit(main())
