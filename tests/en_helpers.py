"""Shared helpers of the English tests: build many short texts in one pipeline run."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

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


def form_tests(positive: list, negative: list) -> tuple[Callable[..., Any], ...]:
    """The fixture and two tests of an English form file: each text states the triples it
    is listed with, and no text states a triple (or a subject-predicate pair) it must not.

    A form file binds them to its own lists (``read, test_reads_the_form,
    test_states_nothing_it_does_not_say = form_tests(POSITIVE, NEGATIVE)``); all its texts
    are read in one pipeline run."""

    @pytest.fixture(scope="module")
    def read() -> dict[str, set[Triple]]:
        texts = list(dict.fromkeys([t for t, _ in positive] + [t for t, _ in negative]))
        _, relations, _ = read_texts(texts)
        return dict(zip(texts, relations, strict=True))

    @pytest.mark.parametrize(("text", "wanted"), positive, ids=[t[:40] for t, _ in positive])
    def test_reads_the_form(read, text, wanted) -> None:
        missing = wanted - read[text]
        assert not missing, f"missing {missing}; read {read[text]}"

    @pytest.mark.parametrize(("text", "wrong"), negative, ids=[t[:40] for t, _ in negative])
    def test_states_nothing_it_does_not_say(read, text, wrong) -> None:
        assert not any(triple[: len(wrong)] == wrong for triple in read[text]), read[text]

    return read, test_reads_the_form, test_states_nothing_it_does_not_say
