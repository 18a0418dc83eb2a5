"""A worker process of ``kg serve``: load the graph, share the socket, serve until told.

Started by the supervisor with ``python -c`` (not multiprocessing: spawn would re-import
the parent's ``__main__``, fork would copy a threaded server).
"""

from __future__ import annotations

import array
import asyncio
import contextlib
import ctypes
import json
import mmap
import os
import resource
import signal
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from graph.serve.http import Connection, WorkerState, rss_bytes, watch_limits
from graph.serve.protocol import AccessPolicy, Limits

# ---------------------------------------------------------------- worker process


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the supervisor dies, however it dies."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)


def _cap_address_space(extra_bytes: int) -> None:
    """A hard ceiling for runaway allocations the memory watch did not catch in time."""
    with open("/proc/self/status", encoding="ascii") as handle:
        size_kb = next(int(line.split()[1]) for line in handle if line.startswith("VmSize:"))
    ceiling = size_kb * 1024 + extra_bytes
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def worker_main(config_json: str) -> None:
    """Entry point of a worker process (started by :class:`SparqlServer` with ``python -c``)."""
    config = json.loads(config_json)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the supervisor
    _die_with_parent()
    ready = os.fdopen(config["ready_fd"], "w", buffering=1)
    try:
        from graph.store import open_graph

        source = open_graph(config["source"])
        store = source.store
        triples = len(store)
    except Exception as exc:
        ready.write(json.dumps({"failed": " ".join(str(exc).split())}) + "\n")
        return
    limits = Limits(**config["limits"])
    policy = AccessPolicy(
        **{k: tuple(v) if isinstance(v, list) else v for k, v in config["policy"].items()}
    )
    listener = socket.socket(fileno=config["listen_fd"])
    import uvloop

    uvloop.install()
    asyncio.run(
        _worker_loop(store, source.is_dataset, listener, limits, policy, config, ready, triples)
    )


class Shares:
    """Open-connection counts of all workers, in a small shared file (one int32 each).

    A worker that holds more kept-alive clients than the least loaded one lets the next
    connection go to another worker, so 8 clients do not all end up on one process.
    A worker that is gone counts as full (the supervisor and the worker itself mark it).
    """

    FULL = 1 << 30

    def __init__(self, path: str, workers: int, index: int | None = None) -> None:
        self._file = open(path, "r+b")  # noqa: SIM115 - lives as long as the worker
        self._map = mmap.mmap(self._file.fileno(), 4 * workers)
        self.view = memoryview(self._map).cast("i")
        self.index = index

    @staticmethod
    def create(path: str, workers: int) -> None:
        with open(path, "wb") as handle:
            handle.write(array.array("i", [Shares.FULL] * workers).tobytes())

    def set(self, value: int, index: int | None = None) -> None:
        self.view[self.index if index is None else index] = value

    def mark_full(self, index: int | None = None) -> None:
        self.set(self.FULL, index)

    def should_yield(self) -> bool:
        assert self.index is not None
        return self.view[self.index] > min(self.view) + 1


def _accept_balanced(
    loop: asyncio.AbstractEventLoop, listener: socket.socket, state: WorkerState
) -> None:
    """Accept one connection per wake-up, and leave it to a less loaded worker if any.

    Every worker waits on the one listening socket. An event loop's own accept takes all
    pending connections at once, so a burst of 8 clients could all land on one worker
    while the other idles. A connection left for another worker is taken anyway after a
    few milliseconds, so no client waits on a balance that cannot be reached.
    """
    listener.setblocking(False)
    fd = listener.fileno()
    waiting_since: float | None = None

    def accept() -> None:
        nonlocal waiting_since
        shares = state.shares
        while True:
            if shares is not None and shares.should_yield():
                now = time.monotonic()
                waiting_since = waiting_since or now
                if now - waiting_since < 0.005:
                    loop.remove_reader(fd)  # look again soon; another worker may take it
                    loop.call_later(0.001, loop.add_reader, fd, accept)
                    return
            waiting_since = None
            try:
                conn, _ = listener.accept()
            except (BlockingIOError, InterruptedError):
                return  # none left (or another worker took it)
            except OSError:
                return  # out of file descriptors: the client waits in the backlog
            if shares is not None:  # counted now: connection_made comes a loop turn later
                state.accepted += 1
                shares.set(len(state.connections) + state.accepted)
            conn.setblocking(False)
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            loop.create_task(_connect(conn))

    async def _connect(conn: socket.socket) -> None:
        try:
            await loop.connect_accepted_socket(lambda: Connection(state), conn)
        finally:
            state.accepted -= 1

    loop.add_reader(fd, accept)


async def _worker_loop(
    store: Any,
    union: bool,
    listener: socket.socket,
    limits: Limits,
    policy: AccessPolicy,
    config: dict[str, Any],
    ready: Any,
    triples: int,
) -> None:
    loop = asyncio.get_running_loop()
    executor = ThreadPoolExecutor(max_workers=limits.query_threads, thread_name_prefix="query")
    # Start every query thread now, so the address-space ceiling counts their stacks.
    warm = [loop.run_in_executor(executor, time.sleep, 0.01) for _ in range(limits.query_threads)]
    await asyncio.gather(*warm)
    state = WorkerState(
        store=store,
        union=union,
        limits=limits,
        policy=policy,
        hosts=frozenset(config["hosts"]),
        url=config["url"],
        any_ip_host=config["any_ip_host"],
        executor=executor,
        loop=loop,
        shares=Shares(config["shares"], config["workers"], config["index"]),
    )
    state.shares.set(0)
    baseline = rss_bytes()
    _cap_address_space(2 * limits.memory_mb * (1 << 20) + (1 << 30))
    _accept_balanced(loop, listener, state)
    watch = loop.create_task(watch_limits(state, baseline))
    ready.write(json.dumps({"ready": triples}) + "\n")
    ready.close()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    state.shares.set(Shares.FULL)
    watch.cancel()
    os._exit(0)  # queries still running in threads cannot be joined; nothing to flush
