"""Pinned metadata of the five seed documents: every field read from the text itself."""

import pytest

from assistant.config import BUNDLED_CORPUS
from ingest.cleaning import clean_text, normalize_characters
from ingest.metadata import extract_metadata

pytestmark = pytest.mark.unit

EXPECTED = {
    "000_beff440f605c888c.txt": {
        "doc_type": "beslisnota",
        "kamerstuk": None,
        "dossier": None,
        "ondernummer": None,
        "vergaderjaar": None,
        "date": "2022-06-14",
        "title": "Kamerbrief Stand van de Uitvoering",
        "sender": "Ministerie van Volksgezondheid, Welzijn en Sport",
        "signer": None,
        "kenmerk": "3383909-1031059-BPZ",
        "references": ["29362-290", "35510-13", "35510-24"],
    },
    "001_2c27a83672055424.txt": {
        "doc_type": "kamerstuk_brief",
        "kamerstuk": "31490-284",
        "dossier": "31490",
        "ondernummer": 284,
        "vergaderjaar": "2019-2020",
        "date": "2020-09-11",
        "title": "Vernieuwing van de rijksdienst",
        "sender": "Minister van Sociale Zaken en Werkgelegenheid",
        "signer": "W. Koolmees",
        "kenmerk": None,
        "references": ["31490-271", "31490-269"],
    },
    "002_ea32e1fd4eb7c526.txt": {
        # A Kamerbrief without a number or date of its own: it must not borrow one.
        "doc_type": "kamerbrief",
        "kamerstuk": None,
        "dossier": None,
        "ondernummer": None,
        "vergaderjaar": None,
        "date": None,
        "title": "Stand van zaken maatregelen kabinetsreactie op het rapport van de "
        "Parlementaire Ondervragingscommissie Kinderopvangtoeslag",
        "sender": "Staatssecretaris van Financiën - Toeslagen en Douane",
        "signer": "Alexandra C. Van Huffelen",
        "kenmerk": "2021-0000126162",
        "references": [
            "35510-49",
            "31322-424",
            "31066-760",
            "35572-49",
            "29362-289",
            "28362-56",
            "29362-291",
            "29362-290",
            "25510-2",
            "35387-2",
        ],
    },
    "003_e0f1918e4edf2938.txt": {
        "doc_type": "kamerstuk_brief",
        "kamerstuk": "29362-290",
        "dossier": "29362",
        "ondernummer": 290,
        "vergaderjaar": "2020-2021",
        "date": "2021-03-05",
        "title": "Kabinetsreactie inzake rapporten Werk aan Uitvoering: het versterken van de "
        "publieke dienstverlening",
        "sender": "Minister van Sociale Zaken en Werkgelegenheid",
        "signer": "W. Koolmees",
        "kenmerk": None,
        "references": [
            "35387-2",
            "35510-2",
            "35510-4",
            "34700-25",
            "31490-271",
            "31490-284",
            "26643-721",
            "29362-282",
            "29362-289",
            "31490-295",
            "26448-641",
        ],
    },
    "004_438907e462307f5c.txt": {
        "doc_type": "kamerstuk_brief",
        "kamerstuk": "29362-318",
        "dossier": "29362",
        "ondernummer": 318,
        "vergaderjaar": "2022-2023",
        "date": "2022-12-22",
        "title": "Standen van de Uitvoering",
        "sender": "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
        "signer": "A.C. van Huffelen",
        "kenmerk": None,
        "references": [
            "29362-290",
            "35510-4",
            "35387-2",
            "35510-102",
            "26643-866",
            "26643-928",
            "25764-137",
            "27859-166",
        ],
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_metadata(name: str) -> None:
    raw = (BUNDLED_CORPUS / name).read_text(encoding="utf-8")
    metadata = extract_metadata(normalize_characters(raw), clean_text(raw)).to_dict()
    expected = EXPECTED[name]
    assert {key: metadata[key] for key in expected} == expected


def test_own_number_never_listed_as_reference() -> None:
    raw = (BUNDLED_CORPUS / "003_e0f1918e4edf2938.txt").read_text(encoding="utf-8")
    metadata = extract_metadata(normalize_characters(raw), clean_text(raw))
    assert "kst-29362-290" in raw and metadata.kamerstuk not in metadata.references


def test_missing_fields_stay_empty() -> None:
    text = "Een notitie zonder kop.\n\nHier staat alleen wat tekst over 35510, nr. 4."
    metadata = extract_metadata(text, text)
    assert metadata.kamerstuk is None and metadata.date is None and metadata.sender is None
    assert metadata.doc_type == "overig"
    assert metadata.references == ["35510-4"]
