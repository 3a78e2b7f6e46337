"""The tree's roots and proofs against an independent verifier written from RFC 9162.

The verifier below follows the RFC's *definitions* (section 2.1.1 MTH, 2.1.3.1 PATH,
2.1.4.1 PROOF/SUBPROOF) recursively: it rebuilds the roots a proof implies by walking the
same split the definitions use, consuming the proof from its last element (the sibling at
the top). The library's verifiers use the RFC's iterative algorithms (2.1.3.2, 2.1.4.2), and
its proofs come from stored complete subtrees, so the two sides share no code.
"""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from indivisible.exchange import MerkleTree, verify_consistency, verify_inclusion


def H(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def k_of(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(leaves: list[bytes]) -> bytes:
    """RFC 9162 2.1.1, literally."""
    if not leaves:
        return H(b"")
    if len(leaves) == 1:
        return H(b"\x00" + leaves[0])
    k = k_of(len(leaves))
    return H(b"\x01" + mth(leaves[:k]) + mth(leaves[k:]))


def root_from_path(m: int, n: int, leaf_h: bytes, path: list[bytes]) -> bytes:
    """The root PATH(m, D[n]) implies for a leaf hash (consumes ``path`` from the end)."""
    if n == 1:
        assert not path, "proof too long"
        return leaf_h
    assert path, "proof too short"
    sibling = path.pop()
    k = k_of(n)
    if m < k:
        return H(b"\x01" + root_from_path(m, k, leaf_h, path) + sibling)
    return H(b"\x01" + sibling + root_from_path(m - k, n - k, leaf_h, path))


def independent_inclusion(leaf: bytes, m: int, n: int, proof: list[bytes], root: bytes) -> bool:
    try:
        return root_from_path(m, n, H(b"\x00" + leaf), list(proof)) == root
    except AssertionError:
        return False


def independent_consistency(
    m: int, n: int, old_root: bytes, new_root: bytes, proof: list[bytes]
) -> bool:
    """Rebuild both roots from SUBPROOF(m, D[n], true) as the RFC defines it."""
    path = list(proof)

    def sub(m: int, n: int, whole: bool) -> tuple[bytes, bytes]:
        if m == n:
            if whole:
                return old_root, old_root
            assert path, "proof too short"
            h = path.pop()
            return h, h
        assert path, "proof too short"
        sibling = path.pop()
        k = k_of(n)
        if m <= k:
            old, new = sub(m, k, whole)
            return old, H(b"\x01" + new + sibling)
        old, new = sub(m - k, n - k, False)
        return H(b"\x01" + sibling + old), H(b"\x01" + sibling + new)

    if m == n:
        return not proof and old_root == new_root
    try:
        old, new = sub(m, n, True)
    except AssertionError:
        return False
    return not path and old == old_root and new == new_root


def build(n: int) -> tuple[MerkleTree, list[bytes]]:
    leaves = [f"leaf {i}".encode() for i in range(n)]
    t = MerkleTree()
    for leaf in leaves:
        t.append(leaf)
    return t, leaves


def test_roots_match_the_rfc_definition_for_every_size() -> None:
    t, leaves = build(70)
    for n in range(71):
        assert t.root(n) == mth(leaves[:n])


def test_rfc_empty_tree_and_single_leaf() -> None:
    t = MerkleTree()
    assert t.root() == hashlib.sha256(b"").digest()
    t.append(b"")
    assert t.root() == hashlib.sha256(b"\x00").digest()


def test_every_inclusion_proof_verifies_both_ways() -> None:
    t, leaves = build(40)
    for n in range(1, 41):
        root = t.root(n)
        for m in range(n):
            proof = t.inclusion_proof(m, n)
            assert independent_inclusion(leaves[m], m, n, proof, root)
            assert verify_inclusion(H(b"\x00" + leaves[m]), m, n, proof, root)


def test_a_wrong_leaf_index_or_root_does_not_verify() -> None:
    t, leaves = build(13)
    proof = t.inclusion_proof(5, 13)
    assert not independent_inclusion(leaves[6], 5, 13, proof, t.root())
    assert not verify_inclusion(H(b"\x00" + leaves[6]), 5, 13, proof, t.root())
    assert not verify_inclusion(H(b"\x00" + leaves[5]), 6, 13, proof, t.root())
    assert not verify_inclusion(H(b"\x00" + leaves[5]), 5, 13, proof, t.root(12))
    assert not verify_inclusion(H(b"\x00" + leaves[5]), 5, 13, proof[:-1], t.root())
    assert not verify_inclusion(H(b"\x00" + leaves[5]), 13, 13, proof, t.root())


_BIG, _BIG_LEAVES = build(300)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 300), st.data())
def test_consistency_between_any_two_sizes(n: int, data: st.DataObject) -> None:
    m = data.draw(st.integers(1, n))
    proof = _BIG.consistency_proof(m, n)
    old, new = _BIG.root(m), _BIG.root(n)
    assert independent_consistency(m, n, old, new, proof)
    assert verify_consistency(m, n, old, new, proof)
    if m < n:  # a fork: another old root, or a tampered proof, must not verify
        other = mth([*_BIG_LEAVES[: m - 1], b"forged"])
        assert not verify_consistency(m, n, other, new, proof)
        assert not independent_consistency(m, n, other, new, proof)
        if proof:
            bad = [bytes(32), *proof[1:]]
            assert not verify_consistency(m, n, old, new, bad)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 300), st.data())
def test_inclusion_at_any_size(n: int, data: st.DataObject) -> None:
    m = data.draw(st.integers(0, n - 1))
    proof = _BIG.inclusion_proof(m, n)
    assert independent_inclusion(_BIG_LEAVES[m], m, n, proof, _BIG.root(n))
    assert verify_inclusion(H(b"\x00" + _BIG_LEAVES[m]), m, n, proof, _BIG.root(n))


def test_proofs_are_logarithmic() -> None:
    t, _ = build(1000)
    assert len(t.inclusion_proof(0, 1000)) <= 10
    assert len(t.consistency_proof(333, 1000)) <= 2 * 10
