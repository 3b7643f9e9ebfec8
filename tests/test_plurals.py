"""Dutch (and English) plural nouns, told from words that only end like one."""

import pytest

from vectorstore.plurals import is_plural

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "word",
    [
        "meldpunten",  # -en
        "zaken",  # -en after an open syllable: zaak
        "wetten",  # -en after a doubled consonant: wet
        "actielijnen",  # a compound: the plural of its head, lijn
        "organisaties",  # -s after -ie
        "wetenschappers",  # -s after -er
        "thema's",
        "services",
        "agencies",
        "adviezen",  # -zen of a singular in -s: advies
        "brieven",  # -ven of a singular in -f: brief
        "kamerleden",  # an irregular plural (lid) as the head of a compound
        "pleegkinderen",
    ],
)
def test_plurals(word: str) -> None:
    assert is_plural(word)


@pytest.mark.parametrize(
    "word",
    [
        "kans",  # -s after a consonant is no Dutch plural ending
        "proces",
        "status",
        "leven",  # 'lev' is much rarer than 'leven': no singular of it
        "teken",
        "keuken",
        "maatregel",
        "bewindspersoon",
        "les",  # one syllable before the -s: no Dutch -s plural ('le', 'wen', 'rei')
        "wens",
        "reis",
        "geleden",  # only ends like the irregular 'leden'
        "verleden",
    ],
)
def test_words_that_only_end_like_a_plural(word: str) -> None:
    assert not is_plural(word)
