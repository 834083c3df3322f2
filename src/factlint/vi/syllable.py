"""Vietnamese syllables: is a written word a well-formed Vietnamese syllable?

Vietnamese is written syllable by syllable, and every syllable is (onset) + vowel nucleus + (final), from
small closed sets. That tells a real word from a slip of the keyboard without a dictionary: "ngành" is a
word, "nghìnn" is not; and it tells a Vietnamese word glued to digits ("12giờ", "5con") from a unit, a model
or a masked number ("250gr", "240mAh", "0912xxx").
"""

from __future__ import annotations

import functools
import unicodedata

import regex

_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx]"
# Vowel nuclei with their diacritics folded away (ư -> u, ơ/ô -> o, ă/â -> a, ê -> e); longest first.
_NUCLEUS = ("ieu|oai|oay|oeo|uay|uoi|uou|uya|uye|uyu|yeu"
            "|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye"
            "|[aeiouy]")
_FINAL = "ch|ng|nh|[cmnpt]"
_SYLLABLE = regex.compile(rf"(?:{_ONSET})?(?:{_NUCLEUS})(?:{_FINAL})?")


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case, strip diacritics (đ -> d): the key under which case and accent variants are one word."""
    nfd = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(c for c in nfd if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """Whether ``word`` has the shape of one Vietnamese syllable ("ngành", "giai", "Khôi"; not "nghìnn", "mAh").

    Mixed case other than a capital initial is not a syllable ("oC", "kV").
    """
    if not word or not (word.islower() or word.istitle()):
        return False
    return _SYLLABLE.fullmatch(fold(word)) is not None


def is_vietnamese_word(word: str) -> bool:
    """Whether letters glued to digits read as a Vietnamese word rather than a unit, a model or a mask.

    Lower-case and either carrying a Vietnamese letter ("giờ", "tuổi") or, in plain ASCII, a syllable of at
    least three letters ("con", "giai"); short ASCII runs ("5a", "250gr", "0912xxx") are labels and units.
    """
    return word.islower() and is_syllable(word) and (not word.isascii() or len(word) >= 3)
