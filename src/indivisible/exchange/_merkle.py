"""RFC 9162 Merkle tree hashing, inclusion and consistency proofs.

Hashing (RFC 9162, section 2.1.1): the hash of the empty tree is SHA-256 of the empty
string; a leaf hash is ``SHA-256(0x00 || leaf bytes)``; an interior node hash is
``SHA-256(0x01 || left || right)``; a tree of ``n > 1`` leaves splits at ``k``, the largest
power of two smaller than ``n``.

:class:`MerkleTree` keeps, for each level ``h``, the hashes of every *complete* subtree of
``2**h`` leaves, packed in one ``bytearray`` (32 bytes each): about 64 bytes per leaf in all.
An append adds one leaf hash and completes at most ``log2 n`` nodes (one on average); the
hash of any range the RFC's algorithms ask for is a left-to-right fold of at most
``log2 n`` stored complete subtrees, so a root, an inclusion proof or a consistency proof
costs ``O(log² n)`` hashes at most, whatever the size of the tree.

The verifiers follow the RFC's algorithms (sections 2.1.3.2 and 2.1.4.2).

Examples:
    >>> t = MerkleTree()
    >>> for leaf in (b"a", b"b", b"c"):
    ...     _ = t.append(leaf)
    >>> proof = t.inclusion_proof(2, 3)
    >>> verify_inclusion(leaf_hash(b"c"), 2, 3, proof, t.root(3))
    True
    >>> verify_consistency(1, 3, t.root(1), t.root(3), t.consistency_proof(1, 3))
    True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

__all__ = [
    "EMPTY_ROOT",
    "MerkleTree",
    "leaf_hash",
    "node_hash",
    "verify_consistency",
    "verify_inclusion",
]

_sha256 = hashlib.sha256
EMPTY_ROOT = _sha256(b"").digest()
"""The root hash of the empty tree."""


def leaf_hash(leaf: bytes) -> bytes:
    """RFC 9162 leaf hash: SHA-256(0x00 || leaf)."""
    return _sha256(b"\x00" + leaf).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 9162 interior node hash: SHA-256(0x01 || left || right)."""
    return _sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two smaller than ``n`` (``n > 1``)."""
    return 1 << ((n - 1).bit_length() - 1)


class MerkleTree:
    """An append-only RFC 9162 Merkle tree over leaf hashes, kept in memory.

    Leaves are numbered from 0. Proofs and roots can be asked for any earlier size.
    """

    __slots__ = ("_levels",)

    def __init__(self, leaf_hashes: Iterable[bytes] = ()) -> None:
        self._levels: list[bytearray] = [bytearray()]
        for h in leaf_hashes:
            self.append_hash(h)

    @property
    def size(self) -> int:
        """Number of leaves."""
        return len(self._levels[0]) // 32

    def __len__(self) -> int:
        return self.size

    def append(self, leaf: bytes) -> int:
        """Append the leaf bytes ``leaf``; return its index."""
        return self.append_hash(leaf_hash(leaf))

    def append_hash(self, h: bytes) -> int:
        """Append a leaf by its leaf hash; return its index."""
        if len(h) != 32:
            raise ValueError(f"a leaf hash is 32 bytes, got {len(h)}")
        levels = self._levels
        index = len(levels[0]) // 32
        levels[0] += h
        i, level = index, 0
        while i & 1:  # this node is a right child: its parent is now complete
            below = levels[level]
            h = _sha256(b"\x01" + below[(i - 1) * 32 : i * 32] + h).digest()
            level += 1
            i >>= 1
            if len(levels) == level:
                levels.append(bytearray())
            levels[level] += h
        return index

    def leaf_hash_at(self, index: int) -> bytes:
        """The leaf hash of leaf ``index``."""
        if not 0 <= index < self.size:
            raise IndexError(f"leaf {index} is not in a tree of {self.size}")
        return bytes(self._levels[0][index * 32 : index * 32 + 32])

    def _complete(self, level: int, i: int) -> bytes:
        return bytes(self._levels[level][i * 32 : i * 32 + 32])

    def _range(self, start: int, n: int) -> bytes:
        """MTH of leaves ``[start, start + n)``; ``start`` is a multiple of ``_split(n)``.

        The range is the concatenation of complete subtrees of decreasing power-of-two
        sizes (the set bits of ``n``); the RFC's hash folds them right to left.
        """
        parts: list[bytes] = []
        pos = start
        for bit in range(n.bit_length() - 1, -1, -1):
            if n >> bit & 1:
                parts.append(self._complete(bit, pos >> bit))
                pos += 1 << bit
        h = parts[-1]
        for left in reversed(parts[:-1]):
            h = _sha256(b"\x01" + left + h).digest()
        return h

    def _check_size(self, size: int | None) -> int:
        n = self.size if size is None else size
        if not 0 <= n <= self.size:
            raise ValueError(f"tree size {n} is out of range (the log holds {self.size})")
        return n

    def root(self, size: int | None = None) -> bytes:
        """Root hash of the first ``size`` leaves (default: all)."""
        n = self._check_size(size)
        return EMPTY_ROOT if n == 0 else self._range(0, n)

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        """RFC 9162 PATH(index, D[0:size]): the audit path of leaf ``index``."""
        n = self._check_size(size)
        if not 0 <= index < n:
            raise ValueError(f"leaf {index} is not in a tree of size {n}")
        path: list[bytes] = []
        start, m = 0, index
        while n > 1:
            k = _split(n)
            if m < k:
                path.append(self._range(start + k, n - k))
                n = k
            else:
                path.append(self._range(start, k))
                start, m, n = start + k, m - k, n - k
        path.reverse()
        return path

    def consistency_proof(self, old: int, new: int | None = None) -> list[bytes]:
        """RFC 9162 PROOF(old, D[0:new]): proves the first ``old`` leaves are unchanged."""
        n = self._check_size(new)
        if not 0 <= old <= n:
            raise ValueError(f"old size {old} is not between 0 and the new size {n}")
        if old in (0, n):
            return []
        path: list[bytes] = []
        start, m, whole = 0, old, True
        while m != n:
            k = _split(n)
            if m <= k:
                path.append(self._range(start + k, n - k))
                n = k
            else:
                path.append(self._range(start, k))
                start, m, n, whole = start + k, m - k, n - k, False
        if not whole:
            path.append(self._range(start, m))
        path.reverse()
        return path


def verify_inclusion(
    leaf: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes
) -> bool:
    """RFC 9162 section 2.1.3.2: does ``proof`` put leaf hash ``leaf`` at ``index`` of ``root``?"""
    if not 0 <= index < size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(
    old: int, new: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """RFC 9162 section 2.1.4.2: is the tree ``new_root`` of ``new`` an extension of ``old``?"""
    if old > new or old < 0:
        return False
    if old == new:
        return len(proof) == 0 and old_root == new_root
    if old == 0:
        return len(proof) == 0
    path = list(proof)
    if old & (old - 1) == 0:  # an exact power of two: the old root is a node of the new tree
        path.insert(0, old_root)
    if not path:
        return False
    fn, sn = old - 1, new - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == old_root and sr == new_root and sn == 0
