"""Footnote markers kept as links at ingest: where a marker stood in the clean text, which
footnote it refers to, and which chunk prints that footnote."""

from pathlib import Path

import pytest

from assistant.app import build_preparer
from assistant.config import BUNDLED_CORPUS, Settings
from ingest.cleaning import clean_text, footnote_marks
from ingest.footnotes import (
    ChunkSpan,
    Footnote,
    FootnoteMark,
    find_footnotes,
    footnote_for,
    link_chunks,
    links_from_json,
    links_to_json,
)

pytestmark = pytest.mark.unit

LETTER = (
    "De dienstverlening wordt overwegend positief gewaardeerd1. Veel gaat goed.\n\n"
    "Het kabinet volgt de moties van de Kamer².\n\n"
    "1 Eindrapport onderzoek «Oordeel Burgers en Ondernemers 2020».\n"
    "2 Motie Omtzigt, 35510, nr. 13.\n"
)


def test_a_mark_stands_where_the_marker_stood_in_the_clean_text() -> None:
    clean = clean_text(LETTER)
    marks = footnote_marks(LETTER, clean)
    assert [m.number for m in marks] == [1, 2]
    assert clean[: marks[0].offset].endswith("positief gewaardeerd")
    assert clean[: marks[1].offset].endswith("moties van de Kamer")
    assert "gewaardeerd1" not in clean  # the text itself is cleaned as before


def test_ocr_forms_of_a_superscript_one_are_read_as_numbers() -> None:
    text = (
        "Het rapport ‘Geen powerplay maar fair play’! publiceerde over gezinnen. Het rapport "
        "van de commissie (POK)!! en de Tijdelijke Commissie Uitvoering!?2 samen.\n\n"
        "1 Nationale ombudsman, rapport 2017/095, 9 augustus 2017\n"
        "11 Kamerstukken II 2020/21, 35510, nr. 2\n"
        "12 Kamerstukken II 2020/21, 35387, nr. 2\n"
    )
    clean = clean_text(text)
    marks = footnote_marks(text, clean)
    assert [m.number for m in marks] == [1, 11, 12]
    assert clean[: marks[0].offset].endswith("fair play’!")  # the "!" stays in the text


def test_no_marks_when_the_marked_run_differs_from_the_clean_text() -> None:
    clean = clean_text(LETTER)
    assert footnote_marks(LETTER, clean + "x") == []


def test_a_footnote_is_the_one_of_its_number_after_the_mark() -> None:
    notes = [Footnote(1, 10, 20, "eerder"), Footnote(1, 50, 60, "later")]
    assert footnote_for(FootnoteMark(30, 1), notes) == notes[1]
    assert footnote_for(FootnoteMark(30, 2), notes) is None
    assert footnote_for(FootnoteMark(70, 1), notes) is None


def test_two_different_footnotes_of_one_number_after_the_mark_link_neither() -> None:
    notes = [Footnote(1, 50, 60, "Kamerstuk 35 510, nr. 4."), Footnote(1, 80, 90, "Eindrapport")]
    assert footnote_for(FootnoteMark(30, 1), notes) is None


def test_footnotes_are_numbered_paragraphs_not_numbers_in_running_text() -> None:
    text = "Er zijn 12 acties.\n\n3 Kamerstukken II 2020/21, 29362, nr. 291\n2022 was een jaar."
    assert [(f.number, f.text) for f in find_footnotes(text)] == [
        (3, "Kamerstukken II 2020/21, 29362, nr. 291")
    ]


def test_each_chunk_links_its_marks_to_the_chunk_that_prints_the_footnote() -> None:
    clean = clean_text(LETTER)
    marks = footnote_marks(LETTER, clean)
    cut = clean.index("1 Eindrapport")
    chunks = [ChunkSpan("body", 0, cut), ChunkSpan("notes", cut, len(clean))]
    links = link_chunks(chunks, clean, marks)
    assert links["notes"] == []
    first, second = links["body"]
    assert clean[: first.at].endswith("gewaardeerd") and first.chunk_id == "notes"
    printed = clean[cut:]
    assert (
        printed[first.start : first.end]
        == first.text
        == ("Eindrapport onderzoek «Oordeel Burgers en Ondernemers 2020».")
    )
    assert printed[second.start : second.end] == "Motie Omtzigt, 35510, nr. 13."
    assert links_from_json(links_to_json(links["body"])) == links["body"]
    assert links_to_json([]) == "" and links_from_json("") == []


def test_the_bundled_nota_links_its_moties_to_their_kamerstuk_numbers(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    document = build_preparer(settings).prepare(BUNDLED_CORPUS / "000_beff440f605c888c.txt")
    linked = {
        document.text[chunk.start : chunk.start + link.at][-40:]: link.text
        for chunk in document.chunks
        for link in chunk.footnotes
    }
    assert linked["verschillende moties van de Tweede Kamer"] == (
        "Motie Omtzigt, 35510, nr. 13 en motie Ploumen/Jetten, 35510, nr. 24."
    )
