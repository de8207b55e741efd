"""The web page as a user meets it, in headless Chromium against a real server (uvicorn on
127.0.0.1) with the shipped models: paste the example, click a highlight, filter, download;
and a malicious article that must leave the page working with no script of its own run.
Screenshots go to tests/output/."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
import uvicorn

from conftest import EXAMPLE, OUTPUT
from test_report import HOSTILE
from unspin.web import WebSettings, create_app

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = free_port()
    app = create_app(WebSettings(workers=1, timeout=300, max_request_bytes=2 * 1024 * 1024))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=30)


def open_page(browser: Any, url: str) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(url)
    return page, problems


def analyse(page: Any, text: str) -> None:
    page.fill("#text", text)
    page.click("#go")
    page.wait_for_url("**/reports/*", timeout=180_000)
    page.wait_for_selector("body[data-ready=true]")


def test_paste_the_example_click_a_highlight_filter_and_download(
    browser: Any, server: str, tmp_path: Path
) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page, problems = open_page(browser, server + "/")
    page.screenshot(path=str(OUTPUT / "web-paste.png"))
    analyse(page, EXAMPLE.read_text(encoding="utf-8"))
    highlights = page.locator("#article .seg.hl")
    assert highlights.count() >= 3
    page.screenshot(path=str(OUTPUT / "web-report.png"), full_page=True)
    highlights.first.click()
    details = page.locator("#details").inner_text()
    assert "Technique" in details and "Confidence" in details and "model/" in details
    page.screenshot(path=str(OUTPUT / "web-explanation.png"))
    css = next(
        c for c in (highlights.first.get_attribute("class") or "").split() if c.startswith("tq-")
    )
    box = page.locator(f"#legend input[data-technique={css}]")
    assert page.locator(f"#article .seg.hl.{css}").count() >= 1
    box.uncheck()
    assert page.locator(f"#article .seg.hl.{css}").count() == 0
    box.check()
    assert page.locator(f"#article .seg.hl.{css}").count() >= 1
    with page.expect_download() as waiting:
        page.click("text=Download JSON")
    saved = tmp_path / "report.json"
    waiting.value.save_as(saved)
    assert json.loads(saved.read_text())["schema"] == "unspin/1"
    page.locator("#actors li").first.click()
    assert page.locator("#article .seg.sel").count() >= 1
    rell = page.locator("#actor-filter option", has_text="Tomas Rell").get_attribute("value")
    page.select_option("#actor-filter", rell)
    shown = page.locator("#quotes li:not([hidden]), #accusations li:not([hidden])")
    assert shown.count() >= 2
    assert all("Rell" in text for text in shown.all_inner_texts())
    assert page.locator("#quotes li[hidden]").count() >= 1
    page.screenshot(path=str(OUTPUT / "web-actor-filter.png"))
    page.select_option("#actor-filter", "")
    assert page.locator("#quotes li[hidden]").count() == 0
    assert problems == []


def test_a_malicious_article_runs_no_script_and_leaves_the_page_working(
    browser: Any, server: str
) -> None:
    page, problems = open_page(browser, server + "/")
    analyse(page, EXAMPLE.read_text(encoding="utf-8") + "\n\n" + HOSTILE)
    assert page.evaluate("window.__pwned") is None
    assert (
        page.evaluate("document.querySelectorAll('#article img, #article a, iframe').length") == 0
    )
    assert "<script>window.__pwned = true</script>" in page.locator("#article").inner_text()
    page.locator("#article .seg.hl").first.click()
    assert page.locator("#details dl").count() >= 1
    page.screenshot(path=str(OUTPUT / "web-hostile.png"), full_page=True)
    page.goto(server + "/")
    page.fill("#text", "x" * (10 * 1024 * 1024))  # a 10 MB paste, over the server's limit
    page.click("#go")
    page.wait_for_selector("#error")
    assert "too large" in page.locator("#error").inner_text()
    page.goto(server + "/")
    broken = "Caf\u00e9 owner".encode()[:4] + b"\xff\xfe " + EXAMPLE.read_bytes()
    page.set_input_files(
        "#file", {"name": "broken.txt", "mimeType": "text/plain", "buffer": broken}
    )
    page.click("#go")
    page.wait_for_url("**/reports/*", timeout=180_000)
    page.wait_for_selector("body[data-ready=true]")
    warning = page.locator(".warning").inner_text()  # read, with a word on its encoding
    assert "UTF-8" in warning or "could not be decoded" in warning
    assert page.evaluate("window.__pwned") is None
    assert [p for p in problems if "413" not in p] == []  # the refused post itself
