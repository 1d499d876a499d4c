"""The extract stage: one article and its spaCy `Doc` in, `ArticleFacts` out.

Dates are resolved against the article's publication date (`Article.published`); an article
without one gets unresolved relative dates until the fuse stage infers its date and calls
`article_facts` again with the completed article.

`article_facts` and `keywords` live in `briefing.extract.article` and are imported from it on
first use: importing this package (for its word lists, say) does not import spaCy.
"""

from __future__ import annotations

LAZY = ("article_facts", "keywords")


def __getattr__(name: str) -> object:
    if name in LAZY:
        from briefing.extract import article

        return getattr(article, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
