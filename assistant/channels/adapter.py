"""The family of network channels: a front end over `ChannelService` that a CLI command starts."""

from __future__ import annotations

from typing import Protocol


class Channel(Protocol):
    """Built with a `ChannelService` (and the settings it needs); `serve` blocks until stopped."""

    def serve(self, host: str, port: int) -> None: ...
