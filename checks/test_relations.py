"""Totals meet the sum of their parts, parts stay within wholes, counts match their lists."""

import pytest

from factlint.pytest_plugin import assert_no_findings

pytestmark = pytest.mark.factlint_check("relations")


def test_relations_hold(case):
    assert_no_findings(case)
