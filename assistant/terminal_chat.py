"""The chat in the terminal (`uitvoering chat --terminal`): a question loop over `ChannelService`,
one conversation per run, each answer followed by its sources."""

from __future__ import annotations

from collections.abc import Callable

from assistant.channels.citations_text import source_list
from assistant.channels.service import ChannelService

_STOP = {"", "stop", "exit", "quit"}
_CONVERSATION = "terminal"


def run_terminal_chat(channel: ChannelService, read: Callable[[str], str] = input) -> int:
    """Ask questions until an empty line, 'stop' or end of input; returns the exit status."""
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
        print(reply.text)
        if reply.answer is not None and (sources := source_list(reply.answer)):
            print(sources)
    return 0
