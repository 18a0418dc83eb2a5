"""The ``kg`` command: a thin Click layer over the library.

Each command parses options, calls one library function and formats its result. Any
:class:`~graph.errors.KgError` becomes a one-line ``Error: ...`` with exit status 2.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graph.errors import KgError

__all__ = ["cli", "main"]


class _KgGroup(click.Group):
    """Turns library errors into one-line messages with exit status 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=_KgGroup)
@click.version_option(package_name="newskg")
def cli() -> None:
    """Build, query and export knowledge graphs of AI-industry news."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out", "out_dir", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
    help="Folder for graph.ttl and graph.html.",
)
@click.option("--encoding", default=None, help="Encoding of the input files (default: UTF-8/UTF-16 by BOM).")
@click.option("--skip-bad", is_flag=True, help="Report and skip unreadable files instead of stopping.")
@click.option(
    "--progress/--no-progress", default=None,
    help="Progress bar while parsing (default: only on a terminal).",
)
def build(
    paths: tuple[Path, ...],
    out_dir: Path,
    encoding: str | None,
    skip_bad: bool,
    progress: bool | None,
) -> None:
    """Build the graph from documents (default: seeds/) into OUT/graph.ttl and graph.html.

    \b
    Example:
        kg build seeds/ --out output/
    """
    from graph.pipeline import build_outputs

    show_progress = sys.stderr.isatty() if progress is None else progress
    summary = build_outputs(
        list(paths) or [Path("seeds")],
        out_dir,
        encoding=encoding,
        skip_bad=skip_bad,
        progress=show_progress,
    )
    for message in summary.skipped:
        click.echo(f"Skipped: {message}", err=True)
    click.echo(summary.line())


@cli.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path))
@click.argument("query")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
    show_default=True, help="Output format.",
)
@click.option("--html", "html_out", type=click.Path(path_type=Path), default=None,
              help="Also render the result as an interactive HTML page.")
def query(graph_file: Path, query: str, fmt: str, html_out: Path | None) -> None:
    """Run a SPARQL query (a string or a .rq file) against GRAPH.

    \b
    Example:
        kg query output/graph.ttl queries/developed.rq --format csv
    """
    from graph.query import format_result, load_graph, read_query, run_query

    graph = load_graph(graph_file)
    result = run_query(graph, read_query(query))
    click.echo(format_result(result, fmt))
    if html_out is not None:
        from graph.html import write_query_html

        write_query_html(graph, result, html_out)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
