"""Thin on purpose: the `corpus`, `ruleset`, `claims` and `findings` fixtures and the collection of rule
examples from claims/*.yaml come from the factlint pytest plugin (factlint.pytest_plugin), which pip
registers through the `pytest11` entry point in pyproject.toml."""
