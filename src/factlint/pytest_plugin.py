"""The factlint pytest plugin.

- Collects every claim-rule example in ``claims/*.yaml`` as a test item
  (``claims/trade.yaml::trade.vn_jp.total::2``), so ``pytest -k trade`` runs the trade rules' examples.
- Provides the ``corpus``, ``claims`` and ``findings`` fixtures over ``articles/`` for the check suite.
- Collects every entry of ``checks/accepted.yaml`` as a test item (``checks/accepted.yaml::<fingerprint>``) that
  fails when the entry is stale: it matches no finding any more, so the finding was fixed and the entry must go.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.rules import NON_RULE_FILES, RuleError, RuleSet, load_rules, run_example


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factlint")
    group.addoption("--articles", default="articles", help="factlint: the corpus folder (default articles/)")
    group.addoption("--rules", dest="factlint_rules", default="claims", help="factlint: claim rules folder")
    group.addoption("--accepted", dest="factlint_accepted", default="checks/accepted.yaml",
                    help="factlint: the accepted findings (default checks/accepted.yaml)")
    group.addoption("--factlint-reports", default="reports",
                    help="factlint: write the discrepancy reports here after a check-suite session ('' to skip)")


def _is_rule_file(path: Path) -> bool:
    return (path.suffix == ".yaml" and path.parent.name == "claims" and path.name not in NON_RULE_FILES)


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if _is_rule_file(file_path):
        return RuleFileCollector.from_parent(parent, path=file_path)
    if file_path == _paths(parent.config)["accepted"]:
        return AcceptedFileCollector.from_parent(parent, path=file_path)
    return None


_RULESETS: dict[Path, RuleSet | RuleError] = {}


def _ruleset(folder: Path) -> RuleSet | RuleError:
    if folder not in _RULESETS:
        try:
            _RULESETS[folder] = load_rules([folder])
        except RuleError as exc:
            _RULESETS[folder] = exc
    return _RULESETS[folder]


class RuleFileCollector(pytest.File):
    """One rule file: its examples become items."""

    def collect(self):  # noqa: ANN201
        rules = _ruleset(self.path.parent)
        if isinstance(rules, RuleError):
            yield RuleLoadItem.from_parent(self, name="load", error=str(rules))
            return
        counters: dict[str, int] = {}
        for lr in rules.rules:
            if Path(lr.source).resolve() != self.path.resolve():  # rules of the other files in the folder
                continue
            for ex in lr.rule.examples:
                n = counters[lr.rule.metric] = counters.get(lr.rule.metric, -1) + 1
                yield RuleExampleItem.from_parent(self, name=f"{lr.rule.metric}::{n}", rules=rules, lr=lr, example=ex)


class RuleLoadItem(pytest.Item):
    """Fails with the rule-file error (file, line, key)."""

    def __init__(self, *, error: str, **kw) -> None:
        super().__init__(**kw)
        self.error = error

    def runtest(self) -> None:
        raise RuleError(self.error)

    def repr_failure(self, excinfo, style=None) -> str:  # noqa: ANN001
        return str(excinfo.value)

    def reportinfo(self):  # noqa: ANN201
        return self.path, 0, "rule file"


class RuleExampleItem(pytest.Item):
    """One example of one rule."""

    def __init__(self, *, rules, lr, example, **kw) -> None:  # noqa: ANN001
        super().__init__(**kw)
        self.rules, self.lr, self.example = rules, lr, example
        self.add_marker(pytest.mark.rule_example)

    def runtest(self) -> None:
        problems, got = run_example(self.rules, self.lr, self.example)
        if problems:
            raise ExampleFailure(self.example.text, problems, got)

    def repr_failure(self, excinfo, style=None) -> str:  # noqa: ANN001
        if isinstance(excinfo.value, ExampleFailure):
            e = excinfo.value
            lines = [f"rule {self.lr.id}: example failed", f"  sentence: {e.text}"]
            lines += [f"  {p}" for p in e.problems]
            lines.append(f"  came out for {self.lr.rule.metric}: {e.got or 'nothing'}")
            return "\n".join(lines)
        return super().repr_failure(excinfo)

    def reportinfo(self):  # noqa: ANN201
        return self.path, 0, f"{self.lr.rule.metric} example"


class ExampleFailure(AssertionError):
    """A rule example gave something other than expected."""

    def __init__(self, text: str, problems: list[str], got: list) -> None:
        super().__init__("; ".join(problems))
        self.text, self.problems, self.got = text, problems, got


class AcceptedFileCollector(pytest.File):
    """The accepted-findings file: one item per entry."""

    def collect(self):  # noqa: ANN201
        from factlint.findings import AcceptedError, load_accepted

        try:
            entries = load_accepted(self.path)
        except AcceptedError as exc:
            yield RuleLoadItem.from_parent(self, name="load", error=str(exc))
            return
        for entry in entries:
            yield AcceptedEntryItem.from_parent(self, name=entry.fingerprint, entry=entry)


class AcceptedEntryItem(pytest.Item):
    """One accepted entry: fails when it matches no finding of the run (a stale entry)."""

    def __init__(self, *, entry, **kw) -> None:  # noqa: ANN001
        super().__init__(**kw)
        self.entry = entry

    def runtest(self) -> None:
        stale = {a.fingerprint for a in suite_run(self.config).stale}
        if self.entry.fingerprint in stale:
            e = self.entry
            where = self.path.relative_to(self.config.rootpath).as_posix()
            about = ", ".join(x for x in (e.code, e.case and f"case {e.case}") if x)
            raise StaleEntry(f"{where}:{e.line}: accepted entry {e.fingerprint}{f' ({about})' if about else ''} "
                             f"matches no finding any more: the finding is fixed; remove the entry from {where} "
                             f"(its reason: {e.reason})")

    def repr_failure(self, excinfo, style=None) -> str:  # noqa: ANN001
        if isinstance(excinfo.value, StaleEntry):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):  # noqa: ANN201
        return self.path, self.entry.line - 1, f"accepted entry {self.entry.fingerprint}"


class StaleEntry(AssertionError):
    """An accepted entry that matches no finding."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "rule_example: a claim rule's example, collected from claims/*.yaml")
    config.addinivalue_line("markers", "factlint_check(suite): parametrize `case` with the suite's cases")


# ---------------------------------------------------------------------------------------------- the check suite


def _paths(config: pytest.Config) -> dict[str, Path]:
    root = config.rootpath
    return {
        "articles": root / config.getoption("--articles"),
        "rules": root / config.getoption("factlint_rules"),
        "accepted": root / config.getoption("factlint_accepted"),
    }


def suite_run(config: pytest.Config):  # noqa: ANN201 - factlint.suite.Run
    """The pipeline's run over the corpus, computed once per session."""
    from factlint.suite import run

    if not hasattr(config, "_factlint_run"):
        p = _paths(config)
        config._factlint_run = run([p["articles"]], p["rules"], p["accepted"])
    return config._factlint_run


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marker = metafunc.definition.get_closest_marker("factlint_check")
    if marker is None or "case" not in metafunc.fixturenames:
        return
    from factlint.suite import cases

    params = []
    for case in cases(suite_run(metafunc.config), marker.args[0]):
        marks = []
        accepted = [f for f in case.findings if f.status == "accepted"]
        if accepted and len(accepted) == len(case.findings):
            why = "; ".join(f.reason for f in accepted)
            marks.append(pytest.mark.xfail(strict=True, reason=f"accepted: {why}"))
        params.append(pytest.param(case, id=case.id, marks=marks))
    metafunc.parametrize("case", params)


def assert_no_findings(case) -> None:  # noqa: ANN001
    """Fail with every finding's message (accepted ones included: they run as strict xfail).

    Stale accepted entries are not a case's business: each entry of the accepted file is its own item.
    """
    if case.findings:
        lines = [f"{f.severity} {f.code} [{f.status}] {f.locations[0].path}:{f.locations[0].line}: {f.message}"
                 for f in case.findings]
        pytest.fail("\n".join(lines), pytrace=False)


# ---------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def factlint_paths(request: pytest.FixtureRequest) -> dict[str, Path]:
    """Where the corpus, the rules and the accepted findings live (relative to the rootdir)."""
    return _paths(request.config)


@pytest.fixture(scope="session")
def findings(request: pytest.FixtureRequest) -> list:
    """Every finding over the corpus, each with its status (``new`` or ``accepted``)."""
    return suite_run(request.config).findings


@pytest.fixture(scope="session")
def corpus(factlint_paths: dict[str, Path]) -> list:
    """Every article of the corpus (readable or not: each carries its status)."""
    from factlint.corpus import load_corpus

    return load_corpus([factlint_paths["articles"]])


@pytest.fixture(scope="session")
def ruleset(factlint_paths: dict[str, Path]) -> RuleSet:
    """The claim rules."""
    return load_rules([factlint_paths["rules"]])


@pytest.fixture(scope="session")
def claims(corpus: list, ruleset: RuleSet, factlint_paths: dict[str, Path]):  # noqa: ANN201 - a DataFrame
    """The claims table of the corpus (validate it with :func:`factlint.schema.validate`)."""
    from factlint.config import hedge_config
    from factlint.extract import extract_corpus
    from factlint.table import to_frame
    from factlint.vi import Reader

    return to_frame(extract_corpus(corpus, ruleset, Reader(hedge_config(factlint_paths["rules"]))))


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:  # noqa: ANN001
    run = getattr(config, "_factlint_run", None)
    if run is None:
        return
    from factlint.report.text import summary

    terminalreporter.write_sep("-", "factlint")
    terminalreporter.write_line(summary(run))
    folder = config.getoption("--factlint-reports")
    if folder:
        terminalreporter.write_line(f"reports written to {folder}/")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    run = getattr(session.config, "_factlint_run", None)
    folder = session.config.getoption("--factlint-reports")
    if run is None or not folder:
        return
    from factlint.report.files import write_reports

    write_reports(run, session.config.rootpath / folder)
