"""Helpers shared by the engine's tests (a plain module: tests/ is on sys.path under pytest)."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner, Result

from factlint.cli import main


def invoke_in(folder: Path, *args: str) -> Result:
    """Run ``factlint ARGS`` with ``folder`` as the working folder."""
    old = os.getcwd()
    os.chdir(folder)
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)
