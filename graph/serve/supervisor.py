"""The supervisor of ``kg serve``: the listening socket and the workers (start, replace, stop)."""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

from graph.errors import ServeError
from graph.serve.protocol import DEFAULT_PORT, DEFAULT_TIMEOUT, AccessPolicy, Limits
from graph.serve.worker import Shares

STARTUP_TIMEOUT = 300.0  # loading a big graph into a worker may take a while

# ---------------------------------------------------------------- supervisor


def _allowed_hosts(host: str, port: int, extra: tuple[str, ...]) -> tuple[frozenset[str], bool]:
    """Host header values that name this server, and whether any IP literal is fine."""
    names = {host.lower(), *(e.lower() for e in extra)}
    wildcard = host in ("0.0.0.0", "::", "")
    if wildcard or host in ("127.0.0.1", "::1", "localhost") or host.startswith("127."):
        names |= {"127.0.0.1", "localhost", "::1"}
    values = set()
    for name in names:
        shown = f"[{name}]" if ":" in name and not name.startswith("[") else name
        values.add(f"{shown}:{port}")
        if port == 80:
            values.add(shown)
    return frozenset(values), wildcard


def _listen(host: str, port: int) -> socket.socket:
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(1024)
    except OSError as exc:
        raise ServeError(
            f"cannot listen on {host}:{port} ({exc.strerror or exc}); "
            "stop the other server or pick another --port"
        ) from exc
    sock.set_inheritable(True)
    return sock


class _WorkerProcess:
    """One worker: a ``python -c`` child sharing the listening socket, and its ready pipe."""

    def __init__(self, config: dict[str, Any], listener: socket.socket, index: int) -> None:
        read_fd, write_fd = os.pipe()
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_root, env.get("PYTHONPATH", "")) if p
        )
        env.setdefault("MALLOC_ARENA_MAX", "2")  # keeps the address-space ceiling meaningful
        payload = json.dumps(
            {**config, "listen_fd": listener.fileno(), "ready_fd": write_fd, "index": index}
        )
        code = "import sys; from graph.serve.worker import worker_main; worker_main(sys.argv[1])"
        self.process = subprocess.Popen(
            [sys.executable, "-c", code, payload],
            pass_fds=(listener.fileno(), write_fd),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        os.close(write_fd)
        self.ready = os.fdopen(read_fd, "r")

    def wait_ready(self, timeout: float) -> int:
        with selectors.DefaultSelector() as selector:
            selector.register(self.ready, selectors.EVENT_READ)
            if not selector.select(timeout):
                self.stop()
                raise ServeError(
                    f"the query worker did not load the graph within {timeout:.0f} s; "
                    "is the file very large? try a store folder (kg build --store)"
                )
        line = self.ready.readline()
        self.ready.close()
        message = json.loads(line) if line.strip() else {"failed": "the worker died while loading"}
        if "ready" not in message:
            self.stop()
            raise ServeError(
                f"cannot load the graph: {message['failed']}; check the file with kg validate"
            )
        return int(message["ready"])

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, grace: float = 5.0) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.ready.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


class SparqlServer:
    """The endpoint: a listening socket and worker processes that serve it.

    Use as a context manager, or call :meth:`close` when done, so the workers stop.
    ``port=0`` picks a free port (see :attr:`url`). :meth:`serve_forever` supervises the
    workers (replacing any that exit) until :meth:`shutdown`.
    """

    def __init__(
        self,
        graph_file: str | Path,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        workers: int = 2,
        limits: Limits | None = None,
        policy: AccessPolicy | None = None,
        log_requests: bool = False,  # kept for callers; workers do not log per request
    ) -> None:
        source = Path(graph_file)
        if not source.exists():
            raise ServeError(
                f"{source}: no such graph file or store folder; "
                "run `kg build` first or check the path"
            )
        limits = limits or Limits(timeout=timeout)
        if limits.timeout <= 0:
            raise ServeError(f"--timeout must be positive, not {limits.timeout:g}")
        if workers < 1:
            raise ServeError(f"need at least one worker, not {workers}")
        self.limits = limits
        self.policy = policy or AccessPolicy()
        self.timeout = limits.timeout
        self.graph_file = source
        self._socket = _listen(host, port)
        handle, self._shares_path = tempfile.mkstemp(prefix="newskg-serve-", suffix=".shares")
        os.close(handle)
        Shares.create(self._shares_path, workers)
        self._shares = Shares(self._shares_path, workers)
        self.server_address = self._socket.getsockname()
        bound_port = int(self.server_address[1])
        hosts, any_ip = _allowed_hosts(host, bound_port, self.policy.allowed_hosts)
        self._config = {
            "source": str(source.resolve()),
            "limits": asdict(limits),
            "policy": asdict(self.policy),
            "hosts": sorted(hosts),
            "workers": workers,
            "shares": self._shares_path,
            "any_ip_host": any_ip,
            "url": self.url,
        }
        self._workers: list[_WorkerProcess] = []
        self._stop = threading.Event()
        self._stopped = threading.Event()
        self._stopped.set()
        try:
            self._workers = [
                _WorkerProcess(self._config, self._socket, index) for index in range(workers)
            ]
            counts = [w.wait_ready(STARTUP_TIMEOUT) for w in self._workers]
        except BaseException:
            self.close()
            raise
        self.triples = counts[0]

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else str(host)
        return f"http://{shown}:{port}/sparql"

    def serve_forever(self, poll_interval: float = 0.1) -> None:
        """Replace workers that exit (a stopped query, a crash) until :meth:`shutdown`."""
        self._stopped.clear()
        try:
            while not self._stop.wait(poll_interval):
                for index, worker in enumerate(self._workers):
                    if not worker.alive():
                        self._shares.set(Shares.FULL, index)
                        self._workers[index] = _WorkerProcess(self._config, self._socket, index)
        finally:
            self._stopped.set()

    def shutdown(self) -> None:
        self._stop.set()
        self._stopped.wait(timeout=10)

    def close(self) -> None:
        """Stop every worker (SIGTERM, then SIGKILL) and the listening socket."""
        self._stop.set()
        for worker in self._workers:
            worker.stop()
        self._socket.close()
        with contextlib.suppress(OSError):
            os.unlink(self._shares_path)

    def __enter__(self) -> SparqlServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def serve(
    graph_file: str | Path,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = 2,
    limits: Limits | None = None,
    policy: AccessPolicy | None = None,
) -> None:
    """Serve until Ctrl-C or SIGTERM; both stop every worker before returning."""

    def terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        with SparqlServer(
            graph_file, host, port, timeout=timeout, workers=workers, limits=limits, policy=policy
        ) as server:
            line = f"Serving {server.triples} triples at {server.url} (read-only; Ctrl-C to stop)"
            print(line, file=sys.stderr, flush=True)
            with contextlib.suppress(KeyboardInterrupt):
                server.serve_forever()
    finally:
        signal.signal(signal.SIGTERM, previous)
