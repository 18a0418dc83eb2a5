"""Shared helpers of the English tests: build many short texts in one pipeline run."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from graph.model import Extraction
from graph.pipeline import extract

Triple = tuple[str, str, str]


def read_texts(texts: Sequence[str]) -> tuple[Extraction, list[set[Triple]], list[set[Triple]]]:
    """Build every text as its own document of one corpus, as ``kg build`` does.

    Returns the extraction, and per text the relation triples and the attribute triples
    (subject key, property, value as text) read from it.
    """
    # A build reads a text given twice once, so each distinct text is one document.
    distinct = list(dict.fromkeys(texts))
    with tempfile.TemporaryDirectory() as folder:
        for i, text in enumerate(distinct):
            Path(folder, f"t{i:03d}.txt").write_text(text, encoding="utf-8")
        extraction = extract([folder])
    relations: dict[str, set[Triple]] = defaultdict(set)
    for fact in extraction.relations:
        for evidence in fact.evidence:
            relations[evidence.doc_id].add((fact.subject, fact.predicate, fact.object))
    attributes: dict[str, set[Triple]] = defaultdict(set)
    for fact in extraction.attributes:
        for evidence in fact.evidence:
            attributes[evidence.doc_id].add((fact.subject, fact.property, str(fact.value)))
    ids = [f"t{distinct.index(text):03d}" for text in texts]
    return extraction, [relations[i] for i in ids], [attributes[i] for i in ids]
