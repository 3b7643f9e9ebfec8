"""The chat in the terminal (`uitvoering chat --terminal`): a question loop over `ChannelService`,
one conversation per run, each answer (its direct answer first, bold on a terminal) followed by
its sources."""

from __future__ import annotations

import sys
from collections.abc import Callable

from assistant.channels.citations_text import source_list
from assistant.channels.direct_answer import answer_layout
from assistant.channels.service import ChannelService, Reply

_STOP = {"", "stop", "exit", "quit"}
_CONVERSATION = "terminal"
_BOLD, _NORMAL = "\033[1m", "\033[0m"


def terminal_text(reply: Reply, bold: bool) -> str:
    """The reply as printed: a direct answer as a paragraph of its own before the quotes, in bold
    when `bold` (a terminal, not a pipe)."""
    if reply.answer is None:
        return reply.text
    layout = answer_layout(reply.answer)
    direct = f"{_BOLD}{layout.direct}{_NORMAL}" if bold and layout.direct else layout.direct
    return "\n\n".join(part for part in (layout.preface, direct, layout.body) if part)


def run_terminal_chat(
    channel: ChannelService, read: Callable[[str], str] = input, bold: bool | None = None
) -> int:
    """Ask questions until an empty line, 'stop' or end of input; returns the exit status.
    `bold`: emphasise direct answers (default: when standard output is a terminal)."""
    bold = sys.stdout.isatty() if bold is None else bold
    print("uitvoering-assistent: stel een vraag over de stukken (leeg of 'stop' om te stoppen).")
    while True:
        try:
            question = read("\nVraag> ").strip()
        except EOFError:
            break
        if question.lower() in _STOP:
            break
        reply = channel.ask(question, conversation_id=_CONVERSATION)
        print()
        print(terminal_text(reply, bold))
        if reply.answer is not None and (sources := source_list(reply.answer)):
            print(sources)
    return 0
