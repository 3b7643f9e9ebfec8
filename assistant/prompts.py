"""Prompt templates live in `prompts/` as files with a small header (name, version)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.config import PROJECT_ROOT

PROMPTS_DIR = PROJECT_ROOT / "prompts"
_HEADER = re.compile(r"\A---\n(?P<header>.*?)\n---\n(?P<body>.*)\Z", re.DOTALL)


class PromptError(RuntimeError):
    """A prompt file is missing or malformed; the message names the file."""


@dataclass(frozen=True)
class Prompt:
    name: str
    version: int
    template: str

    def format(self, **values: str) -> str:
        return self.template.format(**values)

    def entries(self) -> dict[str, str]:
        """A glossary prompt's `key: text` lines as a mapping (e.g. asked types in Dutch)."""
        pairs = (line.split(":", 1) for line in self.template.splitlines() if ":" in line)
        return {key.strip(): text.strip() for key, text in pairs}


@cache
def load_prompt(name: str, directory: Path = PROMPTS_DIR) -> Prompt:
    """The prompt `name` from `<directory>/<name>.md`."""
    path = directory / f"{name}.md"
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PromptError(f"{path}: prompt niet te lezen ({exc.strerror})") from exc
    match = _HEADER.match(raw)
    if not match:
        raise PromptError(f"{path}: kop met 'name' en 'version' tussen --- ontbreekt")
    header = dict(line.split(":", 1) for line in match["header"].splitlines() if ":" in line)
    fields = {key.strip(): value.strip() for key, value in header.items()}
    if fields.get("name") != name or not fields.get("version", "").isdigit():
        raise PromptError(f"{path}: kop moet 'name: {name}' en een 'version: <getal>' hebben")
    return Prompt(name, int(fields["version"]), match["body"].strip() + "\n")
