"""The claims table of the corpus satisfies its schema, and every article was read."""

from factlint.schema import render_failures, validate


def test_every_article_was_read(corpus):
    unread = [f"{a.path}: {a.error}" for a in corpus if a.status != "ok"]
    assert not unread, "\n".join(unread)


def test_claims_table_is_valid(corpus, claims):
    failures = validate(claims, {a.id for a in corpus if a.status == "ok"})
    assert failures.empty, "\n" + render_failures(failures)
