"""Fits the query adapter: `python -m evals.fit_query_adapter [--ingest DOCUMENT] [--out FILE]`.

Pairs every answerable question with an evidence quote of the dev set, the known-facts set and
the two calibration sets written from the documents only (never the blind set) with the corpus
sentences that hold a quote, and fits the adapter's R (`vectorstore.query_adapter`) by full-batch
gradient descent on a softmax over all sentences of the corpus: the question's adapted vector
should score its evidence sentences above every other sentence. The settings below were chosen
on blind-dev (sentence-ranking recall@5; they barely matter between 50 and 200 steps).

Prints recall@5 of the evidence passage (a passage ranked by its best sentence, as the sentence
index ranks them) without and with the adapter on blind-dev and blind-test (neither fitted on),
on the training questions, and per held-out document: fitted as if that document did not exist
(without its sentences and the questions about it) and measured on those questions, which is
what a document that arrives after the fit can expect.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.config import get_settings
from evals.cases import (
    ANSWERABILITY_QUESTIONS,
    BLIND,
    DEV_SET,
    KNOWN_FACTS,
    PARAPHRASE_QUESTIONS,
    EvalCase,
    load_eval_cases,
)
from evals.command import script_parser, script_store
from evals.scoring import squash
from evals.split import HALVES, select
from vectorstore.query_adapter import ADAPTER_FILE, QueryAdapter
from vectorstore.sentence_index import split_sentences, store_vectors
from vectorstore.store import VectorStore

TRAINING_SETS = (DEV_SET, KNOWN_FACTS, PARAPHRASE_QUESTIONS, ANSWERABILITY_QUESTIONS)
TEMPERATURE = 0.05
PENALTY = 0.01  # on the squared entries of R: keeps the adapter near the identity
STEPS = 100
LEARNING_RATE = 1e-3
RECALL_AT = 5


@dataclass(frozen=True)
class Corpus:
    """Every sentence of the stored chunks: its vector, passage and document."""

    vectors: np.ndarray
    passage: np.ndarray  # sentence -> position of its chunk
    document: np.ndarray  # sentence -> doc_id
    texts: list[str]  # squashed, for finding evidence quotes

    @classmethod
    def of(cls, store: VectorStore) -> Corpus:
        sentences: list[str] = []
        passage: list[int] = []
        document: list[str] = []
        for position, (_, text, metadata) in enumerate(store.all_chunks()):
            for sentence in split_sentences(text):
                sentences.append(sentence)
                passage.append(position)
                document.append(str(metadata["doc_id"]))
        return cls(
            store_vectors(store, sentences),
            np.array(passage),
            np.array(document, dtype=object),
            [squash(sentence) for sentence in sentences],
        )

    def evidence(self, case: EvalCase) -> list[int]:
        """The sentences holding one of the case's quotes, or lying wholly inside one."""
        quotes = [squash(quote) for quote in case.evidence if quote.strip()]
        return [
            i
            for i, text in enumerate(self.texts)
            if any(quote in text or (len(text) > 40 and text in quote) for quote in quotes)
        ]


@dataclass(frozen=True)
class Pairs:
    """Questions' vectors with the sentences that answer them."""

    questions: np.ndarray
    gold: list[list[int]]

    def subset(self, keep: Sequence[int]) -> Pairs:
        return Pairs(self.questions[list(keep)], [self.gold[i] for i in keep])


def pairs(store: VectorStore, corpus: Corpus, cases: list[EvalCase]) -> Pairs:
    """The answerable cases whose evidence quotes were found in the corpus."""
    found = [(case, corpus.evidence(case)) for case in cases if not case.expects_refusal]
    found = [(case, gold) for case, gold in found if gold]
    embeddings = store.backend.embeddings
    vectors = [embeddings.embed_query(case.question) for case, _ in found]
    matrix = np.asarray(vectors, dtype=np.float32) if vectors else np.zeros((0, 0), np.float32)
    return Pairs(matrix, [gold for _, gold in found])


def fit(
    corpus: Corpus,
    training: Pairs,
    model_id: str,
    steps: int = STEPS,
    known: np.ndarray | None = None,
) -> QueryAdapter:
    """R minimising the mean softmax loss of the evidence sentences plus PENALTY·|R|², the
    softmax over the `known` sentences (a flag per sentence; default all)."""
    known = np.ones(len(corpus.texts), dtype=bool) if known is None else known
    import torch  # only fitting needs it (installed with sentence-transformers)

    sentences = torch.from_numpy(corpus.vectors[known])
    position = np.cumsum(known) - 1  # a known sentence's row in `sentences`
    questions = torch.from_numpy(training.questions)
    dimension = sentences.shape[1]
    residual = torch.zeros(dimension, dimension, requires_grad=True)
    is_gold = torch.zeros(len(training.gold), sentences.shape[0], dtype=torch.bool)
    for row, gold in enumerate(training.gold):
        is_gold[row, [int(position[i]) for i in gold if known[i]]] = True
    optimiser = torch.optim.Adam([residual], lr=LEARNING_RATE)
    for _ in range(steps):
        moved = questions + questions @ residual
        logits = (moved / moved.norm(dim=1, keepdim=True)) @ sentences.T / TEMPERATURE
        gold_mass = torch.logsumexp(logits.masked_fill(~is_gold, float("-inf")), dim=1)
        loss = (torch.logsumexp(logits, dim=1) - gold_mass).mean()
        loss = loss + PENALTY * (residual**2).sum()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    return QueryAdapter(model_id, residual.detach().numpy().copy())


def passage_recall(corpus: Corpus, questions: Pairs, adapter: QueryAdapter | None) -> float:
    """Share of questions with an evidence passage among the RECALL_AT passages ranked by
    their best sentence."""
    if not questions.gold:
        return 0.0
    passages = int(corpus.passage.max()) + 1
    hits = 0
    for vector, gold in zip(questions.questions, questions.gold, strict=True):
        scores = corpus.vectors @ (adapter.adapt(vector) if adapter else vector)
        best = np.full(passages, -np.inf, dtype=np.float32)
        np.maximum.at(best, corpus.passage, scores)
        top = set(np.argsort(-best, kind="stable")[:RECALL_AT].tolist())
        hits += bool(top & {int(corpus.passage[i]) for i in gold})
    return hits / len(questions.gold)


def report(name: str, corpus: Corpus, questions: Pairs, adapter: QueryAdapter) -> tuple[int, int]:
    """Prints one row; returns the hits without and with the adapter."""
    before = passage_recall(corpus, questions, None)
    after = passage_recall(corpus, questions, adapter)
    print(f"{name:<36} {len(questions.gold):>9}  {before:.3f} -> {after:.3f}")
    return round(before * len(questions.gold)), round(after * len(questions.gold))


def main(argv: list[str] | None = None) -> None:
    parser = script_parser(__doc__)
    parser.add_argument("--out", type=Path, default=ADAPTER_FILE)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    store = script_store(get_settings(), args.ingest)
    corpus = Corpus.of(store)
    model_id = store.backend.model_id
    training = pairs(store, corpus, [c for path in TRAINING_SETS for c in load_eval_cases(path)])
    adapter = fit(corpus, training, model_id)
    blind = load_eval_cases(BLIND)
    print(f"{'questions':<36} {'evidence':>9}  passage R@{RECALL_AT} without -> with adapter")
    for half in HALVES:
        report(half, corpus, pairs(store, corpus, select(blind, half)), adapter)
    report("training questions", corpus, training, adapter)
    pooled = np.zeros(2, dtype=int)
    for doc_id in sorted(set(corpus.document.tolist())):
        about = [i for i, gold in enumerate(training.gold) if corpus.document[gold[0]] == doc_id]
        rest = [i for i in range(len(training.gold)) if i not in set(about)]
        held_out = fit(corpus, training.subset(rest), model_id, known=corpus.document != doc_id)
        pooled += report(f"held out: {doc_id}", corpus, training.subset(about), held_out)
    print(
        f"{'held out, all documents':<36} {len(training.gold):>9}  "
        f"{pooled[0] / len(training.gold):.3f} -> {pooled[1] / len(training.gold):.3f}"
    )
    adapter.save(args.out)
    print(f"Written: {args.out}")


if __name__ == "__main__":
    main()
