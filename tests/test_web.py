"""The REST API and the web page through FastAPI's test client: every endpoint, every error
path, and the one error shape."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from conftest import EXAMPLE
from unspin import Options, analyze
from unspin.batch.corpus import analyze_store
from unspin.stages.ingest import load
from unspin.store import Store
from unspin.web import WebSettings, create_app
from unspin.web.analysis import Source, read

FAST = ("language", "segment", "entities", "accusations")
TEXT = (
    "Interior Minister Tomas Rell accused the National Renewal Front of plotting attacks. "
    "The group, a shadowy outfit, denied the allegations."
)


def fast_analysis(source: Source, max_bytes: int) -> dict[str, Any]:
    """What the worker does, with the quick stages, in a thread."""
    if "BOOM" in str(source.content):
        raise RuntimeError("a bug")
    if "SLOW" in str(source.content):
        time.sleep(2)
    try:
        article = read(source, max_bytes)
    except Exception as error:
        from unspin.errors import UnspinError

        if isinstance(error, UnspinError):
            return {"error": error.to_dict(), "status": error.http_status}
        raise
    return {"report": analyze(article, options=Options(stages=FAST)).to_dict()}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    path = folder / "c.db"
    with Store.create(path) as opened:
        opened.add(load([folder], options=Options()))
        analyze_store(opened, options=Options(stages=FAST))
    return path


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    settings = WebSettings(
        store=store, function=fast_analysis, timeout=1.0, max_request_bytes=200_000, workers=2
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def bare() -> Iterator[TestClient]:
    with TestClient(
        create_app(WebSettings(function=fast_analysis)), raise_server_exceptions=False
    ) as test_client:
        yield test_client


def error_of(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["code"] == code
    return dict(body["error"])


def test_analyze_text_gives_the_report(client: TestClient) -> None:
    report = client.post("/api/analyze", json={"text": TEXT, "id": "rell"}).json()
    assert report["schema"] == "unspin/1" and report["article"]["id"] == "rell"
    assert report["accusations"][0]["cue"]["text"] == "accused"


def test_analyze_html_and_a_file_upload(client: TestClient) -> None:
    page = f"<html><body><article><p>{TEXT} {TEXT} {TEXT}</p></article></body></html>"
    assert client.post("/api/analyze", json={"html": page}).json()["entities"]
    uploaded = client.post(
        "/api/analyze/file", files={"file": ("a.txt", TEXT.encode(), "text/plain")}
    )
    assert uploaded.json()["article"]["id"] == "a"


@pytest.mark.parametrize(
    ("request_body", "status", "code"),
    [
        ({"text": TEXT, "html": "<p>x</p>"}, 400, "bad_request"),
        ({}, 400, "bad_request"),
        ({"text": 5}, 422, "invalid_request"),
        ({"txt": TEXT}, 400, "bad_request"),
        ({"text": "   "}, 422, "empty_input"),
        ({"text": "BOOM"}, 500, "internal_error"),
        ({"text": "SLOW"}, 504, "analysis_timeout"),
    ],
)
def test_analyze_errors_have_one_shape(
    client: TestClient, request_body: dict[str, Any], status: int, code: str
) -> None:
    error = error_of(client.post("/api/analyze", json=request_body), status, code)
    assert "Traceback" not in error["message"]


def test_a_body_over_the_limit_is_413(client: TestClient) -> None:
    error = error_of(client.post("/api/analyze", json={"text": "word " * 60_000}), 413, "too_large")
    assert error["detail"]["limit"] == 200_000


def test_a_binary_upload_is_415_and_broken_json_is_400(client: TestClient) -> None:
    binary = client.post("/api/analyze/file", files={"file": ("x.txt", b"\x00\x01\x02" * 10)})
    error_of(binary, 415, "binary_input")
    broken = client.post(
        "/api/analyze", content=b'{"text": "\xff\xfe', headers={"content-type": "application/json"}
    )
    error_of(broken, 400, "bad_request")


def test_unknown_routes_and_reports_are_404(client: TestClient, bare: TestClient) -> None:
    error_of(client.get("/api/nothing"), 404, "not_found")
    error_of(client.get("/api/reports/0000"), 404, "not_found")
    error_of(client.get("/api/articles/9999"), 404, "not_found")
    error_of(bare.get("/api/articles"), 404, "no_store")
    error_of(client.delete("/api/analyze"), 405, "method_not_allowed")


def test_the_store_endpoints(client: TestClient) -> None:
    listed = client.get("/api/articles", params={"limit": 5}).json()
    assert {a["ident"] for a in listed} == {"a", "b"}
    first = next(a for a in listed if a["ident"] == "a")
    assert client.get(f"/api/articles/{first['id']}").json()["article"]["text"] == TEXT
    assert client.get("/api/search", params={"q": "Marenport"}).json()[0]["ident"] == "b"
    labels = client.get("/api/actors/National Renewal Front/labels").json()
    assert "shadowy outfit" in {r["label"] for r in labels}
    assert client.get("/api/claims").json() == []
    assert client.get("/api/techniques").json() == []
    error_of(client.get("/api/articles", params={"limit": 0}), 422, "invalid_request")


def test_the_page_analyses_a_paste_and_offers_downloads(client: TestClient) -> None:
    assert 'id="analyse"' in client.get("/").text
    done = client.post("/analyze", data={"text": TEXT}, follow_redirects=False)
    assert done.status_code == 303
    page = client.get(done.headers["location"])
    assert "Tomas Rell" in page.text and "Download JSON" in page.text
    assert "script-src 'sha256-" in page.headers["content-security-policy"]
    key = done.headers["location"].rsplit("/", 1)[1]
    for fmt, marker in (("json", '"schema"'), ("html", "<!DOCTYPE html>"), ("md", "# ")):
        got = client.get(f"/api/reports/{key}", params={"format": fmt, "download": "true"})
        assert marker in got.text
        assert got.headers["content-disposition"].startswith("attachment")
    error_of(client.get(f"/api/reports/{key}", params={"format": "pdf"}), 400, "bad_request")


def test_a_failed_paste_shows_a_readable_message(client: TestClient) -> None:
    page = client.post("/analyze", data={"text": "   "})
    assert page.status_code == 422
    assert 'id="error"' in page.text and "empty" in page.text and "Traceback" not in page.text


def test_the_corpus_view_docs_and_static_files(client: TestClient, bare: TestClient) -> None:
    corpus = client.get("/corpus", params={"actor": "National Renewal Front"})
    assert "shadowy outfit" in corpus.text and "Articles by outlet and month" in corpus.text
    error_of(bare.get("/corpus"), 404, "no_store")
    assert "swagger-ui" in client.get("/docs").text
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/analyze", "/api/articles", "/api/search"} <= set(paths)
    assert client.get("/static/app.js").headers["x-content-type-options"] == "nosniff"


def test_the_real_pipeline_in_a_worker_process() -> None:
    settings = WebSettings(workers=1, timeout=300)
    with TestClient(create_app(settings)) as test_client:
        report = test_client.post("/api/analyze", json={"text": EXAMPLE.read_text()}).json()
    assert report["techniques"] and report["quotes"] and report["accusations"]
    assert json.dumps(report)
