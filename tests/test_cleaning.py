import pytest

from assistant.config import BUNDLED_CORPUS
from ingest.cleaning import clean_text, remove_margin_text, repair_hyphenation

pytestmark = pytest.mark.unit


def _clean(name: str) -> str:
    return clean_text((BUNDLED_CORPUS / name).read_text(encoding="utf-8"))


def test_margin_text_removed_from_ocr_letter() -> None:
    text = _clean("002_ea32e1fd4eb7c526.txt")
    for margin in ("Concerndirectie", "Handhavingsbeleid", "Ons kenmerk", "Ons kenmer"):
        assert margin not in text
    assert text.count("2021-0000126162") == 0
    # the sentence that margin text and a page footnote had cut is whole again
    assert (
        "En de informatievoorziening van de overheid aan het parlement moet beter en transparanter."
        in text
    )
    # ... and the footnote itself is kept (at the end), with its reference
    assert "9 augustus 2017" in text and "Kamerstukken II 2020/21, 35510, nr. 49" in text


def test_page_headers_and_redaction_codes_removed() -> None:
    text = _clean("000_beff440f605c888c.txt")
    assert "6 juni 2022" not in text  # repeated page header "Datum 6 juni 2022"
    assert "14 juni 2022" in text  # the real date of the nota stays
    assert "5.1.2e\n" not in text
    assert "gaan politici, bestuurders, ambtenaren" in text  # footnotes no longer split it


def test_hyphenation_repaired() -> None:
    text = _clean("003_e0f1918e4edf2938.txt")
    assert "Ondervragingscommissie" in text and "Ondervragingscom-missie" not in text
    assert "Staatssecretaris van Financiën" in text and "Staatsse-cretaris" not in text
    assert "multiproblematiek" in text
    # real compounds keep their hyphen
    assert "informatie-uitwisseling" in text and "co-creatie" in text


def test_line_end_hyphenation() -> None:
    text = repair_hyphenation("de ver-\nbetering van het MD-\nprogramma en ex-\npartners")
    assert text == "de verbetering van het MD-programma en ex-partners"


def test_web_navigation_and_site_furniture_removed() -> None:
    assert "[overzicht]" not in _clean("004_438907e462307f5c.txt")
    text003 = _clean("003_e0f1918e4edf2938.txt")
    assert "Parlementaire Monitor" not in text003
    assert "ISSN 0921" not in text003
    assert "vergaderjaar 2020-2021,29 362, nr. 290 17" not in text003


def test_footnote_markers_dropped_and_footnotes_kept() -> None:
    text = _clean("003_e0f1918e4edf2938.txt")
    assert "kabinetsreactie1 op" not in text and "kabinetsreactie op het rapport" in text
    assert "maatwerk nodig.7" not in text
    assert "Kamerstuk 35 510, nr. 4." in text  # footnote text survives


def test_margin_needs_repetition_and_never_appears_mid_sentence() -> None:
    body = "\n".join(
        [
            "Standen van de Uitvoering",
            "Over de Standen van de Uitvoering van RvIG.",
            "Standen van de Uitvoering",
            "lees de Standen van de Uitvoering",
        ]
    )
    assert remove_margin_text(body) == body


def test_a_web_pages_zaak_line_stays_when_it_names_the_zaak() -> None:
    text = _clean("004_438907e462307f5c.txt")
    assert "Onderdeel van zaak 2022Z26159:" in text  # the document's Kamerzaak
    assert "Onderdeel van activiteiten" not in text  # an empty navigation line
