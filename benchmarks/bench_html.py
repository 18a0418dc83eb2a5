"""How fast does the graph page become calm, and stay responsive on a big graph? A script.

For synthetic news archives of growing size (same RDF shape as ``kg build`` writes: one
document per ten entities, dated over two years by ``dcterms:issued`` as a date, a month
or a year, a few undated) it renders the page, opens it from ``file://`` in headless
Chromium and measures, from the page's own clock (``performance.now()``):

* **open** — from navigation start until the layout is stable and physics off;
* **click** — selecting a node (neighbourhood highlight + side panel) until the next frame;
* **search** — searching the least important entity and bringing it in with its
  neighbours, until the newcomers are laid out (search-and-reveal);
* **date** — narrowing the view to one month of documents, until laid out and fitted;
* **show all** — revealing every node hidden by the large-graph cap, until stable.

Each row also gives the page size and the Python time to render it; the last lines give
each timing at the largest size as a ratio of the smallest (1.0 = does not grow with the
graph). Target: every interaction within 3 s at 10,000 nodes on a 2-core machine.

    .venv/bin/python benchmarks/bench_html.py             # 1000 and 10000 nodes
    .venv/bin/python benchmarks/bench_html.py 300 2000    # other sizes
    .venv/bin/python benchmarks/bench_html.py --repeat 3  # median of three runs
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

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
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


def _issued(months: int, rng: random.Random) -> Literal | None:
    """A date ``months`` after January 2023: mostly a day, some a month or a year, a few none."""
    year, month = 2023 + months // 12, months % 12 + 1
    roll = rng.random()
    if roll < 0.05:
        return None
    if roll < 0.15:
        return Literal(f"{year}", datatype=XSD.gYear)
    if roll < 0.30:
        return Literal(f"{year}-{month:02d}", datatype=XSD.gYearMonth)
    return Literal(f"{year}-{month:02d}-{rng.randint(1, 28):02d}", datatype=XSD.date)


def synthetic_graph(nodes: int, edges_per_node: float = 2.0, seed: int = 42) -> Graph:
    """A graph shaped like ours: typed entities, ja/en labels, relations with evidence.

    Edges attach preferentially to already well-connected nodes, as news graphs do (a few
    hubs such as OpenAI or LLaMA, a long tail of things mentioned once). Entity ``i`` first
    appears in document ``i // 10``; documents are spread in order over 2023 and 2024.
    """
    rng = random.Random(seed)
    graph = Graph()
    docs: list[URIRef] = []
    count_docs = max(1, nodes // 10)
    for d in range(count_docs):
        doc = DOCUMENT[f"bench-{d}"]
        docs.append(doc)
        graph.add((doc, RDF.type, KG.Document))
        graph.add((doc, DCTERMS.title, Literal(f"ベンチマーク文書{d}", lang="ja")))
        graph.add((doc, DCTERMS.language, Literal("ja")))
        graph.add((doc, KG.sourcePath, Literal(f"bench/{d}.txt")))
        issued = _issued(24 * d // count_docs, rng)
        if issued is not None:
            graph.add((doc, DCTERMS.issued, issued))
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
            graph.add((evidence, PROV.hadPrimarySource, docs[min(i // 10, len(docs) - 1)]))
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


_FRAMES = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def _calm_since(page: Any, started: float, acted: float) -> float:
    """Milliseconds from ``started`` until the page is calm after an action.

    ``acted`` is when the action had run and two frames were drawn; if the action started
    a layout run, calm is when that run ends (``kgState.stabilizedAt``).
    """
    _wait(page, "kgState.stable")
    stabilized = page.evaluate("kgState.stabilizedAt")
    return max(acted, stabilized if stabilized > started else acted) - started


def measure(path: Path, browser: Any) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    _wait(page, "!!(window.kgState && window.kgState.stable)")
    opened = page.evaluate("kgState.stabilizedAt")
    visible = page.evaluate("kgState.visibleNodeCount")
    edges = page.evaluate("kgState.edgeCount")
    click = page.evaluate(
        f"""async () => {{
            const t = performance.now();
            kgState.selectNode(kgState.visibleNodeIds()[0]);
            await {_FRAMES};
            return performance.now() - t;
        }}"""
    )
    page.evaluate("kgState.closePanel()")

    # Search-and-reveal: the least important entity, typed in full, with its neighbours.
    target = page.evaluate(
        "(() => { const all = kgState.search('Entity'); return all[all.length - 1]; })()"
    )
    query = page.evaluate("(id) => kgState.label(id)", target)
    started, acted = page.evaluate(
        f"""async (q) => {{
            const t = performance.now();
            kgState.focus(kgState.search(q)[0]);
            await {_FRAMES};
            return [t, performance.now()];
        }}""",
        query,
    )
    search = _calm_since(page, started, acted)
    if target not in page.evaluate("kgState.visibleNodeIds()"):
        raise RuntimeError(f"{path}: the searched entity did not come into view")
    page.evaluate("kgState.closePanel()")

    # Date filter: one month of documents.
    started, acted = page.evaluate(
        f"""async () => {{
            const t = performance.now();
            kgState.setPeriod("2024-03", "2024-03");
            await {_FRAMES};
            return [t, performance.now()];
        }}"""
    )
    date = _calm_since(page, started, acted)
    # Entities in the month: those drawn plus those the cap keeps back.
    in_period = page.evaluate("kgState.visibleNodeCount + kgState.hiddenByCap")
    started, acted = page.evaluate(
        f"""async () => {{
            const t = performance.now();
            kgState.setPeriod("", "", true);
            await {_FRAMES};
            return [t, performance.now()];
        }}"""
    )
    _calm_since(page, started, acted)

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
        "open": opened,
        "visible": visible,
        "in_period": in_period,
        "edges": edges,
        "click": click,
        "search": search,
        "date": date,
        "show_all": show_all,
    }


def _ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.0f}"


TIMINGS = ("open", "click", "search", "date", "show_all")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
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

    print("times in ms from the page's clock; open = navigation start to stable layout")
    print(
        f"{'nodes':>6} {'edges':>6} {'page KB':>8} {'render s':>8} {'shown':>6} {'in month':>8} "
        + " ".join(f"{name:>8}" for name in TIMINGS)
    )
    for size, edges, size_bytes, render_s, r in rows:
        print(
            f"{size:>6} {edges:>6} {size_bytes / 1024:>8.0f} {render_s:>8.2f} "
            f"{r['visible']:>6.0f} {r['in_period']:>8.0f} "
            + " ".join(f"{_ms(r[name]):>8}" for name in TIMINGS)
        )
    if len(rows) > 1:
        (small, *_, small_r), (large, *_, large_r) = rows[0], rows[-1]
        ratios = " ".join(
            f"{name} {large_r[name] / small_r[name]:.2f}"
            for name in TIMINGS
            if small_r[name] > 0 and not math.isnan(large_r[name] / small_r[name])
        )
        print(f"ratio {large} / {small} nodes: {ratios}")
        print(
            f"render ratio (Python): {rows[-1][3] / rows[0][3]:.2f} for {large / small:.0f}x nodes"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
