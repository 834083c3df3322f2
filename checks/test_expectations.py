"""Each metric's figures meet its rules' `expect:` block: one item per metric schema (`pytest checks -k community`)."""

import pytest

from factlint.pytest_plugin import assert_no_findings

pytestmark = pytest.mark.factlint_check("expectations")


def test_expectations_hold(case):
    assert_no_findings(case)
