"""Web app security: write token, request size limit, escaping of article text, bind rules."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from eventcoder.model import Actor, Article, Event, Evidence
from eventcoder.web.app import create_app
from eventcoder.web.security import is_loopback

TOKEN = "s3cret-token-for-tests"
HOSTILE = 'Der Sprecher sagte: <script>alert("x")</script> & <img src=x onerror=alert(1)>.'
LOCAL = "http://127.0.0.1:8000"  # writes to a loopback-bound server name a loopback host


class NoEvents:
    version = "none"

    def code(self, article: Article) -> list[Event]:
        return []


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "web.db")


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert is_loopback("127.0.1.1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    assert not is_loopback("example.org")


def test_non_loopback_without_token_is_refused(db: str) -> None:
    with pytest.raises(ValueError, match="token"):
        create_app(db, host="0.0.0.0")
    create_app(db, host="0.0.0.0", token=TOKEN)  # fine with a token


def test_write_needs_token_when_configured(db: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    app = create_app(db, coder=NoEvents(), token=TOKEN, host="0.0.0.0")
    payload = {"text": "Die Regierung hat Gespräche angekündigt.", "lang": "de"}
    with TestClient(app, base_url=LOCAL) as client:
        assert client.post("/articles", json=payload).status_code == 401
        wrong = {"Authorization": "Bearer nope"}
        assert client.post("/articles", json=payload, headers=wrong).status_code == 401
        ok = client.post("/articles", json=payload, headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 201
        alt = client.post(
            "/articles",
            json={**payload, "text": payload["text"] + " Morgen mehr."},
            headers={"X-Eventcoder-Token": TOKEN},
        )
        assert alt.status_code == 201
        # the token is never taken from the URL (it would end up in access logs)
        assert client.post(f"/articles?token={TOKEN}", json=payload).status_code == 401
        # reading needs no token
        assert client.get("/events").status_code == 200
        form = {"text": "Die Polizei hat zwei Männer festgenommen.", "lang": "de"}
        assert client.post("/ui/paste", data=form).status_code == 401
        pasted = client.post("/ui/paste", data={**form, "token": TOKEN}, follow_redirects=False)
        assert pasted.status_code == 303
    server_logs = [r.getMessage() for r in caplog.records if not r.name.startswith("httpx")]
    assert server_logs and not any(TOKEN in m for m in server_logs)


def test_loopback_without_token_allows_writes(db: str) -> None:
    with TestClient(create_app(db, coder=NoEvents()), base_url=LOCAL) as client:
        response = client.post("/articles", json={"text": "Ein kurzer Text.", "lang": "de"})
        assert response.status_code == 201


def test_cross_site_form_post_is_refused(db: str) -> None:
    with TestClient(create_app(db, coder=NoEvents()), base_url=LOCAL) as client:
        response = client.post(
            "/ui/paste",
            data={"text": "Ein Text.", "lang": "de"},
            headers={"Origin": "https://evil.example"},
        )
        assert response.status_code == 403
        assert client.get("/events").json()["total"] == 0


def test_request_size_limit(db: str) -> None:
    app = create_app(db, coder=NoEvents(), max_body=10_000)
    with TestClient(app, base_url=LOCAL) as client:
        big = {"text": "Wort " * 5000, "lang": "de"}
        assert client.post("/articles", json=big).status_code == 413
        form = client.post("/ui/paste", data={"text": "Wort " * 5000})
        assert form.status_code == 413

        def chunks():  # no Content-Length: the limit is enforced while reading
            for _ in range(20):
                yield b"x" * 1000

        streamed = client.post(
            "/articles", content=chunks(), headers={"content-type": "text/plain"}
        )
        assert streamed.status_code == 413
        small = client.post("/articles", json={"text": "Wort " * 100, "lang": "de"})
        assert small.status_code == 201


def test_article_text_is_escaped_everywhere(db: str) -> None:
    text = "Polizisten nahmen drei Demonstranten fest. " + HOSTILE
    article = Article(text=text, title="<b>Titel</b><script>bad()</script>", lang="de")
    ev = Event(type="COERCE", evidence=Evidence(text=HOSTILE, start=43, end=43 + len(HOSTILE)))
    ev.source = [Actor("<script>", start=text.index("<script>"), end=text.index("<script>") + 8)]
    article.events = [ev]
    from eventcoder.store import open_store

    with open_store(db) as store:
        store.add_article(article)
    with TestClient(create_app(db, coder=NoEvents()), base_url=LOCAL) as client:
        for url in (f"/ui/articles/{article.id}", "/ui/events", "/"):
            html = client.get(url).text
            assert "<script>alert" not in html and "<script>bad" not in html, url
            assert "<img src=x" not in html, url
        page = client.get(f"/ui/articles/{article.id}").text
        assert "&lt;script&gt;alert(" in page and "&lt;img src=x" in page
        assert "&lt;b&gt;Titel&lt;/b&gt;" in page
        assert '<mark class="evidence"' in page


def test_paste_form_rerenders_escaped_input_on_error(db: str) -> None:
    with TestClient(create_app(db, coder=NoEvents()), base_url=LOCAL) as client:
        response = client.post("/ui/paste", data={"text": "  ", "title": "<script>x()</script>"})
        assert response.status_code == 400
        assert "<script>x()" not in response.text
        assert "&lt;script&gt;x()" in response.text


class Broken:
    version = "broken"

    def code(self, article: Article) -> list[Event]:
        raise TypeError("engine bug")


def test_coder_failure_is_reported_and_nothing_stored(db: str) -> None:
    with TestClient(
        create_app(db, coder=Broken()), base_url=LOCAL, raise_server_exceptions=False
    ) as client:
        response = client.post("/articles", json={"text": "Ein Text.", "lang": "de"})
        assert response.status_code == 500
        assert "engine bug" in response.json()["detail"]
        page = client.post("/ui/paste", data={"text": "Ein Text.", "title": "<i>T</i>"})
        assert page.status_code == 500 and "engine bug" in page.text
        assert "&lt;i&gt;T&lt;/i&gt;" in page.text
        assert client.get("/events").json()["total"] == 0
        assert client.get("/articles.jsonl").text == ""


# -- cross-site and DNS-rebinding writes (issue 14 item 2) ---------------------------------

PLAIN = {"content-type": "text/plain"}
NEWS = "Die Regierung hat am Montag neue Gespräche mit der Opposition angekündigt."


def test_text_plain_post_from_a_foreign_origin_is_refused(db: str) -> None:
    with TestClient(create_app(db, coder=NoEvents()), base_url=LOCAL) as client:
        evil = {**PLAIN, "Origin": "http://evil.example"}
        response = client.post("/articles?lang=de", content=NEWS, headers=evil)
        assert response.status_code == 403 and "Origin" in response.json()["detail"]
        cross = {**PLAIN, "Sec-Fetch-Site": "cross-site"}
        assert client.post("/articles", content=NEWS, headers=cross).status_code == 403
        null = {**PLAIN, "Origin": "null"}
        assert client.post("/articles", content=NEWS, headers=null).status_code == 403
        assert client.get("/events").json()["total"] == 0
        # the same page's own scripts and non-browser clients may write
        own = {**PLAIN, "Origin": LOCAL, "Sec-Fetch-Site": "same-origin"}
        assert client.post("/articles?lang=de", content=NEWS, headers=own).status_code == 201
        plain_client = client.post("/articles?lang=de", content=NEWS + " Mehr.", headers=PLAIN)
        assert plain_client.status_code == 201


def test_dns_rebinding_host_is_refused_when_bound_to_loopback(db: str) -> None:
    app = create_app(db, coder=NoEvents())
    # after DNS rebinding the browser calls evil.example (now 127.0.0.1) "same origin"
    with TestClient(app, base_url="http://evil.example:8000") as client:
        same = {**PLAIN, "Origin": "http://evil.example:8000", "Sec-Fetch-Site": "same-origin"}
        response = client.post("/articles?lang=de", content=NEWS, headers=same)
        assert response.status_code == 403 and "loopback" in response.json()["detail"]
        assert client.post("/ui/paste", data={"text": NEWS}).status_code == 403
    for base in ("http://localhost:8000", "http://[::1]:8000", "http://127.0.0.1"):
        with TestClient(app, base_url=base) as client:
            text = f"{NEWS} ({base})"
            assert client.post("/articles?lang=de", content=text, headers=PLAIN).status_code == 201
    # bound to a public address (a token is required then), any Host may write with the token
    public = create_app(db, coder=NoEvents(), token=TOKEN, host="0.0.0.0")
    with TestClient(public, base_url="http://news.example.org") as client:
        auth = {**PLAIN, "Authorization": f"Bearer {TOKEN}"}
        ok = client.post("/articles?lang=de", content=NEWS + " Ende.", headers=auth)
        assert ok.status_code == 201


# -- headers on every response (issue 14 item 3) -------------------------------------------


def test_security_headers_on_every_kind_of_response(db: str) -> None:
    app = create_app(db, coder=NoEvents())

    @app.get("/boom-for-test")
    def boom() -> None:
        raise RuntimeError("unhandled")

    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as client:
        responses = {
            "json": client.get("/events"),
            "csv": client.get("/events.csv"),
            "jsonl": client.get("/events.jsonl"),
            "html": client.get("/"),
            "static": client.get("/static/" + _a_static_file()),
            "404": client.get("/no/such/path"),
            "404-api": client.get("/events/nope"),
            "422": client.get("/events?limit=abc"),
            "413": client.post("/articles", content=b"x" * (3 * 1024 * 1024), headers=PLAIN),
            "403": client.post("/articles", content=NEWS, headers={"Origin": "http://evil.example"}),
            "500": client.get("/boom-for-test"),
        }
    assert responses["500"].status_code == 500 and responses["422"].status_code == 422
    for kind, response in responses.items():
        assert response.headers.get("x-content-type-options") == "nosniff", kind
        assert "frame-ancestors 'none'" in response.headers.get("content-security-policy", ""), kind
    assert "default-src 'self'" in responses["html"].headers["content-security-policy"]
    assert responses["json"].headers["content-security-policy"].startswith("default-src 'none'")


def _a_static_file() -> str:
    from eventcoder.web.app import STATIC_DIR

    return sorted(p.name for p in STATIC_DIR.iterdir() if p.is_file())[0]
