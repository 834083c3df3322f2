"""The Vietnamese locale: the quantity grammar (numerals, scales, units, hedges, ranges, ranks, dates)."""

from factlint.vi.reader import HedgeConfig, Reader, load_hedges, parse_digits, read_quantities, words_to_number

__all__ = ["HedgeConfig", "Reader", "load_hedges", "parse_digits", "read_quantities", "words_to_number"]
