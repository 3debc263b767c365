"""``eventcoder serve``: options reach the app; a public bind needs a token."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from eventcoder.cli import cli


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Capture uvicorn.run instead of serving."""
    import uvicorn

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    monkeypatch.delenv("EVENTCODER_TOKEN", raising=False)
    return calls


def test_public_bind_without_token_is_refused(runs: list[dict], tmp_path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "token" in result.output and runs == []


def test_options_and_env_token_reach_the_app(
    runs: list[dict], tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVENTCODER_TOKEN", "from-env-123")
    args = ["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0", "--port", "8123"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    (call,) = runs
    assert call["host"] == "0.0.0.0" and call["port"] == 8123
    assert call["app"].state.token == "from-env-123"
    assert "from-env-123" not in result.output


def test_loopback_default(runs: list[dict], tmp_path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    assert runs[0]["host"] == "127.0.0.1" and runs[0]["port"] == 8000
    assert runs[0]["app"].state.token is None
