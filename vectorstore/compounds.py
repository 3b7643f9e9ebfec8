"""Dutch compound splitting: 'uitvoeringsorganisaties' -> 'uitvoering', 'organisaties'.

Dutch writes compounds as one word, so a question about 'regels' misses a passage about
'regelgeving' and 'dienstverlening' never meets 'dienst'. A word is split where both sides are
common Dutch words (wordfreq's offline frequency list), allowing the linking 's' or 'e(n)'
between them; the head (right part) is split again. The parts are extra terms next to the whole
word, never a replacement.
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

MIN_WORD = 8  # shorter words are not split
MIN_PART = 3  # a part has at least this many letters
MIN_ZIPF = 3.0  # both parts at least this common (zipf 3 = once per million words)
_LINKS = ("s", "en", "e", "")  # linking morphemes between modifier and head
# Separable particles: 'voorstellen', 'ondertekende', 'uitvoeren' are verbs, not compounds.
_PARTICLES = frozenset(
    "aan af bij door in mee na om onder op over tegen toe uit voor weg terug samen achter neer "
    "vast los vol ver".split()
)


def _frequency(word: str) -> float:
    return zipf_frequency(word, "nl") if len(word) >= MIN_PART else 0.0


def _best_split(word: str) -> tuple[str, str] | None:
    """(modifier, head) where both are common words, preferring the split whose rarer part is
    most common; None when no split qualifies or the word is more common than its parts."""
    # A word more common than its parts is a word of its own ('voorstellen' is not voorst+ellen).
    best: tuple[float, str, str] = (_frequency(word), "", "")
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head = word[cut:]
        head_frequency = _frequency(head)
        if head_frequency < MIN_ZIPF:
            continue
        for link in _LINKS:
            left = word[:cut]
            if link and not left.endswith(link):
                continue
            modifier = left[: len(left) - len(link)]
            if modifier in _PARTICLES:
                continue
            score = min(_frequency(modifier), head_frequency)
            if score >= MIN_ZIPF and score > best[0]:
                best = (score, modifier, head)
    return (best[1], best[2]) if best[1] else None


@lru_cache(maxsize=65536)
def compound_parts(word: str) -> tuple[str, ...]:
    """The known parts of a lower-case compound word, modifier(s) first; () when the word is
    not a compound of common words. Hyphenated words split at their hyphens too."""
    if "-" in word:
        pieces = [piece for piece in word.split("-") if piece]
        return tuple(part for piece in pieces for part in (piece, *compound_parts(piece)))
    if len(word) < MIN_WORD:
        return ()
    split = _best_split(word)
    if split is None:
        return ()
    modifier, head = split
    return (modifier, head, *compound_parts(head))


def coined_parts(word: str) -> tuple[str, ...]:
    """The parts of a compound made for the occasion ('ombudsmanstuk', 'gastouderzaak'), whose
    meaning is that of its parts; () for a word of its own ('landbouw', 'dienstplicht': common
    words whose parts say something else) and for a word that is no compound."""
    if _frequency(word) >= MIN_ZIPF:  # a common word itself
        return ()
    return compound_parts(word)
