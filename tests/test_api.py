"""The library API (eventcoder.api): file -> real coder -> SQLite store, one CoderConfig for
every command, per-record language errors, and the CLI and web intake going through it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from eventcoder import api
from eventcoder.cli import cli
from eventcoder.config import CoderConfig, ConfigError
from eventcoder.ingest import InputError
from eventcoder.language import registry
from eventcoder.web.app import create_app

# our own example sentences
GERMAN = "Die Polizei nahm am Dienstag in Leipzig zwölf Demonstranten fest.\n"
ENGLISH = "Rebels attacked an army base near Goma on Sunday, killing three soldiers.\n"
# a made-up verb that no built-in lexicon knows, in German and in English forms
INVENTED_DE = "Die Gewerkschaft plumbierte am Montag in Bremen.\n"
INVENTED_EN = "The union plumbified in Leeds on Monday.\n"
LEXICON = (
    "# test triggers written for eventcoder's tests (Apache-2.0)\n"
    "pattern\ttype\tmode\tcameo\tframe\n"
    "plumbi*\tPROTEST\tdemonstrate\t141\tsubj\n"
)


@pytest.fixture
def texts(tmp_path: Path) -> dict[str, Path]:
    files = {"de": GERMAN, "en": ENGLISH, "inv_de": INVENTED_DE, "inv_en": INVENTED_EN}
    out = {}
    for name, text in files.items():
        out[name] = tmp_path / f"{name}.txt"
        out[name].write_text(text, encoding="utf-8")
    out["lexicon"] = tmp_path / "triggers.tsv"
    out["lexicon"].write_text(LEXICON, encoding="utf-8")
    return out


def test_file_to_real_coder_to_sqlite_store(tmp_path: Path, texts) -> None:
    db = str(tmp_path / "api.db")
    errors: list[str] = []
    with api.open_store(db) as store:
        summary = api.ingest([str(texts["de"]), str(texts["en"])], store, on_error=errors.append)
    assert errors == [] and summary.read == 2 and summary.new == 2 and summary.errors == 0
    with api.open_store(db) as store:
        arts = {a.lang: a for a in store.iter_articles()}
        assert set(arts) == {"de", "en"}
        assert [e.type for e in arts["de"].events] == ["COERCE"]
        assert arts["de"].events[0].mode == "arrest"
        assert "ASSAULT" in [e.type for e in arts["en"].events]
        assert summary.events == sum(len(a.events) for a in arts.values())
        again = api.ingest([str(texts["de"])], store)  # idempotent
    assert (again.new, again.stored) == (0, 1)


def test_code_text_and_read() -> None:
    art = api.code_text(GERMAN, published="2024-03-05")
    assert art.lang == "de" and [e.type for e in art.events] == ["COERCE"]
    assert all(e.article_id == art.id and e.id for e in art.events)
    assert art.events[0].date == "2024-03-05"  # "am Dienstag" resolved against the date
    assert api.code_text(ENGLISH, lang="en").lang == "en"


def test_config_lexicon_changes_code_and_ingest_alike(tmp_path: Path, texts) -> None:
    """--lexicon with a tiny trigger file codes the invented verb, in both commands."""
    runner = CliRunner()
    inputs = [str(texts["inv_de"]), str(texts["inv_en"])]

    def code_types(*extra: str) -> list[list[str]]:
        res = runner.invoke(cli, ["code", *inputs, *extra])
        assert res.exit_code == 0, res.output
        return [[e["type"] for e in json.loads(x)["events"]] for x in res.stdout.splitlines()]

    def ingest_types(db: str, *extra: str) -> list[list[str]]:
        res = runner.invoke(cli, ["ingest", "--db", db, *inputs, *extra])
        assert res.exit_code == 0, res.output
        with api.open_store(db) as store:
            arts = sorted(store.iter_articles(), key=lambda a: a.lang)
        return [[e.type for e in a.events] for a in arts]

    assert code_types() == [[], []]
    assert code_types("--lexicon", str(texts["lexicon"])) == [["PROTEST"], ["PROTEST"]]
    assert ingest_types(str(tmp_path / "a.db")) == [[], []]  # stored, no events
    with_lex = ingest_types(str(tmp_path / "b.db"), "--lexicon", str(texts["lexicon"]))
    assert with_lex == [["PROTEST"], ["PROTEST"]]
    # the same options from a YAML file
    conf = tmp_path / "coder.yaml"
    conf.write_text(f"lexicons: [{texts['lexicon'].name}]\n", encoding="utf-8")
    assert code_types("--config", str(conf)) == [["PROTEST"], ["PROTEST"]]


def test_every_coding_command_has_the_same_coder_options() -> None:
    names = {"lang", "en_coder", "lexicons", "actors", "agents", "verbs", "knowledge",
             "config_file"}  # fmt: skip
    for command in ("code", "ingest", "serve", "evaluate", "benchmark"):
        params = {p.name: p for p in cli.commands[command].params}
        assert names <= set(params), command
        assert tuple(params["lang"].type.choices) == registry.languages()


def test_config_checks_and_yaml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not supported"):
        CoderConfig(lang="xx").validate()
    with pytest.raises(ConfigError, match="en_backend"):
        CoderConfig(en_backend="nope").validate()
    with pytest.raises(ConfigError, match="no such file"):
        CoderConfig(actors=("missing.txt",)).validate()
    bad = tmp_path / "bad.yaml"
    bad.write_text("lexicon_files: [x]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key"):
        CoderConfig.from_yaml(bad)
    good = tmp_path / "good.yaml"
    good.write_text("lang: de\nen_coder: cameo\nknowledge: k.yaml\n", encoding="utf-8")
    config = CoderConfig.from_yaml(good)
    assert config.lang == "de" and config.en_backend == "cameo"
    assert config.knowledge == (str(tmp_path / "k.yaml"),)
    assert hash(config) == hash(CoderConfig.from_yaml(good))  # usable as a cache key


def test_unsupported_language_is_a_per_record_error(tmp_path: Path) -> None:
    src = tmp_path / "mixed.jsonl"
    src.write_text(
        json.dumps({"id": "r1", "lang": "xx", "text": "Quelque chose."}) + "\n"
        + json.dumps({"id": "r2", "lang": "en", "text": ENGLISH}) + "\n",
        encoding="utf-8",
    )
    items = list(api.read([str(src)]))
    assert isinstance(items[0], InputError) and items[1].id == "r2"
    expected = (
        f"{src}, line 1: language 'xx' is not supported "
        f"(supported: {', '.join(registry.languages())}); pass --lang or drop the record"
    )
    assert items[0].message == expected
    res = CliRunner().invoke(cli, ["code", str(src)])
    assert res.exit_code == 1
    assert f"error: {expected}" in res.stderr
    assert [json.loads(x)["id"] for x in res.stdout.splitlines()] == ["r2"]  # the batch goes on
    res = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "l.db"), str(src)])
    assert res.exit_code == 1 and res.stderr.count("not supported") == 1
    assert "1 new" in res.stderr
    forced = CliRunner().invoke(cli, ["code", str(src), "--lang", "en"])  # the advice works
    assert forced.exit_code == 0, forced.output
    from eventcoder.model import Article

    with pytest.raises(api.UnsupportedLanguage):
        api.code(Article(text="Hola.", lang="xx"))


class _Spy:
    """Records api.code calls and codes nothing."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, article, config=None, *, coder=None):
        self.calls.append(article.text)
        article.events = []
        return article


def test_cli_and_web_intake_go_through_api_code(tmp_path: Path, texts, monkeypatch) -> None:
    spy = _Spy()
    monkeypatch.setattr(api, "code", spy)
    res = CliRunner().invoke(cli, ["code", str(texts["de"])])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "s.db"), str(texts["en"])])
    assert res.exit_code == 0, res.output
    assert spy.calls == [GERMAN, ENGLISH]
    app = create_app(str(tmp_path / "w.db"), config=CoderConfig(lang="en"))
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        r = client.post("/articles", json={"text": "A web article about talks."})
        assert r.status_code == 201, r.text
        page = client.get("/ui/paste")
    assert spy.calls[-1] == "A web article about talks."
    for code in registry.languages():  # the paste page offers every registered language
        assert f'value="{code}"' in page.text
    assert app.state.backend.config == CoderConfig(lang="en")  # serve's options reach the app


def test_knowledge_file_reaches_code_and_ingest(tmp_path: Path) -> None:
    """--knowledge with an invented group gives its country in both commands."""
    text = tmp_path / "k.txt"
    text.write_text("The Zorblax Front attacked a police station on Friday.\n", encoding="utf-8")
    kb = tmp_path / "actors.yaml"
    kb.write_text(
        "actors:\n  - name: Zorblax Front\n    kind: org\n    country: NER\n    sector: REB\n",
        encoding="utf-8",
    )
    runner = CliRunner()

    def countries(*extra: str) -> set[str | None]:
        res = runner.invoke(cli, ["code", str(text), *extra])
        assert res.exit_code == 0, res.output
        events = json.loads(res.stdout)["events"]
        return {a["country"] for e in events for a in e["source"]}

    assert "NER" not in countries()
    assert "NER" in countries("--knowledge", str(kb))
    db = str(tmp_path / "k.db")
    res = runner.invoke(cli, ["ingest", "--db", db, str(text), "--knowledge", str(kb)])
    assert res.exit_code == 0, res.output
    with api.open_store(db) as store:
        (art,) = store.iter_articles()
    assert "NER" in {a.country for e in art.events for a in e.source}
