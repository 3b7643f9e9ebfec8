"""The channel layer: what every front end (web chat, Slack bot, terminal chat) shares.

- `service.ChannelService`: answers with per-conversation memory, and feedback on answers;
- `conversations.ConversationStore`: the last turns per conversation id, bounded, LRU;
- `errors.user_message`: the Dutch message for a question that cannot be answered;
- `citations_text`, `citations_html`, `citations_slack`: an answer's citations as plain text,
  HTML and Slack Block Kit.

A channel is one adapter module (`assistant/web.py`, `assistant/slack_bot.py`,
`assistant/terminal_chat.py`) that turns its platform's events into `ChannelService` calls and
lays out the `Reply`; a network channel implements `adapter.Channel` (`serve(host, port)`) and is
started by one command in `assistant/commands/channels.py`.
"""
