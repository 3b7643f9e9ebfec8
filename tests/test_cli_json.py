"""The public JSON contract of the CLI, on the ingested bundled corpus."""

import json
from pathlib import Path

import pytest

from assistant.app import build_store
from assistant.cli import main
from assistant.config import Settings, get_settings

pytestmark = pytest.mark.integration

DATE_QUESTION = "Wanneer is de kabinetsreactie op Werk aan Uitvoering naar de Kamer gestuurd?"


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> object:
    capsys.readouterr()
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_sources_json(corpus_env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    sources = _json(capsys, ["sources", "--json"])
    assert isinstance(sources, list) and len(sources) == 5
    keys = {
        "doc_id",
        "source",
        "kamerstuk",
        "dossier",
        "ondernummer",
        "vergaderjaar",
        "date",
        "title",
        "doc_type",
        "sender",
        "kenmerk",
        "references",
        "chunks",
    }
    for entry in sources:
        assert keys <= set(entry)
        assert entry["chunks"] > 0 and isinstance(entry["references"], list)
    by_source = {e["source"]: e for e in sources}
    assert by_source["003_e0f1918e4edf2938.txt"]["kamerstuk"] == "29362-290"
    assert by_source["003_e0f1918e4edf2938.txt"]["date"] == "2021-03-05"
    assert by_source["002_ea32e1fd4eb7c526.txt"]["kamerstuk"] is None


def test_ingest_again_changes_nothing(
    corpus_env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sum(e["chunks"] for e in _json(capsys, ["sources", "--json"]))
    capsys.readouterr()
    assert main(["ingest", "--quiet", "corpus/uitvoering"]) == 0
    assert "0 toegevoegd, 5 ongewijzigd, 0 vervangen, 0 mislukt" in capsys.readouterr().out
    assert sum(e["chunks"] for e in _json(capsys, ["sources", "--json"])) == before


def test_search_json(corpus_env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    hits = _json(capsys, ["search", "--json", "-k", "3", "eerste compensatie van 30.000 euro"])
    assert len(hits) == 3
    for hit in hits:
        assert {"chunk_id", "doc_id", "source", "kamerstuk", "score", "text"} <= set(hit)
    assert "30.000 euro" in hits[0]["text"]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_ask_answers_the_foundation_question(
    corpus_env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = _json(capsys, ["ask", "--json", DATE_QUESTION])
    assert answer["question"] == DATE_QUESTION and answer["refused"] is False
    assert set(answer) == {
        "question",
        "answer",
        "refused",
        "citations",
        "timings_ms",
        "notes",
        "mode",
        "direct_answer",
        "plan",
        "guard_removed",
    }
    assert answer["direct_answer"] is None or answer["direct_answer"] in answer["answer"]
    assert answer["plan"] is None or isinstance(answer["plan"], dict)
    assert set(answer["timings_ms"]) == {"retrieve", "answer", "total"}
    first = answer["citations"][0]
    assert first["label"] == "Kamerstuk 29 362, nr. 290" and first["kamerstuk"] == "29362-290"
    assert "5 maart 2021" in first["quote"] and first["date"] == "2021-03-05"
    assert {"n", "label", "kamerstuk", "source", "title", "date", "quote", "chunk_id"} <= set(first)
    assert "5 maart 2021" in answer["answer"]


def test_quotes_are_verbatim_from_cited_chunks(
    corpus_env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:

    answer = _json(
        capsys, ["ask", "--json", "Hoeveel ouders hebben de eerste compensatie ontvangen?"]
    )
    store = build_store(corpus_env)
    texts = {cid: text for cid, text, _ in store.all_chunks()}
    assert answer["citations"]
    for citation in answer["citations"]:
        assert citation["quote"] in texts[citation["chunk_id"]]
    assert "18.000 ouders" in answer["citations"][0]["quote"]


def test_ask_refuses_off_topic(corpus_env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    answer = _json(capsys, ["ask", "--json", "Wat is het recept voor appeltaart?"])
    assert answer["refused"] is True and answer["citations"] == []
    assert "staat niet in de stukken" in answer["answer"]


def test_ask_batch(
    corpus_env: Settings, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "vragen.jsonl"
    batch.write_text(
        json.dumps({"id": "q1", "question": DATE_QUESTION})
        + "\n"
        + json.dumps({"id": "q2", "question": "Wat is het recept voor appeltaart?"})
        + "\n"
    )
    capsys.readouterr()
    assert main(["ask", "--json", "--batch", str(batch)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ["q1", "q2"]
    assert lines[0]["refused"] is False and lines[1]["refused"] is True


def test_ask_batch_reports_bad_lines(
    corpus_env: Settings, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "kapot.jsonl"
    batch.write_text('{"id": "a"}\nniet-json\n')
    capsys.readouterr()
    assert main(["ask", "--json", "--batch", str(batch)]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert "regel 1" in lines[0]["error"] and "'question'" in lines[0]["error"]
    assert "regel 2" in lines[1]["error"]


def test_search_json_with_filters(corpus_env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    hits = _json(
        capsys,
        [
            "search",
            "--json",
            "-k",
            "5",
            "--dossier",
            "29362",
            "--date-from",
            "2022-01-01",
            "dienstverlening aan burgers",
        ],
    )
    assert hits and {h["kamerstuk"] for h in hits} == {"29362-318"}


def test_bad_filter_is_a_usage_error(
    corpus_env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["search", "--json", "--date-to", "gisteren", "uitvoering"]) == 2
    assert "date_to: 'gisteren' is geen datum" in capsys.readouterr().err


def test_ask_notes_a_corrected_kamerstuk(
    corpus_env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = _json(
        capsys, ["ask", "--json", "Welke tijdshorizon noemt 29632-290 voor de verbeteraanpak?"]
    )
    assert answer["notes"] == ["Ik lees 29632-290 als Kamerstuk 29 362, nr. 290."]
    assert answer["answer"].startswith(answer["notes"][0])


def test_ask_refuses_a_kamerstuk_the_corpus_does_not_have(
    corpus_env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = _json(capsys, ["ask", "--json", "Wat zegt Kamerstuk 36 410, nr. 1 over de begroting?"])
    assert answer["refused"] is True and answer["citations"] == []
    assert "Kamerstuk 36 410, nr. 1 zit niet in de stukken" in answer["answer"]


def test_ask_batch_line_filters(
    corpus_env: Settings, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "gefilterd.jsonl"
    batch.write_text(
        json.dumps(
            {
                "id": "f1",
                "question": "Wat is de stand van de uitvoering bij Logius?",
                "filters": {"kamerstuk": "29362-318"},
            }
        )
        + "\n"
        + json.dumps({"id": "f2", "question": "Wat is maatwerk?", "filters": {"datum": "2021"}})
        + "\n"
    )
    capsys.readouterr()
    assert main(["ask", "--json", "--batch", str(batch)]) == 1
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["id"] == "f1" and first["citations"]
    assert {c["kamerstuk"] for c in first["citations"]} == {"29362-318"}
    assert second == {
        "id": "f2",
        "error": "datum: onbekend filter (kies uit dossier, kamerstuk, "
        "doc_type, date_from, date_to, sender)",
    }


def test_too_long_question_is_a_usage_error(
    corpus_env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["ask", "--json", "x" * 1001]) == 2
    assert "De vraag is te lang (1001 tekens; maximaal 1000)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["search", "--json", "-k", "100000", "maatwerk"],
            "Het aantal passages (k) moet tussen 1 en 50 liggen; gevraagd: 100000.",
        ),
        (["search", "--json", "-k", "0", "maatwerk"], "moet tussen 1 en 50 liggen; gevraagd: 0."),
        (["search", "--json", "maat\x00werk"], "De vraag bevat stuurtekens"),
        (["ask", "--json", "Wat is\x1b[2J maatwerk?"], "De vraag bevat stuurtekens"),
        (["search", "--json", "y" * 1001], "De vraag is te lang (1001 tekens; maximaal 1000)"),
    ],
)
def test_input_limits_are_usage_errors(
    corpus_env: Settings, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    capsys.readouterr()
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""


def test_a_bad_setting_is_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("UITVOERING_TOP_K", "veel")
    get_settings.cache_clear()
    try:
        assert main(["sources"]) == 2
    finally:
        get_settings.cache_clear()
    assert "fout: ongeldige instelling: UITVOERING_TOP_K" in capsys.readouterr().err
