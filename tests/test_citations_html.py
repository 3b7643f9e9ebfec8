"""An answer's citations as the web chat's HTML sources panel."""

from __future__ import annotations

import pytest

from assistant.answer_models import Answer, Citation
from assistant.channels.citations_html import NO_SOURCES, sources_html

pytestmark = pytest.mark.unit


def test_quote_is_marked_in_its_context_with_sender_and_link() -> None:
    quote = "ongeveer 18.000 ouders"
    citation = Citation(
        1, "Kamerstuk 29 362, nr. 290", "29362-290", "a.txt", "T", None, quote, "c1"
    )
    text = "x" * 400 + f" Tot dusver hebben {quote} dit ontvangen."
    panel = sources_html(Answer("v", "a [1]", False, [citation]), {"c1": text}, {"a.txt": "Min"})
    assert panel.startswith("<div class='bron' data-n='1'><h4>[1] Kamerstuk 29 362, nr. 290</h4>")
    assert f"…{'x' * 281} Tot dusver hebben <mark>{quote}</mark> dit ontvangen." in panel
    assert "<p><small>Afzender: Min</small></p>" in panel
    assert "href='https://zoek.officielebekendmakingen.nl/kst-29362-290.html'" in panel


def test_quote_outside_the_passage_and_no_citations() -> None:
    citation = Citation(1, "Kamerbrief", None, "a.txt", None, None, "<q>", "c1")
    panel = sources_html(Answer("v", "a [1]", False, [citation]), {}, {})
    assert "<blockquote><mark>&lt;q&gt;</mark></blockquote>" in panel
    assert "Afzender" not in panel and "href" not in panel
    assert sources_html(Answer("v", "nee", True), {}, {}) == NO_SOURCES
