"""Writing output files safely: deterministic Turtle, atomic files, all-or-nothing folders.

A failed or interrupted run must never leave a half-written file, nor a new ``graph.ttl``
beside an old ``graph.html``. Single files go through :func:`write_atomic` (temp file in
the same folder, fsync, ``os.replace``). A build's whole output folder goes through
:class:`OutputFolder`: every output is written into a hidden sibling folder, which is then
swapped with the old folder in one ``renameat2(RENAME_EXCHANGE)`` call, so readers see the
old set or the new set and nothing in between. Files in the folder that the build does not
own (a README picture, your notes) are carried over as hard links.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from rdflib import Graph

    from graph.store import GraphSource

from graph.errors import KgError

__all__ = [
    "MANIFEST",
    "OutputFolder",
    "OutputFolderError",
    "serialize_turtle",
    "write_atomic",
    "write_turtle",
]

#: Written last into every output folder: which entries the build wrote (and owns).
MANIFEST = ".kg-build.json"
#: Entries a build may have written before manifests existed (owned when there is none).
_LEGACY_OUTPUTS = (
    "graph.ttl",
    "graph.html",
    "graph.nt",
    "graph.nq",
    "graph.trig",
    "graph.jsonld",
    "graph.rdf",
    "graph.graphml",
    "neo4j",
)
_STAGING = "kg-new"
_RETIRED = "kg-old"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class OutputFolderError(KgError):
    """The output folder cannot be written (a file in the way, read-only, holds the inputs)."""


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write ``data`` to ``path`` so that readers see either the old file or the whole new one."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    return write_atomic_stream(path, lambda handle: handle.write(payload))


def write_atomic_stream(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> Path:
    """:func:`write_atomic` for output that ``write`` streams into the open file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def serialize_turtle(graph: Graph | GraphSource) -> bytes:
    """Turtle with sorted prefixes, subjects, predicates and objects: same graph, same bytes.

    The graph goes through Oxigraph's canonical N-Triples (Rust) and one sort, then a
    single pass writes the Turtle (see :mod:`graph.ntriples`): linear after the sort, and
    numbers keep their exact lexical form.
    """
    from graph.namespaces import PREFIXES
    from graph.ntriples import graph_lines, turtle_document

    prefixes = {**PREFIXES, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
    return turtle_document(graph_lines(graph), prefixes)


def write_turtle(graph: Graph, path: str | os.PathLike[str]) -> Path:
    return write_atomic(path, serialize_turtle(graph))


# --- all-or-nothing output folders -----------------------------------------------------


def _shown(path: Path) -> str:
    from graph.documents import display_path

    return display_path(path)


class OutputFolder:
    """A build's output folder, staged beside the real one and swapped in whole.

    Use :meth:`prepare` before any expensive work (it runs every check that could fail),
    write into :attr:`staging`, then :meth:`commit` with the names written. Leaving the
    ``with`` block without committing discards the staging folder and changes nothing.
    """

    def __init__(self, target: Path, staging: Path, anchor: Path) -> None:
        self.target = target  # the folder the user named, resolved
        self.staging = staging  # hidden sibling (or in the nearest existing ancestor)
        self._anchor = anchor  # the existing folder that holds the staging folder
        self._committed = False

    # -- checks, before any work
    @classmethod
    def prepare(
        cls, out_dir: str | os.PathLike[str], *, inputs: Iterable[Path] = ()
    ) -> OutputFolder:
        """Check that ``out_dir`` can be replaced, clean a killed build's leftovers, stage.

        Raises :class:`OutputFolderError` for a file where a folder must be, a read-only
        folder, a folder that holds the inputs or the current folder, or the root.
        """
        target = Path(os.path.realpath(out_dir))
        shown = _shown(Path(out_dir))
        if target.exists() and not target.is_dir():
            raise OutputFolderError(f"--out {shown} is a file; give a folder for the outputs")
        anchor = target if target.exists() else target.parent
        while not anchor.exists():
            anchor = anchor.parent
        if not anchor.is_dir():
            raise OutputFolderError(
                f"{_shown(anchor)} is a file where a folder must be (for --out {shown}); "
                "give --out a path under a folder"
            )
        if target.exists():
            if target == Path(target.anchor) or os.path.ismount(target):
                raise OutputFolderError(
                    f"--out {shown} is a root or mount point; give a folder of its own"
                )
            _check_writable(target, shown)
            anchor = target.parent
        _check_writable(anchor, _shown(anchor))
        for path in (Path.cwd(), *inputs):
            real = Path(os.path.realpath(path))
            if real == target or real.is_relative_to(target):
                what = "the current folder" if path == Path.cwd() else f"the input {_shown(path)}"
                raise OutputFolderError(
                    f"--out {shown} holds {what}; a build replaces its output folder whole, "
                    "so give it a folder of its own, e.g. --out output"
                )
        cls.clean_leftovers(target, anchor)
        try:
            staging = Path(
                tempfile.mkdtemp(prefix=f".{target.name}.{_STAGING}-{os.getpid()}-", dir=anchor)
            )
        except OSError as exc:
            raise OutputFolderError(
                f"cannot write in {_shown(anchor)} ({exc.strerror}); "
                "make it writable or choose another --out"
            ) from exc
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o777 & ~_umask()
        os.chmod(staging, mode)
        return cls(target, staging, anchor)

    @staticmethod
    def clean_leftovers(target: Path, anchor: Path | None = None) -> None:
        """Remove what a killed build left beside ``target``; restore it if it was mid-swap."""
        anchor = anchor or target.parent
        if not anchor.is_dir():
            return
        leftover = re.compile(
            rf"\.{re.escape(target.name)}\.({_STAGING}|{_RETIRED})-(\d+)-[^/]+", re.DOTALL
        )
        for entry in sorted(anchor.iterdir()):
            match = leftover.fullmatch(entry.name)
            if match is None or _alive(int(match.group(2))):
                continue
            if match.group(1) == _RETIRED and not target.exists():
                entry.rename(target)  # killed between the two renames of the fallback swap
            else:
                shutil.rmtree(entry, ignore_errors=True)

    # -- writing
    def path(self, name: str) -> Path:
        """Where to write output ``name`` (inside the staging folder)."""
        return self.staging / name

    def shared_path(self, name: str) -> Path:
        """Where to open a file that lives across builds (the extraction cache).

        In the current folder when there is one, so that what a killed build had written
        (and SQLite's journal beside it) stays where the next build looks; it is carried
        into the new folder at :meth:`commit` (pass its name as ``shared``).
        """
        return (self.target if self.target.is_dir() else self.staging) / name

    def manifest(self) -> dict:
        """The manifest of the current folder's last build (empty if there is none)."""
        try:
            data = json.loads((self.target / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def unchanged_since(self, build_key: str) -> dict | None:
        """The last build's manifest if it was made from the same inputs and extractor
        (``build_key``) and its outputs are still as it wrote them; else None."""
        manifest = self.manifest()
        if manifest.get("build_key") != build_key:
            return None
        for name, digest in manifest.get("files", {}).items():
            if _file_digest(self.target / name) != digest:
                return None
        if not all((self.target / name).exists() for name in manifest.get("outputs", ())):
            return None
        return manifest

    def commit(
        self, outputs: Iterable[str], *, shared: Iterable[str] = (), record: dict | None = None
    ) -> None:
        """Swap the staging folder in, with ``outputs`` written and everything else kept.

        ``shared`` names files opened at :meth:`shared_path`: kept, but not outputs.
        ``record`` is stored in the manifest (the build key and counts of this build).
        """
        produced = list(dict.fromkeys(outputs))
        shared = sorted(set(shared))
        keep = set(produced) | set(shared) | {MANIFEST}
        previous = self._previous_outputs()
        if self.target.exists():
            for entry in sorted(self.target.iterdir()):
                destination = self.staging / entry.name
                ours = entry.name in keep or entry.name in previous
                if (entry.name in shared or not ours) and not destination.exists():
                    _link_tree(entry, destination)
        files = {
            name: _file_digest(self.staging / name)
            for name in produced
            if (self.staging / name).is_file()
        }
        manifest = {**(record or {}), "outputs": produced, "files": files}
        write_atomic(
            self.staging / MANIFEST,
            json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        )
        _fsync_dir(self.staging)
        if not self.target.exists():
            self.target.parent.mkdir(parents=True, exist_ok=True)
            os.rename(self.staging, self.target)
            self._committed = True
            _fsync_dir(self.target.parent)
            return
        retired = self._swap()
        self._committed = True
        # Entries someone created in the old folder while we staged are not lost.
        for entry in sorted(retired.iterdir()):
            if entry.name not in keep and entry.name not in previous:
                destination = self.target / entry.name
                if not destination.exists() and not destination.is_symlink():
                    entry.rename(destination)
        shutil.rmtree(retired, ignore_errors=True)

    def discard(self) -> None:
        if not self._committed:
            shutil.rmtree(self.staging, ignore_errors=True)

    def __enter__(self) -> OutputFolder:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.discard()

    # -- internals
    def _previous_outputs(self) -> set[str]:
        manifest = self.target / MANIFEST
        try:
            return set(json.loads(manifest.read_text(encoding="utf-8"))["outputs"])
        except (OSError, ValueError, KeyError, TypeError):
            return set(_LEGACY_OUTPUTS) if self.target.exists() else set()

    def _swap(self) -> Path:
        """Exchange staging and target; returns where the old folder now is."""
        if _exchange(self.staging, self.target):
            _fsync_dir(self.target.parent)
            return self.staging
        # No atomic exchange here (not Linux, or a file system without it): two renames.
        # A kill between them leaves no target but a retired folder, which the next build
        # renames back (clean_leftovers).
        retired = self.target.parent / (
            f".{self.target.name}.{_RETIRED}-{os.getpid()}-{self.staging.name.rsplit('-', 1)[-1]}"
        )
        os.rename(self.target, retired)
        os.rename(self.staging, self.target)
        _fsync_dir(self.target.parent)
        return retired


def _check_writable(folder: Path, shown: str) -> None:
    mode = folder.stat().st_mode
    if not os.access(folder, os.W_OK | os.X_OK) or not mode & 0o222:
        raise OutputFolderError(
            f"{shown} is read-only; make it writable (chmod u+w) or choose another --out"
        )


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two paths (Linux ``renameat2``); False where that is not supported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), os.fsdecode(second))


def _link_or_copy(source: Path, destination: Path) -> None:
    try:
        os.link(source, destination, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, destination, follow_symlinks=False)


def _link_tree(source: Path, destination: Path) -> None:
    """Carry a file, symlink or folder into the new output folder without copying data."""
    if source.is_symlink():
        os.symlink(os.readlink(source), destination)
    elif source.is_dir():
        shutil.copytree(source, destination, symlinks=True, copy_function=_link_or_copy)
    else:
        _link_or_copy(source, destination)


def _file_digest(path: Path) -> str | None:
    import hashlib

    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
