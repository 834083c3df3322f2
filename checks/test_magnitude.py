"""No metric is reported an order of magnitude away from its other reports."""

import pytest

from factlint.pytest_plugin import assert_no_findings

pytestmark = pytest.mark.factlint_check("magnitude")


def test_same_magnitude(case):
    assert_no_findings(case)
