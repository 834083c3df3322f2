"""The arithmetic an article states about itself adds up: parts and totals, shares, changes, ratios, headlines."""

import pytest

from factlint.pytest_plugin import assert_no_findings

pytestmark = pytest.mark.factlint_check("arithmetic")


def test_arithmetic_adds_up(case):
    assert_no_findings(case)
