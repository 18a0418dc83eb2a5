"""Parse-and-extract on a Dask distributed cluster: documents out in batches, records back.

``kg build --workers N`` starts a :class:`~distributed.LocalCluster` of N worker processes
on this machine; ``kg build --cluster tcp://HOST:8786`` uses a running scheduler whose
workers (``dask worker tcp://HOST:8786``, on any machine with this package installed)
do the parsing. Each worker loads a language's spaCy pipeline once, on its first batch,
and keeps it (:func:`graph.lang.reader_for` caches readers per process).

Why the output is byte-identical to a single-process build: a document's facts depend
only on its text and the extractor (:class:`~graph.model.DocumentFacts`), never on which
batch or worker read it; records come back as the lossless JSON of :mod:`graph.records`
and are merged on the client by the same deterministic ``assemble``. Workers whose
extractor differs from the client's (another version, another model) are refused.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from graph.errors import KgError
from graph.lexicon import Lexicon
from graph.model import Document

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

__all__ = ["ClusterError", "ParseCluster", "WorkerRecords"]

#: A batch closes at this many characters (or documents): big enough to keep a worker
#: busy between round trips, small enough to spread a corpus over every worker.
BATCH_CHARACTERS = 40_000
BATCH_DOCUMENTS = 32


class ClusterError(KgError):
    """The cluster cannot be reached, or its workers cannot read our documents."""


@dataclass(frozen=True)
class WorkerRecords:
    """What a worker sends back for one document: its facts as JSON, and their key."""

    doc_id: str
    sha256: str
    language: str
    facts_json: str


def read_batch(language: str, documents: list[Document], lexicon: Lexicon) -> list[WorkerRecords]:
    """On a worker: read one batch with the language's reader; records without text."""
    from graph.lang import reader_for
    from graph.records import facts_to_json

    out = []
    for facts in reader_for(language).read(documents, lexicon):
        document = facts.document
        stored = replace(facts, document=replace(document, text=""))
        out.append(WorkerRecords(document.doc_id, document.sha256, language, facts_to_json(stored)))
    return out


def worker_fingerprints(languages: Sequence[str]) -> dict[str, str]:
    """On a worker: its reader fingerprint per language (to refuse mismatched workers)."""
    from graph.lang import reader_for

    return {language: reader_for(language).fingerprint() for language in languages}


class ParseCluster:
    """A Dask client (and, for ``--workers``, the local cluster it owns)."""

    def __init__(self, client: Client, cluster: LocalCluster | None, description: str) -> None:
        self.client = client
        self._cluster = cluster
        self.description = description

    @classmethod
    def local(cls, workers: int) -> ParseCluster:
        """Start ``workers`` worker processes here, one thread each (spaCy is not
        thread-parallel); they listen on loopback only."""
        from distributed import Client, LocalCluster

        if workers < 1:
            raise ClusterError(f"--workers {workers}: give at least 1 worker")
        # The processes the cluster spawns inherit this thread's blocked signals: Ctrl-C
        # then reaches the build alone (a moment later, when it is unblocked here), which
        # closes the cluster, instead of every worker printing a traceback.
        # A Ctrl-C that another thread receives meanwhile is only noted, and acted on once
        # the cluster is up: raised inside the cluster's start-up, it could be swallowed
        # there and the build would go on.
        with _ctrl_c_noted() as interrupted:
            previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            try:
                cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.CRITICAL,
                )
            finally:
                # a pending Ctrl-C lands now, while it is still only noted
                signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        if interrupted:
            cluster.close()
            raise KeyboardInterrupt
        try:
            client = Client(cluster)
        except BaseException:
            cluster.close()
            raise
        return cls(client, cluster, f"a local cluster of {workers} worker processes")

    @classmethod
    def connect(cls, address: str, *, timeout: float = 10.0) -> ParseCluster:
        """Use the scheduler at ``address`` (``tcp://HOST:8786``) and its workers."""
        from distributed import Client

        try:
            client = Client(address, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(
                f"cannot reach a Dask scheduler at {address} ({exc}); start one with "
                f"`dask scheduler` and workers with `dask worker {address}`"
            ) from exc
        workers = len(client.scheduler_info().get("workers", {}))
        if workers == 0:
            client.close()
            raise ClusterError(
                f"the Dask scheduler at {address} has no workers; start some with "
                f"`dask worker {address}` on machines with newskg installed"
            )
        return cls(client, None, f"the cluster at {address} ({workers} workers)")

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def check_workers(self, languages: Iterable[str]) -> None:
        """Refuse workers whose readers differ from ours (code, data, model versions):
        their facts would differ from a single-process build's."""
        fingerprints = worker_fingerprints(sorted(languages))
        try:
            answers = self.client.run(worker_fingerprints, sorted(fingerprints))
        except Exception as exc:
            raise ClusterError(
                f"the workers of {self.description} cannot load newskg's readers ({exc}); "
                "install the same newskg on every worker machine"
            ) from exc
        for worker, theirs in sorted(answers.items()):
            for language, ours in fingerprints.items():
                if theirs.get(language) != ours:
                    raise ClusterError(
                        f"worker {worker} reads {language!r} with another extractor "
                        f"(fingerprint {str(theirs.get(language))[:12]}, ours {ours[:12]}); "
                        "install the same newskg version and spaCy models on every worker"
                    )

    def read(self, documents: Iterable[Document], lexicon: Lexicon) -> Iterator[WorkerRecords]:
        """Every document's records, in input order, with a bounded number of batches in
        flight (so neither documents nor records pile up in memory)."""
        lexicon_future = self.client.scatter(lexicon, broadcast=True, hash=False)
        window = 2 * self.workers
        pending: deque[Any] = deque()
        # Ctrl-C is noted here and raised between waits, by us: raised inside the client's
        # wait, distributed turns it into cancelled futures (FutureCancelledError, exit 1)
        # or loses it, and the build goes on.
        with _ctrl_c_noted() as interrupted:
            for language, batch in _batches(documents):
                pending.append(
                    self.client.submit(read_batch, language, batch, lexicon_future, pure=False)
                )
                if len(pending) >= window:
                    yield from _result(pending.popleft(), interrupted)
            while pending:
                yield from _result(pending.popleft(), interrupted)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> ParseCluster:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


@contextmanager
def _ctrl_c_noted() -> Iterator[list[int]]:
    """While active, Ctrl-C is only noted in the list yielded (in the main thread; elsewhere
    signals cannot be handled and nothing changes): the caller raises it where it is safe."""
    interrupted: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield interrupted
        return
    handler = signal.signal(signal.SIGINT, lambda number, _: interrupted.append(number))
    try:
        yield interrupted
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if handler is None else handler)


def _result(future: Any, interrupted: list[int]) -> Any:
    """A batch's records, waited for in short steps so a noted Ctrl-C is raised soon."""
    while True:
        if interrupted:
            raise KeyboardInterrupt
        try:
            return future.result(timeout=0.25)
        except TimeoutError:
            continue
        except Exception:
            if interrupted:  # the interrupt cancelled the batch on its way
                raise KeyboardInterrupt from None
            raise


def _batches(documents: Iterable[Document]) -> Iterator[tuple[str, list[Document]]]:
    """Consecutive documents of one language, up to the batch limits."""
    batch: list[Document] = []
    size = 0
    for document in documents:
        if batch and (
            document.language != batch[0].language
            or size >= BATCH_CHARACTERS
            or len(batch) >= BATCH_DOCUMENTS
        ):
            yield batch[0].language, batch
            batch, size = [], 0
        batch.append(document)
        size += len(document.text)
    if batch:
        yield batch[0].language, batch
