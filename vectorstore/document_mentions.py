"""Which stored documents a question refers to by name, and a top k that holds each of them.

"Welk motto gebruiken zowel de WaU-kabinetsreactie als de POK-voortgangsbrief?", "hoeveel
diensten bij VWS respectievelijk BZK?": a question that needs two documents names them by an
abbreviation (of the sender, the dossier or the subject) that the document cards carry (see
`document_cards.acronyms`), by Kamerstuk number or by date. When the passages of one document
fill the top k, the other document's best passage for the question is put in, so the answer can
draw on every document the question names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

# An abbreviation as questions write it: two to six letters with at least two capitals
# ('BZK', 'WaU', 'POK'), on its own or before a hyphen ('POK-voortgangsbrief').
_ABBREVIATION = re.compile(r"\b(?=(?:[a-z]*[A-Z]){2})[A-Za-z]{2,6}\b")


def name_index(cards: Iterable[tuple[str, str, str]]) -> dict[str, frozenset[str]]:
    """Abbreviation -> the documents it names, from (doc id, identifying fields, whole card):
    the documents whose fields carry it ('Werk aan Uitvoering' in a title: WaU), else those
    whose whole card does (a name that only the first passage mentions)."""
    in_fields: dict[str, set[str]] = {}
    in_card: dict[str, set[str]] = {}
    for doc_id, fields, text in cards:
        for found, part in ((in_fields, fields), (in_card, text)):
            for word in set(_ABBREVIATION.findall(part)):
                found.setdefault(word, set()).add(doc_id)
    return {word: frozenset(in_fields.get(word) or docs) for word, docs in in_card.items()}


def named_documents(question: str, names: Mapping[str, frozenset[str]]) -> tuple[str, ...]:
    """The documents the question names by an abbreviation that only one card carries, in the
    order the question names them."""
    found: list[str] = []
    for word in _ABBREVIATION.findall(question):
        doc_ids = names.get(word, frozenset())
        if len(doc_ids) == 1:
            found.extend(doc_ids)
    return tuple(dict.fromkeys(found))


def ensure_documents(
    top: list[str], best: Mapping[str, str], document_of: Mapping[str, str]
) -> list[str]:
    """`top` (chunk ids, best first) with the best passage of every document in `best` (doc id
    -> chunk id) that has none in it: each such passage takes the place of the lowest-ranked
    passage of a document that has more than one, so the length and the order of the rest stay."""
    result = list(top)
    for doc_id, chunk_id in best.items():
        if any(document_of[cid] == doc_id for cid in result):
            continue
        counts = Counter(document_of[cid] for cid in result)
        crowded = [i for i, cid in enumerate(result) if counts[document_of[cid]] > 1]
        if not crowded:
            break
        del result[crowded[-1]]
        result.append(chunk_id)
    return result
