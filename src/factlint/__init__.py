"""factlint: a fact-consistency checker and data-validation suite for news articles, Vietnamese first."""

__version__ = "0.1.0"
