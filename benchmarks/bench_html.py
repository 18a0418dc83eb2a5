"""How fast does the graph page become calm? A script, not a test.

For synthetic graphs of growing size (same RDF shape as ``kg build`` writes) it renders the
page, opens it from ``file://`` in headless Chromium and measures, from the page's own
clock (``performance.now()``, zero at navigation start):

* **stable** — the layout has stabilised and physics is off (``kgState.stable``);
* **click** — selecting a node (neighbourhood highlight + side panel) until the next frame;
* **show all** — revealing the nodes hidden by the large-graph cap until stable again;

plus the page size and the Python time to render it. Target: stable and responsive within
3 s at 1,000 nodes on a 2-core machine.

    .venv/bin/python benchmarks/bench_html.py            # 100, 1000, 5000 nodes
    .venv/bin/python benchmarks/bench_html.py 300 2000   # other sizes
    .venv/bin/python benchmarks/bench_html.py --repeat 3 # median of three runs
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, XSD, Graph, Literal
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.html import RELATIONS, render_html
from graph.namespaces import DOCUMENT, ENTITY, EVIDENCE, KG, STATEMENT, WD

__all__ = ["main", "synthetic_graph"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
CLASSES = ("Organization", "Person", "AIModel", "Product", "Technique", "Dataset", "Concept")


def synthetic_graph(nodes: int, edges_per_node: float = 2.0, seed: int = 42) -> Graph:
    """A graph shaped like ours: typed entities, ja/en labels, relations with evidence.

    Edges attach preferentially to already well-connected nodes, as news graphs do (a few
    hubs such as OpenAI or LLaMA, a long tail of things mentioned once).
    """
    rng = random.Random(seed)
    graph = Graph()
    doc = DOCUMENT["bench"]
    graph.add((doc, RDF.type, KG.Document))
    graph.add((doc, DCTERMS.title, Literal("ベンチマーク文書", lang="ja")))
    graph.add((doc, DCTERMS.language, Literal("ja")))
    graph.add((doc, KG.sourcePath, Literal("bench.txt")))
    entities = [ENTITY[f"e{i}"] for i in range(nodes)]
    for i, node in enumerate(entities):
        graph.add((node, RDF.type, KG[CLASSES[i % len(CLASSES)]]))
        graph.add((node, RDFS.label, Literal(f"Entity {i}", lang="en")))
        graph.add((node, SKOS.prefLabel, Literal(f"Entity {i}", lang="en")))
        graph.add((node, RDFS.label, Literal(f"エンティティ{i}", lang="ja")))
        graph.add((node, SKOS.prefLabel, Literal(f"エンティティ{i}", lang="ja")))
        graph.add((node, SKOS.altLabel, Literal(f"えんてぃてぃ{i}", lang="ja")))
        graph.add((node, KG.mentionCount, Literal(rng.randint(1, 9))))
        if i % 5 == 0:
            graph.add((node, OWL.sameAs, WD[f"Q{1000 + i}"]))
        if i % len(CLASSES) == 2:
            graph.add((node, KG.parameterCount, Literal(rng.choice((7, 13, 65)) * 10**9)))
    targets: list[int] = [0]
    count = 0
    for i in range(1, nodes):
        for _ in range(max(1, round(edges_per_node + rng.uniform(-0.5, 0.5)))):
            j = rng.choice(targets) if rng.random() < 0.7 else rng.randrange(i)
            predicate = KG[rng.choice(RELATIONS)]
            subject, obj = entities[i], entities[j]
            if (subject, predicate, obj) in graph:
                continue
            graph.add((subject, predicate, obj))
            statement = STATEMENT[f"s{count}"]
            evidence = EVIDENCE[f"v{count}"]
            count += 1
            sentence = f"エンティティ{i}はエンティティ{j}について発表したと報じられた。"
            graph.add((statement, RDF.type, RDF.Statement))
            graph.add((statement, RDF.subject, subject))
            graph.add((statement, RDF.predicate, predicate))
            graph.add((statement, RDF.object, obj))
            graph.add((statement, KG.confidence, Literal(Decimal("0.8"), datatype=XSD.decimal)))
            graph.add((statement, KG.evidence, evidence))
            graph.add((evidence, RDF.type, KG.Evidence))
            graph.add((evidence, PROV.hadPrimarySource, doc))
            graph.add((evidence, KG.sentence, Literal(sentence)))
            graph.add((evidence, KG.sentenceStart, Literal(100 * count)))
            graph.add((evidence, KG.startOffset, Literal(100 * count)))
            graph.add((evidence, KG.endOffset, Literal(100 * count + len(f"エンティティ{i}"))))
            graph.add((evidence, KG.method, Literal("pattern:bench")))
            targets.extend((i, j))
    return graph


def _wait(page: Any, expression: str, timeout: float = 120.0) -> None:
    # Polling with evaluate(): the page's CSP forbids the eval() wait_for_function uses.
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(expression)
        time.sleep(0.02)


def measure(path: Path, browser: Any) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    _wait(page, "!!(window.kgState && window.kgState.stable)")
    stable = page.evaluate("kgState.stabilizedAt")
    visible = page.evaluate("kgState.visibleNodeCount")
    edges = page.evaluate("kgState.edgeCount")
    click = page.evaluate(
        """async () => {
            const t = performance.now();
            kgState.selectNode(kgState.visibleNodeIds()[0]);
            await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
            return performance.now() - t;
        }"""
    )
    page.evaluate("kgState.closePanel()")
    show_all = float("nan")
    if page.evaluate("kgState.capped"):
        start = page.evaluate("performance.now()")
        page.evaluate("kgState.showAll()")
        _wait(page, "kgState.stable")
        show_all = page.evaluate("kgState.stabilizedAt") - start
    page.close()
    if errors:
        raise RuntimeError(f"{path}: page errors: {errors}")
    return {
        "stable": stable,
        "visible": visible,
        "edges": edges,
        "click": click,
        "show_all": show_all,
    }


def _ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (median shown)")
    parser.add_argument("--keep", type=Path, help="also keep the generated pages in this folder")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in args.sizes:
            graph = synthetic_graph(size)
            started = time.perf_counter()
            html = render_html(graph, title=f"bench {size}")
            render_s = time.perf_counter() - started
            path = Path(args.keep or tmp) / f"bench-{size}.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
            runs = [measure(path, browser) for _ in range(args.repeat)]
            result = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            edges = result.pop("edges")
            rows.append((size, edges, len(html.encode()), render_s, result))
        browser.close()

    print(
        f"{'nodes':>6} {'edges':>6} {'page KB':>8} {'render s':>8} {'shown':>6} "
        f"{'stable ms':>9} {'click ms':>8} {'show-all ms':>11}"
    )
    for size, edges, size_bytes, render_s, r in rows:
        print(
            f"{size:>6} {edges:>6} {size_bytes / 1024:>8.0f} {render_s:>8.2f} {r['visible']:>6} "
            f"{r['stable']:>9.0f} {r['click']:>8.0f} {_ms(r['show_all']):>11}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
