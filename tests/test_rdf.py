"""The RDF shape: contract terms, labels, reified provenance, stable IRIs."""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, XSD, Literal
from rdflib.namespace import OWL, PROV, SKOS

from graph.model import AttributeFact, Document, Entity, Evidence, Extraction, Label, RelationFact
from graph.namespaces import DOCUMENT, ENTITY, KG, WD
from graph.outputs import serialize_turtle
from graph.rdf import build_graph

TEXT = "MetaはLLaMAを発表した。"


def sample(order: int = 1) -> Extraction:
    doc = Document("d", "seeds/d.txt", "Title", TEXT, "ja", "0" * 64)
    evidence = Evidence("d", TEXT, 0, 0, 10, "pattern:developed", 0.85)
    entities = (
        Entity(
            "meta",
            "Meta",
            "Organization",
            (Label("Meta", "en"),),
            (Label("Meta社", "ja"),),
            1,
            "Q380",
        ),
        Entity("llama", "LLaMA", "AIModel", (Label("LLaMA", "en"),), (), 1),
    )[::order]
    return Extraction(
        documents=(doc,),
        entities=entities,
        relations=(RelationFact("meta", "developed", "llama", (evidence,), 0.85),),
        attributes=(
            AttributeFact(
                "llama",
                "parameterCount",
                65_000_000_000,
                "integer",
                (Evidence("d", TEXT, 0, 5, 10, "attribute:x", 0.9, "65B"),),
                0.9,
            ),
            AttributeFact(
                "llama", "trainingCost", Decimal("100"), "decimal", (evidence,), 0.7, unit="USD"
            ),
        ),
    )


def test_entities_have_class_labels_and_wikidata() -> None:
    graph = build_graph(sample())
    meta = ENTITY["meta"]
    assert (meta, RDF.type, KG.Organization) in graph
    assert (meta, SKOS.prefLabel, Literal("Meta", lang="en")) in graph
    assert (meta, SKOS.altLabel, Literal("Meta社", lang="ja")) in graph
    assert (meta, OWL.sameAs, WD["Q380"]) in graph


def test_relations_are_asserted_and_reified_with_provenance() -> None:
    graph = build_graph(sample())
    assert (ENTITY["meta"], KG.developed, ENTITY["llama"]) in graph
    statement = next(graph.subjects(RDF.predicate, KG.developed))
    assert (statement, RDF.type, RDF.Statement) in graph
    assert graph.value(statement, KG.confidence) == Literal(Decimal("0.85"), datatype=XSD.decimal)
    evidence = graph.value(statement, KG.evidence)
    assert graph.value(evidence, PROV.hadPrimarySource) == DOCUMENT["d"]
    assert str(graph.value(evidence, KG.sentence)) == TEXT
    assert graph.value(evidence, KG.startOffset).toPython() == 0
    assert str(graph.value(evidence, KG.method)) == "pattern:developed"


def test_attributes_are_typed_literals_with_raw_text_and_unit() -> None:
    graph = build_graph(sample())
    count = graph.value(ENTITY["llama"], KG.parameterCount)
    assert count.datatype == XSD.integer and count.toPython() == 65_000_000_000
    cost_statement = next(graph.subjects(RDF.predicate, KG.trainingCost))
    assert str(graph.value(cost_statement, KG.unit)) == "USD"
    count_statement = next(graph.subjects(RDF.predicate, KG.parameterCount))
    assert str(graph.value(graph.value(count_statement, KG.evidence), KG.rawText)) == "65B"


def test_documents_are_entities_with_hash_and_path() -> None:
    graph = build_graph(sample())
    doc = DOCUMENT["d"]
    assert (doc, RDF.type, KG.Document) in graph
    assert str(graph.value(doc, KG.sourcePath)) == "seeds/d.txt"
    assert str(graph.value(doc, KG.contentHash)).startswith("sha256:")


def test_turtle_is_byte_identical_whatever_the_input_order() -> None:
    assert serialize_turtle(build_graph(sample(1))) == serialize_turtle(build_graph(sample(-1)))


def test_every_term_used_is_in_the_ontology() -> None:
    from importlib import resources

    from rdflib import Graph

    ontology = Graph().parse(
        data=resources.files("graph").joinpath("data/ontology.ttl").read_text(encoding="utf-8"),
        format="turtle",
    )
    graph = build_graph(sample())
    used = {p for p in graph.predicates() if str(p).startswith(str(KG._NS))}
    used |= {o for o in graph.objects(None, RDF.type) if str(o).startswith(str(KG._NS))}
    defined = set(ontology.subjects())
    assert used <= defined
    for term in used:
        labels = {lbl.language for lbl in ontology.objects(term, __import__("rdflib").RDFS.label)}
        assert labels >= {"en", "ja"}, term


def test_turtle_round_trip_is_isomorphic_term_for_term() -> None:
    from rdflib import Graph
    from rdflib.compare import isomorphic

    graph = build_graph(sample())
    again = Graph().parse(data=serialize_turtle(graph).decode("utf-8"), format="turtle")
    assert isomorphic(graph, again)
    assert set(graph) == set(again)


def test_document_dates_are_dcterms_issued_with_their_precision() -> None:
    from dataclasses import replace

    from rdflib.namespace import DCTERMS

    base = sample()
    for published, datatype in (
        ("2024-03-21", XSD.date),
        ("2024-03", XSD.gYearMonth),
        ("2024", XSD.gYear),
    ):
        extraction = replace(base, documents=(replace(base.documents[0], published=published),))
        graph = build_graph(extraction)
        assert list(graph.objects(DOCUMENT["d"], DCTERMS.issued)) == [
            Literal(published, datatype=datatype)
        ]
    assert not list(build_graph(base).objects(DOCUMENT["d"], DCTERMS.issued))


def test_names_that_differ_only_in_punctuation_are_four_entities() -> None:
    """Issue 10 item 5: X++, X#, X and X. were one IRI, kge:x."""
    from graph.canonical import slug
    from graph.entities import merge_entities
    from graph.lexicon import Lexicon
    from graph.model import Mention

    names = ("X++", "X#", "X", "X.")
    mentions = [
        Mention(name, "d", i, i + len(name), "Product", slug(name), name, "quote")
        for i, name in enumerate(names)
    ]
    entities, _ = merge_entities(mentions, Lexicon(()), {"d": "ja"})
    graph = build_graph(Extraction(sample().documents, entities, (), ()))
    subjects = {s for s in graph.subjects(RDF.type, KG.Product)}
    assert len(entities) == len(subjects) == 4
