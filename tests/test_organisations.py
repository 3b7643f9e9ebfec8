"""Other names for government organisations and roles map to the forms the stukken use."""

from __future__ import annotations

import pytest

from vectorstore.organisations import (
    acronym_in,
    alias_terms,
    corpus_forms,
    is_organisation,
    mentions,
    name_mentions,
    organisations_named,
)
from vectorstore.text_analysis import terms

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Hoeveel meldingen kreeg het zorgministerie binnen?", "VWS"),
        ("Welke diensten van Volksgezondheid schreven een Stand?", "VWS"),
        ("Wat zei de fiscus over de hersteloperatie?", "Belastingdienst"),
        ("Wanneer kreeg het parlement de brief?", "Tweede Kamer"),
        ("Welke bewindspersoon ondertekende de brief?", "minister"),
        ("Wat doet de Sociale Verzekeringsbank?", "SVB"),
    ],
)
def test_a_reader_name_adds_the_corpus_form(question: str, expected: str) -> None:
    assert expected in alias_terms(question)


def test_a_corpus_form_already_in_the_question_is_not_added() -> None:
    found = alias_terms("Wat schreef VWS over het ministerie van Volksgezondheid?")
    assert "VWS" not in found
    assert "Volksgezondheid, Welzijn en Sport" in found


def test_words_inside_other_words_do_not_match() -> None:
    # 'senaatsvoorzitter' holds 'senaat', 'departementaal' holds 'departement'
    assert alias_terms("Wat vond de senaatsvoorzitter van het departementale advies?") == []


def test_acronym_aliases_match_in_capitals_only() -> None:
    # 'ek' and 'tk' are no names in lower case; 'EK' is the Eerste Kamer
    assert alias_terms("Wat vindt de EK ervan?") == ["Eerste Kamer"]
    assert alias_terms("ik weet het ook niet, tk") == []


def test_a_question_without_organisations_adds_nothing() -> None:
    assert alias_terms("Hoeveel ouders kregen een compensatie van 30.000 euro?") == []


def test_a_one_word_other_name_has_corpus_forms() -> None:
    assert corpus_forms(terms("zorgministerie")[0]) == ("VWS", "Volksgezondheid, Welzijn en Sport")
    assert corpus_forms(terms("bewindspersonen")[0]) == ("minister", "staatssecretaris")
    assert corpus_forms(terms("reacties")[0]) == ()


def test_an_organisation_is_mentioned_by_any_of_its_names() -> None:
    assert mentions("Het ministerie van Volksgezondheid, Welzijn en Sport meldt", "VWS")
    assert mentions("De brief van VWS", "VWS")
    assert not mentions("De brief van BZK aan de Kamer", "VWS")
    assert not mentions("Vws-achtige afkortingen tellen niet", "VWS")  # capitals only
    assert mentions("Het Uitvoeringsinstituut Werknemersverzekeringen", "UWV")
    assert is_organisation("UWV") and is_organisation("Belastingdienst")
    assert not is_organisation("POK")  # a commission's report, not an organisation


def test_the_acronym_of_the_organisation_a_full_name_holds() -> None:
    assert acronym_in("Ministerie van Volksgezondheid, Welzijn en Sport") == "VWS"
    assert acronym_in("ministerie van binnenlandse zaken en koninkrijksrelaties") == "BZK"
    assert acronym_in("Ministerie van Financiën") is None  # no acronym in the thesaurus
    assert acronym_in("") is None


def test_the_organisations_a_text_names_without_the_roles() -> None:
    text = (
        "De minister schreef de Tweede Kamer dat RvIG en de Sociale Verzekeringsbank krap zitten."
    )
    assert organisations_named(text) == ["SVB", "RvIG"]


def test_an_organisation_is_found_by_its_other_names_not_its_acronym() -> None:
    text = "Wat deed BZK, en wat meldt het ministerie van Binnenlandse Zaken over Logius?"
    assert [text[a:b] for a, b in name_mentions(text, "BZK")] == [
        "ministerie van Binnenlandse Zaken"
    ]
    assert name_mentions("Het zorgministerie en VWS.", "VWS") == [(4, 18)]  # not "VWS"
