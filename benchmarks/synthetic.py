"""Synthetic graphs shaped like a real build, for the serving and I/O benchmarks.

Why records and not random triples: a graph made through :func:`graph.rdf.build_graph`
has exactly the shape ``kg build`` writes (labels in two languages, reified statements,
evidence sentences in Japanese, one document node per source), so the benchmarks measure
the work real graphs cause. Names are unique per document, so the graph grows with the
document count as a news archive does. Everything is seeded: same arguments, same graph.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

from rdflib import Graph

from graph.model import Document, Entity, Evidence, Extraction, Label, RelationFact
from graph.rdf import build_graph

__all__ = ["synthetic_extraction", "synthetic_graph", "write_synthetic"]

_CLASSES = ("Organization", "AIModel", "Product", "Person", "Technique", "Dataset", "Concept")
_RELATIONS = ("developed", "uses", "competesWith", "basedOn", "outperforms", "owns")


def synthetic_extraction(documents: int, *, seed: int = 7) -> Extraction:
    """Records for ``documents`` articles: 12 entities and 10 relations each (about 330 triples).

    One entity in twenty is shared across documents (a few well-known companies), so
    facts repeat across documents and evidence accumulates as in a real archive.
    """
    rng = random.Random(seed)
    shared = [f"shared-{i}" for i in range(20)]
    docs: list[Document] = []
    entities: dict[str, Entity] = {}
    relations: dict[tuple[str, str, str], list[Evidence]] = {}
    for d in range(documents):
        doc_id = f"news-{d:06d}"
        text = f"記事{d}"
        docs.append(
            Document(
                doc_id=doc_id,
                path=f"corpus/{doc_id}.ja.txt",
                title=f"AIニュース第{d}号",
                text=text,
                language="ja",
                sha256=hashlib.sha256(text.encode()).hexdigest(),
            )
        )
        keys = [f"e{d}-{i}" for i in range(11)] + [rng.choice(shared)]
        for key in keys:
            if key not in entities:
                cls = _CLASSES[int(hashlib.md5(key.encode()).hexdigest(), 16) % len(_CLASSES)]
                name = f"Name {key}"
                entities[key] = Entity(
                    key=key,
                    canonical=name,
                    entity_class=cls,
                    pref_labels=(Label(name, "en"), Label(f"名前{key}", "ja")),
                    alt_labels=(Label(f"別名{key}", "ja"),),
                    mention_count=rng.randint(1, 9),
                )
        for r in range(10):
            subject, obj = rng.sample(keys, 2)
            evidence = Evidence(
                doc_id=doc_id,
                sentence=f"{subject}は{obj}を開発したと第{d}号の{r}文目が伝えた。",
                sentence_start=r * 40,
                start=r * 40 + 2,
                end=r * 40 + 20,
                method="pattern:synthetic",
                confidence=0.8,
            )
            relations.setdefault((subject, rng.choice(_RELATIONS), obj), []).append(evidence)
    return Extraction(
        documents=tuple(docs),
        entities=tuple(entities[k] for k in sorted(entities)),
        relations=tuple(
            RelationFact(s, p, o, tuple(ev), min(0.99, 0.8 + 0.05 * (len(ev) - 1)))
            for (s, p, o), ev in sorted(relations.items())
        ),
        attributes=(),
    )


def synthetic_graph(documents: int, *, seed: int = 7) -> Graph:
    return build_graph(synthetic_extraction(documents, seed=seed))


def write_synthetic(documents: int, folder: Path, *, seed: int = 7) -> Path:
    """``folder/synthetic-N.nt`` (N-Triples, written by pyoxigraph), reused when present."""
    from graph.outputs import write_atomic
    from graph.store import rdflib_ntriples

    target = folder / f"synthetic-{documents}-{seed}.nt"
    if not target.is_file():
        write_atomic(target, rdflib_ntriples(synthetic_graph(documents, seed=seed)))
    return target
