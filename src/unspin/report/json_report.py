"""The JSON report: `Article.to_dict()` written as UTF-8 JSON."""

from __future__ import annotations

import json

from unspin.article import Article


def render_json(article: Article, *, tokens: bool = False, indent: int | None = 2) -> str:
    return json.dumps(article.to_dict(tokens=tokens), ensure_ascii=False, indent=indent)
