"""A ranking category keeps one rank per period; categories of one ranking do not share a rank."""

import pytest

from factlint.pytest_plugin import assert_no_findings

pytestmark = pytest.mark.factlint_check("ranks")


def test_ranks_consistent(case):
    assert_no_findings(case)
