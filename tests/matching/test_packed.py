"""Dense rows packed as 16-bit codes score as the float32 rows do, to about 1e-5."""

from __future__ import annotations

import numpy as np
import pytest

from matching import packed
from matching.packed import PackedRows


def _unit_rows(n: int, width: int, seed: int = 7) -> np.ndarray:
    rows = np.random.default_rng(seed).standard_normal((n, width)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_products_match_the_float_rows_across_chunk_edges(monkeypatch) -> None:
    monkeypatch.setattr(packed, "_CHUNK_ROWS", 64)  # several blocks, the last one short
    rows = _unit_rows(1000, 40)
    query = _unit_rows(1, 40, seed=3)[0]
    store = PackedRows.pack(rows)
    assert store.codes.dtype == np.int16 and store.shape == (1000, 40) and len(store) == 1000
    np.testing.assert_allclose(store.dot(query), rows @ query, atol=2e-5)
    # The order of a ranking is kept wherever two cosines differ by more than the error.
    exact, got = rows @ query, store.dot(query)
    assert np.argmax(got) == np.argmax(exact)


def test_rows_come_back_as_float32() -> None:
    rows = _unit_rows(50, 12)
    store = PackedRows.pack(rows)
    picked = np.array([3, 0, 49])
    assert store.take(picked).dtype == np.float32
    np.testing.assert_allclose(store.take(picked), rows[picked], atol=1e-4)
    np.testing.assert_allclose(store.take(7), rows[7], atol=1e-4)


def test_zero_columns_and_empty_stores() -> None:
    rows = _unit_rows(20, 6)
    rows[:, 2] = 0.0  # a view a store has no values in (no meaning vectors yet)
    store = PackedRows.pack(rows)
    assert not store.take(np.arange(20))[:, 2].any()
    np.testing.assert_allclose(store.dot(np.ones(6, np.float32)), rows.sum(axis=1), atol=1e-4)
    empty = PackedRows.pack(np.zeros((0, 6), np.float32))
    assert empty.dot(np.ones(6, np.float32)).shape == (0,)
    assert empty.take(np.zeros(0, np.int64)).shape == (0, 6)


def test_a_row_that_is_not_finite_spoils_no_other_row() -> None:
    rows = _unit_rows(30, 8)
    broken = rows.copy()
    broken[4, 2], broken[9] = np.nan, np.inf
    store = PackedRows.pack(broken)
    kept = np.delete(np.arange(30), [4, 9])
    np.testing.assert_allclose(store.take(kept), rows[kept], atol=1e-4)
    assert np.isfinite(store.dot(np.ones(8, np.float32))).all()


def test_only_matrices_are_packed() -> None:
    with pytest.raises(ValueError, match="2-D"):
        PackedRows.pack(np.zeros(5, np.float32))
