"""The exchange's Merkle tree against pymerkle, in the same run: appends/s and proofs/s, and
how both grow with the log's size (10^3 … 10^5 entries; 10^6 with ``--full``).

For each size N, each library appends the same N leaves (leaf bytes ``entry <i>``) into a
fresh in-memory tree, timed whole; then serves 2,000 inclusion proofs for seeded random
indexes in the tree of size N, and 500 consistency proofs from seeded random earlier sizes
to N. The roots of the two trees are compared at every size (both hash per RFC 9162), and a
sample of each side's proofs is checked with the exchange's RFC verifier, so the two do the
same work. Each measurement is repeated (``--repeats``, default 3) and the ratio
``exchange / pymerkle`` of rates is reported as the median with a percentile bootstrap 95 %
CI over the repeats (seed 20260214).

The last lines measure the whole log on SQLite: signed entries validated, their signatures
checked and committed durably, per second, from one poster thread and from eight (whose
entries the log appends together, one transaction per group).

Usage:
    python benchmarks/exchange_bench.py [--full] [--repeats 3] [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from pymerkle import InmemoryTree

from indivisible.exchange import (
    Log,
    MerkleTree,
    PrivateKey,
    leaf_hash,
    sign_entry,
    verify_consistency,
    verify_inclusion,
)
from indivisible.exchange.types import Registry

SEED = 20260214


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def _ours_append(leaves: list[bytes]) -> MerkleTree:
    t = MerkleTree()
    for leaf in leaves:
        t.append(leaf)
    return t


def _theirs_append(leaves: list[bytes]) -> InmemoryTree:
    t = InmemoryTree(algorithm="sha256")
    for leaf in leaves:
        t.append_entry(leaf)
    return t


def _bootstrap(ratios: list[float], rng: random.Random) -> tuple[float, float]:
    if len(ratios) < 2:
        return ratios[0], ratios[0]
    meds = sorted(statistics.median(rng.choice(ratios) for _ in ratios) for _ in range(2000))
    return meds[50], meds[1949]


def bench_size(n: int, repeats: int, rng: random.Random) -> dict[str, object]:
    leaves = [f"entry {i}".encode() for i in range(n)]
    idx = [rng.randrange(n) for _ in range(2000)]
    olds = [rng.randint(1, n) for _ in range(500)]
    rows: dict[str, list[float]] = {
        k: []
        for k in ("ours_app", "theirs_app", "ours_inc", "theirs_inc", "ours_con", "theirs_con")
    }
    for _ in range(repeats):
        dt, ours_obj = _timed(lambda: _ours_append(leaves))
        rows["ours_app"].append(n / dt)
        dt, theirs_obj = _timed(lambda: _theirs_append(leaves))
        rows["theirs_app"].append(n / dt)
        assert isinstance(ours_obj, MerkleTree) and isinstance(theirs_obj, InmemoryTree)
        ours, theirs = ours_obj, theirs_obj
        assert ours.root() == theirs.get_root(), "the two trees disagree"
        t0 = time.perf_counter()
        proofs = [ours.inclusion_proof(i, n) for i in idx]
        rows["ours_inc"].append(len(idx) / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        for i in idx:
            theirs.prove_inclusion(i + 1, n)
        rows["theirs_inc"].append(len(idx) / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        cons = [ours.consistency_proof(m, n) for m in olds]
        rows["ours_con"].append(len(olds) / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        for m in olds:
            theirs.prove_consistency(m, n)
        rows["theirs_con"].append(len(olds) / (time.perf_counter() - t0))
        root = ours.root()
        for i, p in list(zip(idx, proofs, strict=True))[:50]:
            assert verify_inclusion(leaf_hash(leaves[i]), i, n, p, root)
        for m, p in list(zip(olds, cons, strict=True))[:50]:
            assert verify_consistency(m, n, ours.root(m), root, p)
        assert theirs.prove_inclusion(idx[0] + 1, n).compute_root() == root
        del ours, theirs
    out: dict[str, object] = {"n": n}
    for what in ("app", "inc", "con"):
        o, t = rows[f"ours_{what}"], rows[f"theirs_{what}"]
        ratios = [a / b for a, b in zip(o, t, strict=True)]
        out[what] = (
            statistics.median(o),
            statistics.median(t),
            statistics.median(ratios),
            *_bootstrap(ratios, rng),
        )
    return out


def bench_log(count: int, threads: int = 1) -> float:
    keys = {p: PrivateKey.generate(p) for p in ("POL", "RUS")}
    reg = Registry.model_validate(
        {"parties": [{"party": p, "key": k.public_b64} for p, k in keys.items()]}
    )
    with tempfile.TemporaryDirectory() as d:
        log = Log(f"sqlite:///{Path(d) / 'log.db'}", reg)
        entries = []
        for i in range(count):
            party = ("POL", "RUS")[i % 2]
            e = {
                "kind": "status_event",
                "party": party,
                "instrument": "open-skies-1992",
                "event": "signed",
                "date": "2027-01-01",
                "note": f"entry {i}",
            }
            entries.append((e, sign_entry(e, keys[party])))
        log.submit(*entries[0])  # warm-up: loads the record the identifiers are checked in
        rest = entries[1:]

        def post(part: list[tuple[dict[str, object], str]]) -> None:
            for e, s in part:
                log.submit(e, s)

        workers = [threading.Thread(target=post, args=(rest[i::threads],)) for i in range(threads)]
        t0 = time.perf_counter()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        dt = time.perf_counter() - t0
        assert log.size == count
        log.close()
    return (count - 1) / dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--full", action="store_true", help="add the 10^6-entry size")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--log-entries", type=int, default=500)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] + ([1_000_000] if args.full else [])
    rng = random.Random(SEED)
    print("| entries | what | exchange /s | pymerkle /s | ratio (95 % CI) |")
    print("|---:|---|---:|---:|---|")
    for n in sizes:
        r = bench_size(n, args.repeats, rng)
        for what, label in (
            ("app", "appends"),
            ("inc", "inclusion proofs"),
            ("con", "consistency proofs"),
        ):
            o, t, med, lo, hi = r[what]  # type: ignore[misc]
            print(
                f"| {n:,} | {label} | {o:,.0f} | {t:,.0f} | {med:.2f}× ({lo:.2f}–{hi:.2f}) |",
                flush=True,
            )
    print("\nWhole log on SQLite (validate, verify signature, durable commit):")
    for threads in (1, 8):
        rate = bench_log(args.log_entries, threads)
        print(
            f"- {threads} poster thread(s): {rate:,.0f} entries/s over {args.log_entries} entries",
            flush=True,
        )


if __name__ == "__main__":
    main()
