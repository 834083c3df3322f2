"""The engine's test session writes nothing into the repository.

Tests work in ``tmp_path``; the session fails when a run leaves, changes or removes a file of the clone
(``reports/``, ``.factlint_cache/``, a fixture…). Hypothesis keeps no example database in the clone either.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import configuration, settings

from helpers import ROOT, repo_changes, repo_snapshot

configuration.set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "factlint-hypothesis")  # its Unicode tables
settings.register_profile("factlint", database=None)
settings.load_profile("factlint")

_BEFORE = pytest.StashKey[dict]()


@pytest.fixture(scope="session", autouse=True)
def _repo_before(request: pytest.FixtureRequest) -> None:
    request.config.stash[_BEFORE] = repo_snapshot(ROOT)


@pytest.hookimpl(hookwrapper=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int):  # noqa: ANN201
    yield  # after every other plugin's session end (the factlint plugin writes reports there)
    before = session.config.stash.get(_BEFORE, None)
    if before is None:
        return
    changes = repo_changes(before, repo_snapshot(ROOT))
    if changes:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_sep("!", "the test run wrote into the repository (tests must use tmp_path)", red=True)
            for line in changes:
                reporter.write_line(line)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
