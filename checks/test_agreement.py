"""Claims of one metric and period agree as intervals, across and within articles."""

import pytest

from factlint.pytest_plugin import assert_no_findings

pytestmark = pytest.mark.factlint_check("agreement")


def test_agrees(case):
    assert_no_findings(case)
