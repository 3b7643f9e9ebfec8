"""Whitespace squashing shared by the layers."""

from __future__ import annotations

import pytest

from ingest.text import squash

pytestmark = pytest.mark.unit


def test_squash_makes_every_whitespace_run_one_space_and_strips_the_ends() -> None:
    assert squash("\n  70\treacties\r\n\n(zie)  ") == "70 reacties (zie)"
    assert squash("een") == "een" and squash(" \n ") == ""
