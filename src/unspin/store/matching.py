"""The same claim in many outlets: check-worthy claims and quoted statements of every analysed
article, embedded with the shipped MiniLM sentence encoder, their nearest neighbours found
with an approximate index (usearch, HNSW), pairs at or above a similarity threshold joined
into clusters. A cluster spans at least two articles; for each the store keeps its members,
and `clusters()` tells the first appearance, the outlets and dates and who it is attributed to.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from unspin.store import Store

NEIGHBOURS = 10
MIN_WORDS = 5


@dataclass(frozen=True, slots=True)
class Statement:
    article: int
    kind: str  # claim | quote
    index: int
    text: str


@dataclass(slots=True)
class Cluster:
    id: int
    members: list[dict[str, Any]] = field(default_factory=list)


def statements(store: Store, *, min_checkworthiness: float = 0.5) -> list[Statement]:
    claims = store.db.execute(
        "SELECT article_id, idx, text FROM claims WHERE checkworthiness >= ?",
        (min_checkworthiness,),
    )
    quotes = store.db.execute("SELECT article_id, idx, content FROM quotes")
    found = [Statement(a, "claim", i, t) for a, i, t in claims]
    found += [Statement(a, "quote", i, t) for a, i, t in quotes]
    return [s for s in found if len(s.text.split()) >= MIN_WORDS]


def similar_pairs(
    vectors: np.ndarray, articles: list[int], *, threshold: float
) -> list[tuple[int, int, float]]:
    """(i, j, similarity) for statements of different articles at or above `threshold`."""
    from usearch.index import Index

    if len(vectors) < 2:
        return []
    index = Index(ndim=vectors.shape[1], metric="cos", dtype="f32")
    index.add(np.arange(len(vectors)), vectors)
    found = index.search(vectors, min(NEIGHBOURS, len(vectors)))
    pairs: list[tuple[int, int, float]] = []
    for i in range(len(vectors)):
        for key, distance in zip(found.keys[i], found.distances[i], strict=True):
            j, similarity = int(key), 1.0 - float(distance)
            if i < j and similarity >= threshold and articles[i] != articles[j]:
                pairs.append((i, j, similarity))
    return pairs


def components(count: int, pairs: list[tuple[int, int, float]]) -> list[list[int]]:
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in pairs:
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(count):
        groups[find(i)].append(i)
    return [g for g in groups.values() if len(g) > 1]


def match(store: Store, *, threshold: float) -> int:
    """Cluster the store's statements and keep the clusters (replacing earlier ones); the
    number of clusters."""
    from unspin.models.encoder import sentence_encoder

    found = statements(store)
    encoder, _ = sentence_encoder()
    vectors = encoder.encode([s.text for s in found])
    groups = components(
        len(found), similar_pairs(vectors, [s.article for s in found], threshold=threshold)
    )
    rows = [
        (number, threshold, found[i].article, found[i].kind, found[i].index, found[i].text)
        for number, group in enumerate(groups, start=1)
        for i in group
    ]
    store.db.execute("BEGIN IMMEDIATE")
    store.db.execute("DELETE FROM clusters")
    store.db.executemany("INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?)", rows)
    store.db.execute("COMMIT")
    return len(groups)
