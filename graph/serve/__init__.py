"""A read-only SPARQL 1.1 Protocol endpoint over a built graph, safe to leave running.

Why: YASGUI, SPARQLWrapper, Protégé and most RDF tools talk to *endpoints*, not files.
``kg serve`` gives them one without installing a triple store.

Design, and why:

* **Worker processes serve HTTP themselves** (pre-fork): each loads the graph into its
  own Oxigraph store (or opens a store folder read-only) and accepts connections on the
  shared listening socket, so both cores parse HTTP and answer queries and no front
  process forwards every request. The supervisor (:class:`SparqlServer`) only starts
  workers, replaces any that exit, and stops them all on SIGTERM or Ctrl-C; workers also
  die with it (``PR_SET_PDEATHSIG``).
* **HTTP/1.1 by httptools** (llhttp, the C parser of Node.js; uvicorn's) on uvloop: chunked
  bodies, keep-alive, pipelining and ``Content-Length`` validation handled by maintained
  code, at a few microseconds a request; TCP_NODELAY and one write per response, so a
  kept-alive connection waits for no timer.
* **Queries run in a few threads per worker** (Oxigraph releases the GIL), so two slow
  queries do not block everyone. A query waits at most ``queue_timeout`` for a thread,
  then gets 503. A query cannot be interrupted from Python, so one that passes
  ``timeout``, or a worker whose memory passes ``memory_mb`` above the loaded graph,
  ends the worker process: every query in flight gets a 503 that says why, and the
  supervisor starts a fresh worker. A hard address-space limit (``setrlimit``) backs the
  memory check up. A result with more than ``max_rows`` rows is abandoned while
  streaming (503, nothing materialised).
* **Nothing leaves the machine**: ``SERVICE`` is refused (403) unless ``federation`` is
  on; updates are refused (403). Only the origins named in ``cors_origins`` may call the
  endpoint from a browser; a request whose ``Host`` is not this server's (DNS rebinding)
  gets 403.
* **Slow or broken clients cost little**: the whole request (headers and body) must
  arrive within ``request_timeout`` (slowloris), idle keep-alive connections are closed,
  bodies over 1 MiB are refused from their ``Content-Length`` before they are read, and
  malformed bodies are refused before any SPARQL parser sees them.

The package: :mod:`~graph.serve.protocol` (SPARQL Protocol: formats, negotiation, the
answer to one request), :mod:`~graph.serve.http` (one worker's connections and limits),
:mod:`~graph.serve.worker` (a worker process), :mod:`~graph.serve.supervisor` (the
listening socket and the workers: :class:`SparqlServer`).
"""

from __future__ import annotations

from graph.serve.protocol import (
    DEFAULT_PORT,
    DEFAULT_TIMEOUT,
    GRAPH_FORMATS,
    RESULT_FORMATS,
    AccessPolicy,
    Limits,
    is_update,
    negotiate,
)
from graph.serve.supervisor import SparqlServer, serve

__all__ = [
    "DEFAULT_PORT",
    "DEFAULT_TIMEOUT",
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "AccessPolicy",
    "Limits",
    "SparqlServer",
    "is_update",
    "negotiate",
    "serve",
]
