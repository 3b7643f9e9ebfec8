"""The Dutch message every channel shows when a question cannot be answered."""

from __future__ import annotations

import pytest

from assistant.channels.errors import FAILED, user_message
from vectorstore.chroma_client import StoreError
from vectorstore.filters import FilterError
from vectorstore.validation import QuestionError

pytestmark = pytest.mark.unit


def test_the_users_own_mistakes_get_their_reason() -> None:
    assert user_message(QuestionError("Stel een vraag: het invoerveld is leeg.")) == (
        "Stel een vraag: het invoerveld is leeg."
    )
    assert user_message(FilterError("date_from: 'morgen' is geen datum")) == (
        "Het filter klopt niet: date_from: 'morgen' is geen datum"
    )


@pytest.mark.parametrize(
    "exc", [StoreError("chroma weg"), RuntimeError("endpoint down"), KeyError("bug")]
)
def test_anything_else_is_logged_and_gets_one_message(
    exc: Exception, caplog: pytest.LogCaptureFixture
) -> None:
    assert user_message(exc) == FAILED
    assert "answering failed" in caplog.text and type(exc).__name__ in caplog.text
