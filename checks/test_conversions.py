"""Amounts restated in another currency fit an exchange rate of their year."""

import pytest

from factlint.pytest_plugin import assert_no_findings

pytestmark = pytest.mark.factlint_check("conversions")


def test_conversions_fit(case):
    assert_no_findings(case)
