"""The Dutch message a channel shows when a question cannot be answered.

The user's own mistakes (an empty, too long or garbled question; a bad filter) get their reason;
anything else (the store, the embedding model, the language model, a bug) is logged and gets one
short message, never a stack trace.
"""

from __future__ import annotations

import logging

from vectorstore.filters import FilterError
from vectorstore.validation import QuestionError

log = logging.getLogger(__name__)

FAILED = "Er ging iets mis bij het zoeken in de stukken. Probeer het later opnieuw."


def user_message(exc: Exception) -> str:
    """What to tell the user about `exc` (logged with its traceback when it is not theirs)."""
    if isinstance(exc, FilterError):
        return f"Het filter klopt niet: {exc}"
    if isinstance(exc, QuestionError):
        return str(exc)
    log.error("answering failed", exc_info=exc)
    return FAILED
