"""The HTML report as a reader sees it, in headless Chromium (Debian's `chromium`).

Screenshots go to tests/output/. Without chromium the tests are skipped on a developer's
machine and fail in CI (CI=true), where .ci/run installs it.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import EXAMPLE, OUTPUT, annotate_example, plain
from test_report import HOSTILE
from unspin.report import render

pytestmark = pytest.mark.browser


def open_report(browser: Any, html: str, name: str) -> tuple[Any, list[str]]:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on(
        "request",
        lambda r: problems.append(f"request: {r.url}") if not r.url.startswith("file://") else None,
    )
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready=true]")
    return page, problems


def test_example_report_shows_highlights_and_explains_them(browser: Any) -> None:
    article = annotate_example(plain(EXAMPLE.read_text()))
    page, problems = open_report(browser, render(article, "html"), "example")
    highlights = page.locator("#article .seg.hl")
    assert highlights.count() >= 4
    page.screenshot(path=str(OUTPUT / "example.png"), full_page=True)
    page.locator("#article .seg.hl", has_text="Shameful").click()
    details = page.locator("#details")
    assert "Loaded language" in details.inner_text()
    assert "Words and phrases with strong emotional charge" in details.inner_text()
    assert "hand/test" in details.inner_text()
    page.locator("#quotes li").first.click()
    assert "Ilse Varga" in details.inner_text()
    assert page.locator(".seg.sel").count() >= 1
    page.screenshot(path=str(OUTPUT / "example-quote.png"), full_page=False)
    assert problems == []


def test_legend_filter_hides_a_technique(browser: Any) -> None:
    article = annotate_example(plain(EXAMPLE.read_text()))
    page, problems = open_report(browser, render(article, "html"), "filter")
    doubt = page.locator("#article .seg", has_text="really believe")
    assert "hl" in (doubt.get_attribute("class") or "")
    page.locator("#legend label", has_text="Doubt").locator("input").uncheck()
    assert "hl" not in (doubt.get_attribute("class") or "")
    page.locator("#legend label", has_text="Doubt").locator("input").check()
    assert "hl" in (doubt.get_attribute("class") or "")
    assert problems == []


def test_a_hostile_article_renders_inert(browser: Any) -> None:
    article = annotate_example(plain(EXAMPLE.read_text() + "\n\n" + HOSTILE))
    page, problems = open_report(browser, render(article, "html"), "hostile")
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, a, iframe').length") == 0
    assert "<script>window.__pwned = true</script>" in page.locator("#article").inner_text()
    page.screenshot(path=str(OUTPUT / "hostile.png"), full_page=True)
    assert problems == []


def test_the_analysed_example_lists_its_quotes_and_highlights_one_when_clicked(
    browser: Any,
) -> None:
    from unspin import analyze

    article = analyze(EXAMPLE.read_text())  # the default pipeline, shipped models
    page, problems = open_report(browser, render(article, "html"), "example-analysed")
    panel = page.locator("#quotes")
    assert "of check-worthy claims attributed" in panel.inner_text()
    rell = panel.locator("li", has_text="Tomas Rell").first
    rell.click()
    details = page.locator("#details").inner_text()
    assert "Tomas Rell" in details and "accuse" in details
    selected = page.locator("#article .seg.sel")
    assert selected.count() >= 1
    assert "accused" in " ".join(selected.all_inner_texts())
    page.screenshot(path=str(OUTPUT / "example-analysed-quote.png"), full_page=False)
    assert problems == []
