import pytest

from ingest.references import KamerstukId, find_references, reference_spans, strip_references

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "written, expected",
    [
        ("Kamerstuk 35 510, nr. 2", ["35510-2"]),
        ("Kamerstukken II 2020/21, 29362, nr. 289", ["29362-289"]),
        ("kst-29362-290", ["29362-290"]),
        (
            "Motie Omtzigt, 35510, nr. 13 en motie Ploumen/Jetten, 35510, nr. 24.",
            ["35510-13", "35510-24"],
        ),
        ("Kamerstukken II, 2020-2021, 29 362 nr. 290, d.d. 5 maart 2021", ["29362-290"]),
        ("Kamerstuk 29 362 nr. 289.", ["29362-289"]),
        ("Kamerstuk, 35 387, nr. 2.", ["35387-2"]),
        ("Kamerstuk 26 643, nrs. 866 en 928.", ["26643-866", "26643-928"]),
        ("Kamerstukken 25 764 en 29 911, nr. 137", ["25764-137"]),
        ("kst-21501-02-3121", ["21501-02-3121"]),
        ("Kamerstuk 36 410-XIV, nr. 5", ["36410-XIV-5"]),
        ("in 2021 waren er 18.000 ouders en € 0,8 miljard", []),
        ("Vergaderjaar 2020-2021 29 362 Modernisering van de overheid", []),
    ],
)
def test_written_references_are_normalised(written: str, expected: list[str]) -> None:
    assert [r.normalized for r in find_references(written)] == expected


def test_duplicates_collapse_in_order_of_first_mention() -> None:
    text = "Kamerstuk 35 387, nr. 2 en later kst-35387-2 en Kamerstuk 29 362, nr. 290"
    assert [r.normalized for r in find_references(text)] == ["35387-2", "29362-290"]


def test_bare_ids_only_when_asked() -> None:
    assert find_references("zie 29362-290") == []
    assert [r.normalized for r in find_references("zie 29362-290", include_bare=True)] == [
        "29362-290"
    ]


def test_label_and_parse_round_trip() -> None:
    ref = KamerstukId.parse("29362-290")
    assert ref.label == "Kamerstuk 29 362, nr. 290"
    assert KamerstukId.parse("21501-02-3121").label == "Kamerstuk 21 501-02, nr. 3121"
    with pytest.raises(ValueError):
        KamerstukId.parse("29362")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What does parliamentary paper 36 410, no. 1 say about the budget?", ["36410-1"]),
        ("What is in Kamerstuk 29362 no. 290?", ["29362-290"]),
        ("Parliamentary document 29 362, number 318", ["29362-318"]),
        ("Budget papers 36410-XIV, nos. 3 and 4", ["36410-XIV-3", "36410-XIV-4"]),
        ("How many people work at the UWV in 2023?", []),
        ("No. 5 of 2022 in 12 rows", []),
    ],
)
def test_english_numbering_names_a_kamerstuk_in_a_question(
    question: str, expected: list[str]
) -> None:
    assert [r.normalized for r in find_references(question, include_bare=True)] == expected
    assert find_references(question) == []  # not a form of running Dutch document text


def test_stripping_leaves_what_the_question_is_about() -> None:
    text = strip_references("When was parliamentary paper 36 200, no. 12 sent?")
    assert "36" not in text and "12" not in text and "sent" in text


def test_reference_spans_cover_the_written_numbers() -> None:
    text = "Zie Kamerstuk 26 643, nrs. 866 en 928 en kst-29362-290 voor meer."
    assert [text[a:b] for a, b in reference_spans(text)] == [
        "26 643, nrs. 866 en 928",
        "kst-29362-290",
    ]
