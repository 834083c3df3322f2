"""No malformed numerals, rare name spellings, or titles that drop words."""

import pytest

from factlint.pytest_plugin import assert_no_findings

pytestmark = pytest.mark.factlint_check("typos")


def test_no_typos(case):
    assert_no_findings(case)
