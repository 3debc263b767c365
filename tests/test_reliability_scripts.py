"""scripts/test.sh stops the PostgreSQL server it started, and only that (issue 14 item 15)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _fake_checkout(tmp_path: Path, pg_lines: str, pytest_rc: int) -> Path:
    """A copy of test.sh next to stub scripts: set-up does nothing, ci_postgres.sh prints
    ``pg_lines``, ruff passes and "pytest" exits with ``pytest_rc``."""
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    (repo / ".venv" / "bin").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "test.sh", repo / "scripts" / "test.sh")
    stubs = {
        "scripts/setup.sh": "exit 0",
        "scripts/system_deps.sh": "exit 0",
        "scripts/ci_postgres.sh": f"cat <<'OUT'\n{pg_lines}\nOUT",
        ".venv/bin/ruff": "exit 0",
        ".venv/bin/python": f"exit {pytest_rc}",
    }
    for name, body in stubs.items():
        path = repo / name
        path.write_text(f"#!/usr/bin/env bash\n{body}\n")
        path.chmod(0o755)
    return repo


@pytest.mark.parametrize("pytest_rc", [0, 3])
def test_test_sh_stops_the_server_it_started_even_when_tests_fail(tmp_path, pytest_rc):
    marker = tmp_path / "stopped"
    stop = f"touch {marker}"
    lines = (
        f"export EVENTCODER_TEST_PG=postgresql://u@h/db\nexport EVENTCODER_TEST_PG_STOP='{stop}'"
    )
    repo = _fake_checkout(tmp_path, lines, pytest_rc)
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTCODER_TEST_PG")}
    done = subprocess.run(["bash", "scripts/test.sh"], cwd=repo, env=env, capture_output=True)
    assert done.returncode == pytest_rc
    assert marker.exists(), done.stderr.decode()


def test_test_sh_leaves_a_server_that_was_already_running(tmp_path):
    repo = _fake_checkout(tmp_path, "export EVENTCODER_TEST_PG=postgresql://u@h/db", 0)
    env = {**os.environ, "EVENTCODER_TEST_PG_STOP": f"touch {tmp_path / 'stopped'}"}
    done = subprocess.run(["bash", "scripts/test.sh"], cwd=repo, env=env, capture_output=True)
    assert done.returncode == 0 and not (tmp_path / "stopped").exists()


@pytest.mark.postgres
def test_ci_postgres_prints_no_stop_command_for_a_running_server(pg_url):
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "ci_postgres.sh")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "export EVENTCODER_TEST_PG=" in done.stdout
    assert "EVENTCODER_TEST_PG_STOP" not in done.stdout


def test_pyproject_licence_is_an_spdx_string_with_a_setuptools_that_reads_it():
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert data["project"]["license"] == "Apache-2.0"  # a table makes setuptools warn
    assert all((ROOT / f).is_file() for f in data["project"]["license-files"])
    # setuptools reads the SPDX string (PEP 639) from version 77 on
    assert "setuptools>=77" in data["build-system"]["requires"]
