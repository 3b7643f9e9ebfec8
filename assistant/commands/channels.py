"""`uitvoering chat` (browser or `--terminal`) and `uitvoering slack`: each builds the one
`ChannelService` and hands it to its channel adapter.

A new channel is one more command here: its `cmd_…` and `add_…_parser`, and that parser added to
`CHANNEL_COMMANDS` (the CLI lists those after `ask`)."""

from __future__ import annotations

import argparse

from assistant import app
from assistant.channels.adapter import Channel
from assistant.channels.service import ChannelService
from assistant.commands.common import Subparsers, UsageError
from assistant.config import BUNDLED_CORPUS, Settings


def web_users(settings: Settings) -> list[tuple[str, str]] | None:
    """The chat's basic-auth users from UITVOERING_WEB_USERS ('naam:wachtwoord,…'), if set."""
    if settings.web_users is None:
        return None
    pairs = [item.split(":", 1) for item in settings.web_users.get_secret_value().split(",")]
    if any(len(pair) != 2 or not all(pair) for pair in pairs):
        raise UsageError(
            "UITVOERING_WEB_USERS moet de vorm 'naam:wachtwoord,naam2:wachtwoord2' hebben"
        )
    return [(name, password) for name, password in pairs]


def add_address_arguments(parser: argparse.ArgumentParser, host_env: str, port_env: str) -> None:
    """--host and --port; unset, the settings (and so their environment variables) decide."""
    parser.add_argument("--host", help=f"adres om op te luisteren (standaard {host_env})")
    parser.add_argument("--port", type=int, help=f"poort (standaard {port_env})")


def _serve(channel: Channel, host: str, port: int, announcement: str) -> int:
    print(announcement.format(address=f"http://{host}:{port}"))
    channel.serve(host, port)
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    store = app.build_store(settings)
    if store.count() == 0:
        print("De collectie is leeg: het meegeleverde corpus wordt eerst ingelezen.")
        app.ingest(settings, [BUNDLED_CORPUS], store, progress=True)
    channel = ChannelService(app.build_service(settings, store))
    if args.terminal:
        from assistant.terminal_chat import run_terminal_chat

        return run_terminal_chat(channel)
    from assistant.web import ChatApp

    chat = ChatApp(channel, users=web_users(settings))
    host = args.host or settings.web_host
    port = settings.web_port if args.port is None else args.port
    return _serve(chat, host, port, "Chat op {address} (stoppen met Ctrl+C)")


def cmd_slack(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.slack_bot import SlackBot, SlackConfigError

    try:
        bot = SlackBot(ChannelService(app.build_service(settings)), settings)
    except SlackConfigError as exc:
        raise UsageError(str(exc)) from exc
    if args.socket:
        if settings.slack_app_token is None:
            raise UsageError("Socket Mode vraagt om SLACK_APP_TOKEN (xapp-…)")
        bot.serve_socket_mode(settings.slack_app_token.get_secret_value())
        return 0
    host = args.host or settings.slack_host
    port = settings.slack_port if args.port is None else args.port
    return _serve(bot, host, port, "Slack-events op {address}/slack/events")


def add_slack_parser(sub: Subparsers) -> None:
    slack = sub.add_parser("slack", help="de Slack-bot starten (HTTP of --socket)")
    slack.add_argument("--socket", action="store_true", help="Socket Mode in plaats van HTTP")
    add_address_arguments(slack, "UITVOERING_SLACK_HOST, 127.0.0.1", "UITVOERING_SLACK_PORT, 3000")
    slack.set_defaults(handler=cmd_slack)


def add_chat_parser(sub: Subparsers) -> None:
    chat = sub.add_parser("chat", help="de chat in de browser openen (Gradio)")
    chat.add_argument("--terminal", action="store_true", help="vragen stellen in de terminal")
    add_address_arguments(chat, "UITVOERING_WEB_HOST, 127.0.0.1", "UITVOERING_WEB_PORT, 7860")
    chat.set_defaults(handler=cmd_chat)


# The channel commands `assistant.cli` registers (chat is listed last in --help, on its own).
CHANNEL_COMMANDS = (add_slack_parser,)
