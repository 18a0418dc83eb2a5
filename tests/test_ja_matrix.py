"""The Japanese construction matrix of ../shared/eval, built as one corpus: the bar of the
Japanese recall issue (one small document per syntactic form of each relation, negatives
included)."""

from __future__ import annotations

from tests.conftest import construction_matrix_report


def test_construction_matrix_bar(tmp_path) -> None:
    """At least 95% of the items pass, at least 95% of the negatives stay clean, and every
    relation passes at least 6 of its 7 forms (proportionally where it has more or fewer)."""
    report = construction_matrix_report("ja", tmp_path)
    assert report["pass_rate"] >= 0.95, report
    assert report["polarity"]["neg"]["rate"] >= 0.95, report["polarity"]
    for relation, counts in report["relation"].items():
        assert counts["passed"] * 7 >= counts["items"] * 6, (relation, counts)
