"""Parse-and-extract on a real Dask cluster (issue 11 item 3): same bytes as one process."""

from __future__ import annotations

import logging
import shutil
import socket
from pathlib import Path

import pytest

from graph.cluster import ClusterError, ParseCluster, _batches
from graph.model import Document
from graph.pipeline import build_outputs
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

HELDOUT = ROOT / "tests" / "data" / "heldout"


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for path in sorted(HELDOUT.glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def plain(articles: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("plain")
    build_outputs([articles], out, use_cache=False)
    return out


def assert_same(out: Path, reference: Path) -> None:
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name


def test_workers_2_is_byte_identical_to_one_process(articles: Path, plain: Path, tmp_path):
    summary = build_outputs([articles], tmp_path, use_cache=False, workers=2)
    assert summary.parsed == 5
    assert_same(tmp_path, plain)


def test_an_existing_cluster_by_address(articles: Path, plain: Path, tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        scheduler_port=0,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster:
        build_outputs([articles], tmp_path, cluster=cluster.scheduler_address)
    assert_same(tmp_path, plain)
    # the cluster's records went into the cache: a rebuild needs no cluster at all
    assert build_outputs([articles], tmp_path).up_to_date


def test_an_unreachable_scheduler_is_a_one_line_error(articles: Path, tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ClusterError, match="cannot reach a Dask scheduler") as info:
        ParseCluster.connect(f"tcp://127.0.0.1:{port}", timeout=2)
    assert "\n" not in str(info.value) and "dask worker" in str(info.value)
    assert not (tmp_path / "graph.ttl").exists()


def test_workers_with_another_extractor_are_refused() -> None:
    class Client:  # answers as workers running another version would
        def run(self, function, languages):
            return {"tcp://10.0.0.9:4000": {language: "0" * 64 for language in languages}}

    cluster = ParseCluster(Client(), None, "a test cluster")  # type: ignore[arg-type]
    with pytest.raises(ClusterError, match="another extractor"):
        cluster.check_workers(["ja"])


def test_batches_keep_one_language_and_bounded_size() -> None:
    def doc(i: int, language: str, size: int) -> Document:
        return Document(f"d{i}", f"d{i}.txt", "t", "あ" * size, language, str(i))

    documents = [doc(0, "ja", 10), doc(1, "ja", 50_000), doc(2, "ja", 10), doc(3, "en", 10)]
    batches = [(language, [d.doc_id for d in batch]) for language, batch in _batches(documents)]
    assert batches == [("ja", ["d0", "d1"]), ("ja", ["d2"]), ("en", ["d3"])]
