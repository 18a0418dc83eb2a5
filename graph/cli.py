"""The ``kg`` command: a thin Click layer over the library.

Each command parses options, calls one library function and formats its result. Any
:class:`~graph.errors.KgError` becomes a one-line ``Error: ...`` with exit status 2.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from graph.errors import KgError
from graph.lang import LANGUAGES

__all__ = ["cli", "main"]


class _KgGroup(click.Group):
    """Turns library errors into one-line messages with exit status 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            # Every `with` block has unwound by now: the staging folder is gone, the cache
            # closed. Exit at once: the queue threads of stopped parse workers would
            # otherwise keep the interpreter waiting at shutdown.
            click.echo("Interrupted; no output was changed.", err=True)
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(130)


@click.group(cls=_KgGroup)
@click.version_option(package_name="newskg")
def cli() -> None:
    """Build, query and export knowledge graphs of AI-industry news."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Folder for graph.ttl and graph.html.",
)
@click.option(
    "--encoding", default=None, help="Encoding of the input files (default: UTF-8/UTF-16 by BOM)."
)
@click.option(
    "--skip-bad", is_flag=True, help="Report and skip unreadable files instead of stopping."
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    metavar="FORMAT",
    help="Also write OUT/graph.<ext> in this export format (see kg export); may be repeated.",
)
@click.option(
    "--lexicon",
    "lexicon_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Extra lexicon YAML (same format as graph/data/lexicon.yaml); may be repeated.",
)
@click.option(
    "--root",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder that stored document paths are relative to (default: the folder holding "
    "the given paths), so builds started from anywhere give the same bytes.",
)
@click.option(
    "--date",
    "published",
    default=None,
    metavar="DATE",
    help="Publication date (2024-03-21, 2024-03 or 2024) of documents that state none.",
)
@click.option(
    "--cache/--no-cache",
    "use_cache",
    default=True,
    show_default=True,
    help="Reuse the facts of unchanged documents from OUT/.kg-cache.sqlite (--no-cache: "
    "read every document again; the cache is refreshed either way).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=None,
    help="Parse on a local Dask cluster of N worker processes.",
)
@click.option(
    "--cluster",
    metavar="ADDRESS",
    default=None,
    help="Parse on the Dask scheduler at ADDRESS (tcp://HOST:8786) and its workers.",
)
@click.option(
    "--processes",
    type=click.IntRange(1, 64),
    default=None,
    help="spaCy parse processes on this machine (default: 1, or 2 above 200,000 "
    "characters of input); 1 uses the least memory.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar while parsing (default: only on a terminal).",
)
@click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Read every document as this language (default: detected per document).",
)
@click.option(
    "--store",
    "store_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Also sync the graph into this Oxigraph store folder (one graph per document).",
)
def build(
    paths: tuple[Path, ...],
    out_dir: Path,
    encoding: str | None,
    skip_bad: bool,
    formats: tuple[str, ...],
    lexicon_files: tuple[Path, ...],
    root: Path | None,
    published: str | None,
    use_cache: bool,
    workers: int | None,
    cluster: str | None,
    processes: int | None,
    progress: bool | None,
    language: str | None,
    store_dir: Path | None,
) -> None:
    """Build the graph from documents (default: seeds/) into OUT/graph.ttl and graph.html.

    \b
    Example:
        kg build seeds/ --out output/
    """
    from graph.documents import parse_date
    from graph.errors import KgError, NoDocumentsError
    from graph.pipeline import build_outputs

    if workers is not None and cluster is not None:
        raise KgError("give --workers (a local cluster) or --cluster (a running one), not both")
    if processes is not None and (workers is not None or cluster is not None):
        raise KgError(
            "--processes sets the parsers on this machine; with --workers or --cluster the "
            "cluster's workers parse: give one of them"
        )

    if not paths and not Path("seeds").is_dir():
        raise NoDocumentsError(
            f"no documents given, and no seeds/ folder in {Path.cwd()} to read by default; "
            "name the documents to read: kg build FILE_OR_FOLDER ..."
        )
    show_progress = sys.stderr.isatty() if progress is None else progress
    summary = build_outputs(
        list(paths) or [Path("seeds")],
        out_dir,
        encoding=encoding,
        skip_bad=skip_bad,
        progress=show_progress,
        lexicon_files=lexicon_files,
        formats=formats,
        root=root,
        published=parse_date(published) if published else None,
        use_cache=use_cache,
        workers=workers,
        cluster=cluster,
        processes=processes,
        notify=lambda message: click.echo(message, err=True),
        language=language,
        store=store_dir,
    )
    for message in summary.skipped:
        click.echo(f"Skipped: {message}", err=True)
    for message in summary.warnings:
        click.echo(f"Warning: {message}", err=True)
    click.echo(summary.line())


@cli.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.argument("query")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="Output format (a CONSTRUCT/DESCRIBE graph: table = Turtle, json = JSON-LD).",
)
@click.option(
    "--html",
    "html_out",
    type=click.Path(path_type=Path),
    default=None,
    help="Also render the result as an interactive HTML page.",
)
@click.option(
    "--federation",
    is_flag=True,
    help="Allow SERVICE clauses, which send requests to other servers (off by default).",
)
def query(graph_file: Path, query: str, fmt: str, html_out: Path | None, federation: bool) -> None:
    """Run a SPARQL query (a string or a .rq file) against GRAPH (a file or store folder).

    \b
    Example:
        kg query output/graph.ttl queries/developed.rq --format csv
    """
    from graph.query import format_result, open_source, read_query, run_query

    source = open_source(graph_file)
    result = run_query(source, read_query(query), federation=federation)
    click.echo(format_result(result, fmt))
    if html_out is not None:
        from graph.html import write_query_html
        from graph.store import source_to_rdflib

        write_query_html(source_to_rdflib(source), result, html_out)


@cli.command("eval")
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.argument(
    "gold_files", metavar="GOLD...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def eval_command(graph_file: Path, gold_files: tuple[Path, ...], as_json: bool) -> None:
    """Score GRAPH against gold annotation files (TSV; one file per document).

    Prints precision, recall and F1 overall, per document and per relation, then every
    missed gold fact (with the gold evidence) and every wrong graph fact (with the
    sentence the graph gives for it). Exit status 0 after scoring, 2 on unreadable input.

    \b
    Example:
        kg eval output/graph.ttl ../shared/eval/gold/google-no-moat-memo.ja.gold.tsv
    """
    from graph.eval import evaluate_files, format_report, report_json

    report = evaluate_files(graph_file, gold_files)
    click.echo(report_json(report) if as_json else format_report(report))


# --- interop commands (export/validate/serve) ---


@cli.command("export")
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    default=None,
    metavar="FORMAT",
    help="turtle (ttl), ntriples (nt), nquads (nq), trig, jsonld (json-ld), rdfxml (xml, rdf), "
    "graphml or neo4j (a folder); default: from the --out file's suffix.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write (a folder for neo4j); default: standard output.",
)
def export_command(graph_file: Path, fmt: str | None, out: Path | None) -> None:
    """Export GRAPH (a file or store folder) for other tools: RDF, GraphML or Neo4j CSV.

    \b
    Examples:
        kg export output/graph.ttl --out output/graph.trig
        kg export output/graph.ttl --format graphml --out output/graph.graphml
        kg export output/graph.ttl --format neo4j --out output/neo4j
    """
    from graph.export import export_graph, format_for
    from graph.query import open_source

    chosen = format_for(fmt, out)  # before loading: a typo fails fast
    result = export_graph(open_source(graph_file), chosen, out)
    if isinstance(result, bytes):
        click.echo(result, nl=False)
    else:
        click.echo(f"Wrote {result}", err=True)


@cli.command("validate")
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option(
    "--shapes",
    type=click.Path(path_type=Path),
    default=None,
    help="SHACL shapes to use instead of the packaged contract (graph/data/shapes.ttl).",
)
def validate_command(graph_file: Path, shapes: Path | None) -> None:
    """Check GRAPH (a file or store folder) against the contract's SHACL shapes.

    Exit status 1 on any violation.

    \b
    Example:
        kg validate output/graph.ttl
    """
    from graph.query import open_source
    from graph.validate import format_report, load_shapes, validate_graph

    report = validate_graph(open_source(graph_file), load_shapes(shapes))
    click.echo(format_report(report))
    if not report.conforms:
        sys.exit(1)


@cli.command("serve")
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind (::1 for IPv6 loopback); keep loopback unless others must reach it.",
)
@click.option(
    "--port",
    default=7878,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="TCP port (0 picks a free one).",
)
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a query may run before it is stopped (503).",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes (each holds a copy of a graph file; a store folder is shared).",
)
@click.option(
    "--memory-limit",
    "memory_mb",
    default=2048,
    show_default=True,
    type=click.IntRange(64, 1 << 20),
    help="MiB a worker may grow above the loaded graph before its queries are stopped (503).",
)
@click.option(
    "--max-rows",
    default=100_000,
    show_default=True,
    type=click.IntRange(1, 1 << 40),
    help="Rows (or triples) one result may have (503 beyond).",
)
@click.option(
    "--queue-timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(min=0.0),
    help="Seconds a query may wait for a free query thread (503 beyond).",
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    metavar="ORIGIN",
    help="A web origin (https://example.org) whose pages may query the endpoint; repeatable.",
)
@click.option(
    "--allow-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Another Host name clients use to reach this server (e.g. behind a proxy).",
)
@click.option(
    "--federation",
    is_flag=True,
    help="Allow SERVICE clauses, which make the server send requests elsewhere (off by default).",
)
def serve_command(
    graph_file: Path,
    host: str,
    port: int,
    timeout: float,
    workers: int,
    memory_mb: int,
    max_rows: int,
    queue_timeout: float,
    cors_origins: tuple[str, ...],
    allowed_hosts: tuple[str, ...],
    federation: bool,
) -> None:
    """Serve GRAPH (a file or store folder) as a read-only SPARQL 1.1 endpoint at /sparql.

    \b
    Example:
        kg serve output/graph.ttl --port 7878
        curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * {?s ?p ?o} LIMIT 3' \\
            http://127.0.0.1:7878/sparql
    """
    from graph.serve import AccessPolicy, Limits, serve

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(
            f"Warning: binding {host}: anyone who can reach it can query the graph.", err=True
        )
    limits = Limits(
        timeout=timeout, memory_mb=memory_mb, max_rows=max_rows, queue_timeout=queue_timeout
    )
    policy = AccessPolicy(
        cors_origins=cors_origins, allowed_hosts=allowed_hosts, federation=federation
    )
    serve(graph_file, host, port, workers=workers, limits=limits, policy=policy)


@cli.command("push")
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.argument("url")
@click.option("--force", is_flag=True, help="Send every graph, even those the server already has.")
@click.option(
    "--timeout",
    default=120.0,
    show_default=True,
    type=click.FloatRange(min=1.0),
    help="Seconds to wait for each request.",
)
def push_command(graph_file: Path, url: str, force: bool, timeout: float) -> None:
    """Load GRAPH into a SPARQL 1.1 Graph Store server at URL, one named graph per document.

    Only graphs that changed since the last push are sent; graphs of removed documents
    are deleted.

    \b
    Examples:
        kg push output/graph.ttl http://127.0.0.1:7878/store
        kg push output/graph.ttl http://127.0.0.1:8890/sparql-graph-crud
    """
    from graph.push import push_graph
    from graph.query import open_source

    summary = push_graph(open_source(graph_file), url, timeout=timeout, force=force)
    click.echo(summary.line())


# --- end interop commands ---


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
