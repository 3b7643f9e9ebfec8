"""The eval suite: dataset format, scoring, the regression gate end to end, and comparing two
configurations."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.answer_models import Answer, Citation
from assistant.cli import main
from assistant.config import BUNDLED_CORPUS, get_settings
from evals.cases import (
    BLIND,
    BLIND_V1,
    CATEGORIES,
    DATASETS,
    DEV_SET,
    KNOWN_FACTS,
    EvalCase,
    load_eval_cases,
    verbatim_pattern,
)
from evals.command import EvalUsageError, _load_cases, prepared_store, script_store
from evals.gate import compare
from evals.report import (
    category_table,
    console_report,
    html_report,
    markdown_report,
    metrics_table,
    refusal_table,
)
from evals.runner import EvalRun
from evals.scoring import (
    CaseResult,
    cites_every_document,
    evidence_rank,
    hit_rank,
    metrics,
    refusal_confusion,
    score_case,
    wrong_citations,
)
from evals.split import select
from tests.conftest import make_settings

pytestmark = pytest.mark.integration

BASELINE = Path(__file__).resolve().parents[1] / "evals" / "baselines" / "known_facts.json"
REMOVED_FACT = "Ongeveer 15 procent van de functies is op dit moment niet ingevuld."


def _citation(source: str, kamerstuk: str | None) -> Citation:
    return Citation(1, "label", kamerstuk, source, None, None, "quote", "chunk")


def test_shipped_set_covers_every_category_with_enough_cases() -> None:
    cases = load_eval_cases(KNOWN_FACTS)
    assert len(cases) >= 80
    categories = {c.category for c in cases}
    assert {
        "fact",
        "date",
        "commitment",
        "which_document",
        "reference",
        "multi_document",
        "unanswerable",
        "adversarial",
    } <= categories
    assert sum(c.category == "commitment" for c in cases) >= 20


def test_bad_lines_name_file_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "set.jsonl"
    bad.write_text(
        '{"id": "a", "question": "Q?", "category": "fact"}\n'
        '{"id": "b", "question": "Q?", "category": "fact", "must_match": ["(open"]}\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"set\.jsonl:2: must_match.*ongeldige reguliere"):
        load_eval_cases(bad)
    bad.write_text('{"id": "a", "question": "Q?", "category": "fact"}\n' * 2, encoding="utf-8")
    with pytest.raises(ValueError, match=r"set\.jsonl:2: id 'a' komt al eerder voor"):
        load_eval_cases(bad)
    bad.write_text('{"id": "a", "category": "fact"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"set\.jsonl:1: question: Field required"):
        load_eval_cases(bad)


def test_retrieval_dev_set_lines_load_as_eval_cases(tmp_path: Path) -> None:
    dev = tmp_path / "dev.jsonl"
    dev.write_text(
        '{"id": "d", "question": "Hoeveel?", "source": "x.txt", "evidence": '
        '"70 reacties (zie)", "category": "number"}\n',
        encoding="utf-8",
    )
    (case,) = load_eval_cases(dev)
    assert case.must_cite == ["x.txt"] and case.evidence == ["70 reacties (zie)"]
    assert case.must_match == [r"70\s+reacties\s+\(zie\)"] and not case.expects_refusal
    answer = Answer("Hoeveel?", "Er kwamen 70\nreacties (zie) binnen [1].", False)
    assert score_case(case, answer, "", 1.0).facts_ok  # verbatim across a line break
    answer = Answer("Hoeveel?", "Er kwamen 70 reacties binnen [1].", False)
    assert not score_case(case, answer, "", 1.0).facts_ok


def test_every_shipped_set_loads_with_known_categories() -> None:
    for path in sorted(DATASETS.glob("*.jsonl")):
        unknown = {c.category for c in load_eval_cases(path)} - set(CATEGORIES)
        assert not unknown, f"{path.name}: {unknown}"
    dev = load_eval_cases(DEV_SET)
    assert len(dev) == 87 and sum(c.expects_refusal for c in dev) == 9


def test_blind_set_loads_with_its_counts_per_category() -> None:
    """The blind set is only loaded here (its questions are not run nor shown in the tests)."""
    cases = load_eval_cases(BLIND)
    counts = {c: sum(case.category == c for case in cases) for c in {x.category for x in cases}}
    assert counts == {
        # version 3: version 2 less 22 exposed (13 fact, 7 which_document, 2 date), plus 44 new
        "fact": 61,
        "date": 15,
        "which_document": 33,
        "multi_document": 35,  # version 1's 26, less 7 exposed, plus 16 new (version 2)
        "chatty": 25,
        "english": 18,
        "unanswerable": 32,
        "false_premise": 15,
    }
    assert all(c.how for c in cases)
    assert {c.id for c in cases if c.expects_refusal} == {
        c.id for c in cases if c.category == "unanswerable"
    }


def test_scoring_checks_facts_forbidden_text_citations_and_refusal() -> None:
    case = EvalCase(
        id="c",
        question="Q?",
        category="fact",
        must_match=[r"5 maart 2021"],
        must_not_match=[r"1 januari 2019"],
        must_cite=["29362-290|other.txt"],
        evidence=["Den Haag, 5 maart 2021"],
    )
    good = Answer("Q?", "Het is van 5 maart 2021 [1].", False, [_citation("doc.txt", "29362-290")])
    result = score_case(case, good, "den haag, 5 maart 2021", 10.0)
    assert result.passed and result.retrieved is False  # evidence match is case-sensitive
    wrong = Answer(
        "Q?", "5 maart 2021, niet 1 januari 2019 [1].", False, [_citation("x.txt", None)]
    )
    result = score_case(case, wrong, "Den Haag, 5 maart 2021", 10.0)
    assert not result.passed and result.forbidden == [r"1 januari 2019"]
    assert result.cite_recall == 0.0 and result.retrieved is True
    refused = Answer("Q?", "Dat staat niet in de stukken.", True)
    assert not score_case(case, refused, "", 1.0).passed
    unanswerable = EvalCase(id="u", question="Q?", category="unanswerable")
    assert score_case(unanswerable, refused, "", 1.0).passed
    assert not score_case(unanswerable, good, "", 1.0).passed


def test_hit_rank_is_the_first_passage_of_a_cited_document_with_every_quote() -> None:
    case = EvalCase(
        id="h", question="Q?", category="fact", must_cite=["a.txt|b.txt"], evidence=["70  reacties"]
    )
    results = [("c.txt", "70 reacties"), ("a.txt", "geen"), ("b.txt", "lijst met 70\nreacties")]
    assert hit_rank(case, results) == 3
    assert hit_rank(case, results[:2]) is None


@pytest.mark.unit
def test_evidence_rank_hits_on_any_quote_across_non_breaking_spaces() -> None:
    case = EvalCase(
        id="m",
        question="Q?",
        category="multi_document",
        must_cite=["a.txt", "b.txt"],
        evidence=["artikel\u00a05 van de wet", "tweede  citaat"],
    )
    results = [("c.txt", "artikel 5 van de wet"), ("b.txt", "het tweede\ncitaat"), ("a.txt", "-")]
    assert evidence_rank(case, results) == 2  # one quote suffices; a non-gold document never
    assert hit_rank(case, results) is None  # hit_rank wants every quote in one passage
    assert evidence_rank(case, results[:1]) is None
    assert cites_every_document(case, ["c.txt", "b.txt", "a.txt"])
    assert not cites_every_document(case, ["b.txt", "c.txt"])


def _outcome(
    category: str, expected_refusal: bool, refused: bool, passed: bool = True
) -> CaseResult:
    result = _result(expected_refusal, 0, 0)
    result.category, result.refused, result.passed = category, refused, passed
    result.question = f"VRAAG-{category}"
    return result


def _hand_made() -> list[CaseResult]:
    return [
        _outcome("fact", False, False),
        _outcome("fact", False, True, passed=False),
        _outcome("fact", False, False, passed=False),
        _outcome("unanswerable", True, True),
        _outcome("unanswerable", True, True),
        _outcome("unanswerable", True, False, passed=False),
    ]


@pytest.mark.unit
def test_refusal_confusion_counts_should_refuse_by_did_refuse() -> None:
    assert refusal_confusion(_hand_made()) == {
        "refuse_refused": 2,
        "refuse_answered": 1,
        "answer_refused": 1,
        "answer_answered": 2,
    }
    table = refusal_table(EvalRun(["blind.jsonl"], {}, _hand_made(), blind=True))
    assert table[1:] == [["moet weigeren", "2", "1"], ["moet antwoorden", "1", "2"]]


@pytest.mark.unit
def test_a_blind_run_reports_per_category_and_its_refusals() -> None:
    run = EvalRun(["blind.jsonl"], {}, _hand_made(), blind=True, split="blind-dev")
    rows = category_table(run)
    assert rows[0][:3] == ["categorie", "gevallen", "geslaagd"]
    assert [row[:3] for row in rows[1:]] == [
        ["fact", "3", "0.333"],
        ["unanswerable", "3", "0.667"],
        ["totaal", "6", "0.500"],
    ]
    assert metrics_table(run)[0] == ["metriek", "totaal (6)"]  # categories in their own table
    printed = console_report(run)
    assert "Per categorie (blind-dev)" in printed and "Weigeringen (blind-dev)" in printed
    assert run.to_json()["refusal_confusion"]["refuse_answered"] == 1
    assert "VRAAG-fact" in markdown_report(run, None)  # blind-dev: failing cases are shown
    plain = EvalRun(["known_facts.jsonl"], {}, _hand_made())
    assert "Per categorie" not in console_report(plain) and "split" not in plain.to_json()
    assert len(metrics_table(plain)[0]) == 4


@pytest.mark.unit
def test_blind_test_and_the_whole_blind_set_report_aggregates_only() -> None:
    for split in ("blind-test", None):
        run = EvalRun(["blind.jsonl"], {}, _hand_made(), blind=True, split=split)
        assert run.aggregate_only and run.to_json()["cases"] == []
        assert run.to_json()["metrics"]["cases"] == 6
        for page in (markdown_report(run, None), html_report(run, None)):
            assert "VRAAG" not in page and "alleen totalen" in page


@pytest.mark.unit
def test_split_selects_one_half_of_the_blind_set_and_leaves_other_sets_whole() -> None:
    blind = load_eval_cases(BLIND)
    for half in ("blind-dev", "blind-test"):
        chosen = _load_cases([BLIND], half)
        assert [c.id for c in chosen] == [c.id for c in select(blind, half)]
    dev, test = _load_cases([BLIND], "blind-dev"), _load_cases([BLIND], "blind-test")
    assert len(dev) == 151 and len(test) == 83
    mixed = _load_cases([DEV_SET, BLIND], "blind-test")
    assert len(mixed) == 87 + 83
    # version 1 still splits the same way, for its numbers in the README
    assert len(_load_cases([BLIND_V1], "blind-dev")) == 110


@pytest.mark.unit
def test_split_without_the_blind_set_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["eval", "--quiet", "--split", "blind-dev"]) == 2
    assert "--split" in capsys.readouterr().err


def _result(expected_refusal: bool, cited_right: int, cited_total: int) -> CaseResult:
    return CaseResult(
        id="r",
        category="fact",
        question="Q?",
        expected_refusal=expected_refusal,
        answer="A",
        refused=False,
        citations=["x"] * cited_total,
        retrieved=None,
        facts_ok=True,
        missing=[],
        forbidden=[],
        cited_right=cited_right,
        cited_total=cited_total,
        cite_recall=None,
        guard_interventions=0,
        latency_ms=float(cited_total),
    )


def test_wrong_citations_are_what_citation_precision_counts_against() -> None:
    results = [_result(False, 2, 3), _result(False, 1, 1), _result(True, 0, 2)]
    assert wrong_citations(results) == 1  # the answerable cases' citations only
    assert metrics(results)["citation_precision"] == 0.75
    assert metrics(results)["latency_p50_ms"] == 2.0


@pytest.fixture
def own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("UITVOERING_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_gate_fails_when_a_fact_leaves_the_corpus_and_passes_when_it_returns(
    own_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = own_data_dir / "corpus"
    shutil.copytree(BUNDLED_CORPUS, corpus)
    letter = next(p for p in corpus.glob("*.txt") if REMOVED_FACT in p.read_text(encoding="utf-8"))
    original = letter.read_text(encoding="utf-8")

    def gate(report: str) -> int:
        return main(
            [
                "eval",
                "--quiet",
                "--ingest",
                str(corpus),
                "--baseline",
                str(BASELINE),
                "--report",
                str(own_data_dir / report),
            ]
        )

    assert gate("intact") == 0, capsys.readouterr().out
    letter.write_text(original.replace(REMOVED_FACT, ""), encoding="utf-8")
    assert gate("removed") == 1
    out = capsys.readouterr().out
    assert "GEZAKT" in out and "Nieuw mislukt: k318-15procent" in out
    results = json.loads((own_data_dir / "removed" / "results.json").read_text(encoding="utf-8"))
    case = next(c for c in results["cases"] if c["id"] == "k318-15procent")
    assert not case["passed"] and case["missing"] == ["15 procent"]
    markdown = (own_data_dir / "removed" / "report.md").read_text(encoding="utf-8")
    failures = markdown[markdown.index("## Mislukte gevallen") :]
    assert failures.index("k318-15procent") < failures.index("###", failures.index("###") + 1)
    page = (own_data_dir / "removed" / "report.html").read_text(encoding="utf-8")
    assert page.count("<svg") >= 6 and "k318-15procent (nieuw)" in page
    letter.write_text(original, encoding="utf-8")
    assert gate("restored") == 0


def test_update_baseline_then_gate_on_it(own_data_dir: Path) -> None:
    dataset = own_data_dir / "mini.jsonl"
    dataset.write_text(
        "".join(
            line
            for line in KNOWN_FACTS.read_text(encoding="utf-8").splitlines(keepends=True)
            if '"date"' in line
        ),
        encoding="utf-8",
    )
    baseline = own_data_dir / "baseline.json"
    args = ["eval", "--quiet", "--ingest", str(BUNDLED_CORPUS), "--dataset", str(dataset)]
    assert main([*args, "--baseline", str(baseline), "--update-baseline"]) == 0
    written = json.loads(baseline.read_text(encoding="utf-8"))
    assert written["format"] == "uitvoering-eval/1" and written["metrics"]["cases"] == 10
    assert main([*args, "--baseline", str(baseline)]) == 0
    baseline.write_text("{}", encoding="utf-8")
    assert main([*args, "--baseline", str(baseline)]) == 2


def test_compare_two_configurations(own_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dataset = own_data_dir / "mini.jsonl"
    dataset.write_text(
        "".join(KNOWN_FACTS.read_text(encoding="utf-8").splitlines(keepends=True)[:6]),
        encoding="utf-8",
    )
    wide, narrow = own_data_dir / "wide.toml", own_data_dir / "narrow.toml"
    wide.write_text("top_k = 5\n", encoding="utf-8")
    narrow.write_text("top_k = 1\nanswer_sentences = 1\n", encoding="utf-8")
    args = ["eval", "--quiet", "--ingest", str(BUNDLED_CORPUS), "--dataset", str(dataset)]
    assert main([*args, "--compare", str(wide), str(narrow)]) == 0
    out = capsys.readouterr().out
    assert "top_k=5" in out and "top_k=1" in out
    header = next(line for line in out.splitlines() if line.startswith("metriek"))
    assert header.split() == ["metriek", "wide.toml", "narrow.toml", "verschil"]
    narrow.write_text("top_kk = 1\n", encoding="utf-8")
    assert main([*args, "--compare", str(wide), str(narrow)]) == 2
    assert "narrow.toml: onbekende instelling(en): top_kk" in capsys.readouterr().err


def test_eval_in_llm_mode_counts_guard_interventions(
    own_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.fake_llm import FakeLLM, FakeLLMServer

    dataset = own_data_dir / "llm.jsonl"
    question = "Hoeveel ouders hebben tot dusver de eerste compensatie ontvangen?"
    dataset.write_text(
        json.dumps(
            {"id": "comp", "question": question, "category": "fact", "must_match": ["18\\.000"]}
        )
        + "\n",
        encoding="utf-8",
    )
    fake = FakeLLM()
    fake.replies[question] = lambda q, passages: (
        "Ongeveer 18.000 ouders ontvingen de compensatie [1]. "
        "Dit staat ook in Kamerstuk 12 345, nr. 6 van 1 april 2030 [1]."
    )
    with FakeLLMServer(fake):
        monkeypatch.setenv("UITVOERING_LLM_BASE_URL", fake.url)
        get_settings.cache_clear()
        report = own_data_dir / "llm-report"
        assert (
            main(
                [
                    "eval",
                    "--quiet",
                    "--mode",
                    "llm",
                    "--ingest",
                    str(BUNDLED_CORPUS),
                    "--dataset",
                    str(dataset),
                    "--report",
                    str(report),
                ]
            )
            == 0
        )
    results = json.loads((report / "results.json").read_text(encoding="utf-8"))
    assert results["setup"]["answer_mode"] == "llm" and len(fake.requests) == 1
    (case,) = results["cases"]
    assert case["passed"] and case["guard_interventions"] == 1
    assert "12 345" not in case["answer"]


COMPENSATION = (
    "Tot dusver hebben ongeveer 18.000 ouders deze eerste compensatie van 30.000 euro ontvangen."
)


def _typed_answer(direct: str | None, asks: str = "number") -> Answer:
    text = f"{direct or ''} {COMPENSATION} [1]".strip()
    plan = {"asks": asks, "focus": ["ouders"], "constraints": {}, "sub_questions": []}
    return Answer(
        "Hoeveel ouders?",
        text,
        False,
        [_citation("a.txt", None)],
        direct_answer=direct,
        plan=plan,
    )


@pytest.mark.unit
def test_direct_answer_is_right_when_a_typed_question_leads_with_an_asked_fact() -> None:
    case = EvalCase(
        id="n",
        question="Hoeveel ouders kregen de eerste compensatie?",
        category="number",
        must_match=[r"18\.000", r"ouders"],
        must_cite=["a.txt"],
        evidence=[COMPENSATION],
    )
    right = score_case(case, _typed_answer("Ongeveer 18.000 ouders [1]."), "", 1.0)
    assert right.direct_ok is True and right.asks == "number"
    assert right.to_dict()["direct_answer"] == "Ongeveer 18.000 ouders [1]."
    # The fact is in the quote, yet the answer does not lead with it, or leads with another.
    assert score_case(case, _typed_answer(None), "", 1.0).direct_ok is False
    assert score_case(case, _typed_answer("30.000 euro [1]."), "", 1.0).direct_ok is False
    # A lead capitalised as a sentence still holds the fact a lower-case pattern describes.
    words = EvalCase(
        id="w", question="Hoeveel gemeenten?", category="number", must_match=["zestig"]
    )
    assert score_case(words, _typed_answer("Zestig gemeenten [1]."), "", 1.0).direct_ok is True
    assert score_case(words, _typed_answer("Zeventig casussen [1]."), "", 1.0).direct_ok is False
    # Not measured: an untyped question, a refusal case, a dev-set line (verbatim quote only).
    assert score_case(case, _typed_answer(None, asks="reason"), "", 1.0).direct_ok is None
    refuse = EvalCase(id="u", question="Q?", category="unanswerable", must_match=["18"])
    assert score_case(refuse, _typed_answer("18.000 [1]."), "", 1.0).direct_ok is None
    dev_line = EvalCase(  # as a retrieval dev-set line loads: its quote verbatim
        id="d",
        question="Q?",
        category="number",
        must_match=[verbatim_pattern(COMPENSATION)],
        evidence=[COMPENSATION],
    )
    assert score_case(dev_line, _typed_answer("18.000 [1]."), "", 1.0).direct_ok is None
    results = [
        score_case(case, _typed_answer("Ongeveer 18.000 ouders [1]."), "", 1.0),
        score_case(case, _typed_answer(None), "", 1.0),
        score_case(case, _typed_answer(None, asks="other"), "", 1.0),
    ]
    overall = metrics(results)
    assert overall["direct_answer_accuracy"] == 0.5 and overall["typed_cases"] == 2
    run = EvalRun(["blind.jsonl"], {}, results, blind=True, split="blind-dev")
    assert "direct antwoord juist" in category_table(run)[0]
    rows = {row[0]: row[1] for row in metrics_table(run)}
    assert rows["direct antwoord juist"] == "0.500"
    assert rows["vragen naar een feit (getypeerd)"] == "2"
    report = markdown_report(run, None)
    assert "## Direct antwoord onjuist (1)" in report
    assert "- n (number, vraagt: number): Hoeveel ouders kregen de eerste compensatie?" in report
    hidden = EvalRun(["blind.jsonl"], {}, results, blind=True, split="blind-test")
    assert "Hoeveel ouders" not in markdown_report(hidden, None)  # aggregates only


@pytest.mark.unit
def test_the_gate_passes_a_baseline_without_the_direct_answer_metric_and_guards_it_after() -> None:
    def run(value: float | None) -> dict[str, object]:
        measured = {} if value is None else {"direct_answer_accuracy": value}
        return {"metrics": {"pass_rate": 0.9, **measured}, "cases": [{"id": "a", "passed": True}]}

    old_baseline = run(None)  # written before the metric existed
    assert compare(run(0.4), old_baseline, "oud", 0.02).ok
    assert compare(run(None), run(0.9), "nieuw", 0.02).regressions == [
        "direct antwoord juist: 0.900 → -"
    ]
    assert not compare(run(0.85), run(0.9), "nieuw", 0.02).ok
    assert compare(run(0.89), run(0.9), "nieuw", 0.02).ok


def test_a_fit_script_on_an_empty_collection_stops_with_a_clear_message(tmp_path: Path) -> None:
    """The fit and calibration scripts share the eval's store preparation: nothing to fit on
    ends the script with the eval's message instead of fitting on no passages."""
    settings = make_settings(tmp_path / "data")
    with pytest.raises(SystemExit, match="de collectie 'uitvoering' is leeg"):
        script_store(settings, None)
    with pytest.raises(EvalUsageError, match="is leeg"):
        prepared_store(settings, [])
