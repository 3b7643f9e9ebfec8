"""The blind set's discipline: its fixed split and the check that its questions use their own
words. Nothing here runs the system on the blind questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.cases import (
    BLIND,
    BLIND_V1,
    BLIND_V2,
    EXPOSED_IN_V1,
    EXPOSED_IN_V2,
    EvalCase,
    load_eval_cases,
)
from evals.overlap import evidence_sentence, main, name_stems, overlap
from evals.split import HALVES, half_of, select

pytestmark = pytest.mark.unit


def test_each_case_has_one_fixed_half_that_follows_from_its_id() -> None:
    cases = load_eval_cases(BLIND)
    dev, test = (select(cases, half) for half in HALVES)
    assert {c.id for c in dev}.isdisjoint(c.id for c in test)
    assert len(dev) + len(test) == len(cases)
    assert all(half_of(c.id) == "blind-dev" for c in dev)
    # Both halves are large enough to report on (the hash spreads the ids).
    assert min(len(dev), len(test)) >= 0.35 * len(cases)


@pytest.mark.parametrize(
    ("before", "after", "exposed", "category", "added"),
    [
        # version 2: 16 multi-document questions for 7 exposed ones
        (BLIND_V1, BLIND_V2, EXPOSED_IN_V1, {"multi_document"}, 16),
        # version 3: 44 single-document questions for 22 exposed ones
        (BLIND_V2, BLIND, EXPOSED_IN_V2, {"fact", "which_document", "date"}, 44),
    ],
)
def test_a_new_version_drops_the_exposed_cases_and_keeps_every_other_one_as_it_was(
    before: Path, after: Path, exposed: frozenset[str], category: set[str], added: int
) -> None:
    old = {c.id: c for c in load_eval_cases(before)}
    new = {c.id: c for c in load_eval_cases(after)}
    assert old.keys() >= exposed and not exposed & new.keys()
    assert all(new[i] == case for i, case in old.items() if i not in exposed)
    replacements = [new[i] for i in new.keys() - old.keys()]
    # the replacements are questions like the exposed ones; the hash puts some in each half
    assert len(replacements) == added and {c.category for c in replacements} == category
    assert 0 < sum(half_of(c.id) == "blind-test" for c in replacements) < added
    assert all(c.evidence and c.must_match and c.how for c in replacements)


def test_adding_cases_moves_no_existing_case() -> None:
    before = {f"b-{n:03d}": half_of(f"b-{n:03d}") for n in range(1, 100)}
    after = {f"b-{n:03d}": half_of(f"b-{n:03d}") for n in range(1, 300)}
    assert all(after[case_id] == half for case_id, half in before.items())


def test_the_evidence_sentence_reaches_from_the_last_sentence_end_to_the_next() -> None:
    text = "Eerste zin. De uitvraag leverde een lijst met 70 reacties op. Derde zin."
    assert (
        evidence_sentence(text, "70 reacties")
        == " De uitvraag leverde een lijst met 70 reacties op"
    )
    assert evidence_sentence(text, "niet aanwezig") == ""


def test_names_and_abbreviations_are_not_counted_as_borrowed_words() -> None:
    assert name_stems("Wat meldde het CAK aan minister Koolmees?") == {"cak", "koolmees"}
    assert name_stems("Wat meldde de uitvoerder over de stand?") == set()


def _case(question: str, tmp_path: Path) -> tuple[EvalCase, Path]:
    (tmp_path / "doc.txt").write_text(
        "Inleiding. De uitvraag leverde een lijst met 70 reacties op. Slot.", encoding="utf-8"
    )
    case = EvalCase(
        id="x",
        question=question,
        category="fact",
        must_cite=["doc.txt"],
        evidence=["70 reacties"],
    )
    return case, tmp_path


def test_a_question_in_the_texts_own_words_shares_their_stems(tmp_path: Path) -> None:
    case, corpus = _case("Hoeveel reacties leverde de uitvraag op?", tmp_path)
    assert set(overlap(case, corpus).shared) == {"reactie", "uitvraag", "lever"}


def test_a_paraphrase_shares_none(tmp_path: Path) -> None:
    case, corpus = _case("Hoeveel meldingen kwamen er binnen bij het ministerie?", tmp_path)
    assert overlap(case, corpus).shared == ()


def test_the_shipped_blind_set_passes_and_a_stricter_bar_fails(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for version in (BLIND_V1, BLIND_V2, BLIND):
        assert main([str(version)]) == 0
        assert "voldoet" in capsys.readouterr().out.splitlines()[-1]
    assert main([str(BLIND), "--min-share", "0.99"]) == 1
