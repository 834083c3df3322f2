"""Anniversaries fit the founding date, events are not after publication, ranges are ordered."""

import pytest

from factlint.pytest_plugin import assert_no_findings

pytestmark = pytest.mark.factlint_check("dates")


def test_dates_consistent(case):
    assert_no_findings(case)
