"""The chat in a real browser: Playwright drives Debian's headless Chromium against the app on a
free loopback port (`make test` installs the `chromium` package when it is missing)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.app import build_service
from assistant.channels.service import ChannelService
from assistant.config import Settings
from assistant.feedback import FeedbackStore
from assistant.web import ChatApp
from tests.servers import free_port

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
QUESTION = "Hoeveel ouders hebben de eerste compensatie van 30.000 euro ontvangen?"


@pytest.fixture(scope="module")
def app_url(corpus_env: Settings) -> Iterator[str]:
    app = ChatApp(ChannelService(build_service(corpus_env)))
    blocks = app.build()
    port = free_port()
    blocks.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    blocks.close()


def test_ask_in_the_browser_see_sources_and_give_feedback(
    app_url: str, corpus_env: Settings, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    assert Path(CHROMIUM).exists(), "chromium ontbreekt: `apt-get install chromium` (make test)"
    before = len(list(FeedbackStore(corpus_env).rows()))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        outside: list[str] = []
        page.on(
            "request",
            lambda request: (
                None
                if request.url.startswith(app_url) or request.url.startswith("data:")
                else outside.append(request.url)
            ),
        )
        page.goto(app_url)
        page.locator("#vraag textarea").fill(QUESTION)
        page.locator("#verstuur").click()

        sources = page.locator("#bronnen")
        expect(sources).to_contain_text("kenmerk 2021-0000126162", timeout=60_000)
        expect(sources.locator("mark")).to_contain_text("ongeveer 18.000 ouders")
        expect(page.locator("#gesprek")).to_contain_text(
            "Tot dusver hebben ongeveer 18.000 ouders deze eerste compensatie van 30.000 euro "
            "ontvangen. [1]"
        )
        expect(page.locator("#kopie textarea")).to_have_value(
            re.compile(r"\[1\] Kamerbrief “Stand van zaken")
        )

        page.locator("#opmerking textarea").fill("Duidelijk antwoord")
        page.locator("#gesprek button[aria-label='Like']").last.click()
        expect(page.locator("#status")).to_contain_text("Bedankt", timeout=20_000)
        page.screenshot(path=str(tmp_path / "chat.png"), full_page=True)
        browser.close()

    assert outside == [], f"the page loaded something from outside the app: {outside}"

    rows = list(FeedbackStore(corpus_env).rows())
    assert len(rows) == before + 1
    last = rows[-1]
    assert last["rating"] == 1 and last["comment"] == "Duidelijk antwoord"
    assert last["question"] == QUESTION
    assert last["answer"]["citations"][0]["quote"].startswith("Tot dusver hebben ongeveer 18.000")
    assert (tmp_path / "chat.png").stat().st_size > 10_000
