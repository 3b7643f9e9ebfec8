"""`uitvoering chat` and `uitvoering slack`: --host/--port (or the settings) reach the server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import gradio as gr
import pytest
import uvicorn

from assistant.cli import build_parser, main
from assistant.config import Settings, get_settings

pytestmark = pytest.mark.integration


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What the Gradio launch and uvicorn.run were called with (neither really starts)."""
    calls: dict[str, Any] = {}
    monkeypatch.setattr(gr.Blocks, "launch", lambda self, **kwargs: calls.update(gradio=kwargs))
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.update(uvicorn=kwargs))
    return calls


@pytest.fixture
def fresh_settings(corpus_env: Settings) -> Iterator[None]:
    """Settings read again from the environment (after a test's monkeypatch.setenv)."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.parametrize("command", ["chat", "slack"])
def test_host_and_port_are_parsed(command: str) -> None:
    args = build_parser().parse_args([command, "--host", "0.0.0.0", "--port", "8123"])
    assert (args.host, args.port) == ("0.0.0.0", 8123)
    defaults = build_parser().parse_args([command])
    assert (defaults.host, defaults.port) == (None, None)  # the settings decide


def test_chat_listens_where_asked(
    corpus_env: Settings, launched: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["chat", "--host", "127.0.0.2", "--port", "8123"]) == 0
    kwargs = launched["gradio"]
    assert (kwargs["server_name"], kwargs["server_port"]) == ("127.0.0.2", 8123)
    assert kwargs["share"] is False and kwargs["auth"] is None
    assert "Chat op http://127.0.0.2:8123 (stoppen met Ctrl+C)" in capsys.readouterr().out


def test_chat_defaults_come_from_the_environment(
    fresh_settings: None, launched: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UITVOERING_WEB_PORT", "8765")
    monkeypatch.setenv("UITVOERING_WEB_USERS", "ambtenaar:geheim")
    assert main(["chat"]) == 0
    kwargs = launched["gradio"]
    assert (kwargs["server_name"], kwargs["server_port"]) == ("127.0.0.1", 8765)
    assert kwargs["auth"] == [("ambtenaar", "geheim")]
    assert main(["chat", "--port", "8766"]) == 0
    assert launched["gradio"]["server_port"] == 8766  # the option wins over the variable


def test_slack_listens_where_asked_or_where_the_settings_say(
    fresh_settings: None,
    launched: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "geheim")
    monkeypatch.setenv("UITVOERING_SLACK_PORT", "3999")
    assert main(["slack"]) == 0
    assert (launched["uvicorn"]["host"], launched["uvicorn"]["port"]) == ("127.0.0.1", 3999)
    assert main(["slack", "--host", "127.0.0.3", "--port", "3001"]) == 0
    assert (launched["uvicorn"]["host"], launched["uvicorn"]["port"]) == ("127.0.0.3", 3001)
    assert "Slack-events op http://127.0.0.3:3001/slack/events" in capsys.readouterr().out


def test_slack_without_tokens_or_app_token_is_a_usage_error(
    fresh_settings: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    assert main(["slack"]) == 2
    assert "zet SLACK_BOT_TOKEN en SLACK_SIGNING_SECRET" in capsys.readouterr().err
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "geheim")
    get_settings.cache_clear()
    assert main(["slack", "--socket"]) == 2
    assert "Socket Mode vraagt om SLACK_APP_TOKEN" in capsys.readouterr().err
