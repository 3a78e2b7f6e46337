"""The append-only log: entries in a database, the Merkle tree in memory, signed checkpoints.

Storage (SQLAlchemy; SQLite by default, PostgreSQL): ``exchange_meta`` (origin, the log's
checkpoint key, the registry served), ``exchange_entries`` (one row per leaf: index as
primary key, the exact leaf bytes, the leaf hash and the signature, both unique),
``exchange_checkpoints`` (signed checkpoints by tree size) and ``exchange_cosignatures``.

Crash safety: an entry is acknowledged only after the transaction inserting its row has
committed (SQLite in WAL mode with ``synchronous=FULL``; PostgreSQL's commit); the index is
the primary key and appends are serialised by one lock, so two entries can never share an
index (no fork) and a signature can never be logged twice (no duplicate). Entries that
arrive while a commit is under way are appended together in the next transaction (group
commit), so concurrent posters share the cost of a disk flush. On start the tree
is rebuilt from the stored leaf hashes, after checking that the indexes are contiguous and
that every stored hash is the hash of its stored leaf.

A leaf is the canonical JSON of ``{"entry", "key", "received", "signature"}``: the signed
notification, the base64 public key that signed it, the UTC second the log received it, and
the base64 Ed25519 signature of the entry's canonical bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy import (
    Column,
    Engine,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    insert,
    select,
)
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError

from indivisible._sql import create_all
from indivisible._yaml import format_loc
from indivisible.exchange._errors import ExchangeError, InputError, Rejected
from indivisible.exchange._keys import (
    PrivateKey,
    b64,
    canonical_bytes,
    unb64,
    verify_signature,
)
from indivisible.exchange._merkle import MerkleTree, leaf_hash
from indivisible.exchange._note import Checkpoint, NoteSignature, parse_note, sign_note
from indivisible.exchange._note import verify_cosignature as _verify_cosig
from indivisible.exchange.types import (
    KeyRevocation,
    KeyRotation,
    Registry,
    notification_adapter,
)

__all__ = ["DEFAULT_ORIGIN", "KeyState", "Log", "LoggedEntry", "decode_leaf"]

DEFAULT_ORIGIN = "indivisible.exchange/log"
"""The checkpoint origin line of a log started without ``--origin``."""

metadata = MetaData()
meta_table = Table(
    "exchange_meta",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
entries = Table(
    "exchange_entries",
    metadata,
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("leaf", LargeBinary, nullable=False),
    Column("leaf_hash", String(64), nullable=False, unique=True),
    Column("signature", String(88), nullable=False, unique=True),
    Column("party", String(40), nullable=False),
    Column("kind", String(40), nullable=False),
)
checkpoints = Table(
    "exchange_checkpoints",
    metadata,
    Column("size", Integer, primary_key=True, autoincrement=False),
    Column("note", Text, nullable=False),
    Column("created", String(32), nullable=False),
)
cosignatures = Table(
    "exchange_cosignatures",
    metadata,
    Column("size", Integer, primary_key=True, autoincrement=False),
    Column("witness", String(40), primary_key=True),
    Column("line", Text, nullable=False),
)


def normalise_url(url: str) -> str:
    """A SQLAlchemy URL with the psycopg driver for plain ``postgresql://`` URLs."""
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


def _engine(url: str) -> Engine:
    try:
        engine = create_engine(normalise_url(url))
    except (ArgumentError, ValueError) as exc:
        raise InputError(f"not a database URL: {url!r} ({exc})", field="--db") from None
    except ImportError as exc:
        raise InputError(f"no driver for {url!r}: {exc}", field="--db") from None
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(conn: Any, _record: Any) -> None:
            cur = conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA busy_timeout=10000")
            cur.close()

    return engine


@dataclass(frozen=True)
class LoggedEntry:
    """One decoded leaf."""

    index: int
    leaf: bytes
    entry: dict[str, Any]
    key: str
    received: str
    signature: str

    @property
    def party(self) -> str:
        """The party the entry names."""
        return str(self.entry.get("party", ""))

    @property
    def kind(self) -> str:
        """The notification kind."""
        return str(self.entry.get("kind", ""))


def decode_leaf(leaf: bytes, index: int = -1) -> LoggedEntry:
    """Decode leaf bytes; ``ValueError`` when they are not a well-formed canonical leaf."""
    try:
        data = json.loads(leaf.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"leaf is not UTF-8 JSON ({exc})") from None
    if not isinstance(data, dict) or set(data) != {"entry", "key", "received", "signature"}:
        raise ValueError("leaf must have exactly entry, key, received and signature")
    if canonical_bytes(data) != leaf:
        raise ValueError("leaf is not in canonical form")
    if not isinstance(data["entry"], dict):
        raise ValueError("leaf entry is not a mapping")
    return LoggedEntry(
        index, leaf, data["entry"], str(data["key"]), str(data["received"]), str(data["signature"])
    )


@dataclass
class _Pending:
    """An entry waiting for the next group commit, and its answer."""

    entry: dict[str, Any]
    signature: str
    key: str | None
    n: Any
    sig: bytes
    message: bytes
    done: threading.Event = field(default_factory=threading.Event)
    index: int | None = None
    error: Exception | None = None


class KeyState:
    """Which key belongs to which party and which are still valid, replayed from the log."""

    def __init__(self, registry: Registry) -> None:
        self.owner: dict[str, str] = {p.key: p.party for p in registry.parties}
        self.ended: dict[str, tuple[str, int]] = {}  # key -> ("revoked"|"replaced", index)

    def copy(self) -> KeyState:
        """An independent copy (a batch's changes apply to it until it commits)."""
        out = KeyState.__new__(KeyState)
        out.owner, out.ended = dict(self.owner), dict(self.ended)
        return out

    def active(self, party: str) -> list[str]:
        """The valid keys of ``party``."""
        return [k for k, p in self.owner.items() if p == party and k not in self.ended]

    def all_of(self, party: str) -> list[str]:
        """Every key ever registered to ``party``, the valid ones first."""
        keys = [k for k, p in self.owner.items() if p == party]
        return sorted(keys, key=lambda k: k in self.ended)

    def check(self, party: str, key: str) -> None:
        """Raise :class:`Rejected` unless ``key`` is a valid key of ``party``."""
        owner = self.owner.get(key)
        if owner is None:
            raise Rejected(f"key {key} is not in the registry", status=403)
        if owner != party:
            raise Rejected(
                f"the entry names party {party} but is signed by a key of {owner}", status=403
            )
        if key in self.ended:
            how, at = self.ended[key]
            raise Rejected(f"key {key} of {party} was {how} by log entry {at}", status=403)

    def apply(self, n: Any, key: str, index: int) -> None:
        """Record a rotation or revocation logged at ``index``."""
        if isinstance(n, KeyRotation):
            self.owner[n.new_key] = n.party
            self.ended[key] = ("replaced", index)
        elif isinstance(n, KeyRevocation):
            self.ended[n.key] = ("revoked", index)


def check_references(n: Any) -> None:
    """Check a notification's identifiers against the record and the systems catalogue.

    Raises:
        Rejected: (status 422) naming the field and the unknown id.
    """
    from indivisible.record import Record

    rec = Record.load()

    def party_ok(code: str, field: str) -> None:
        if code in rec.states or code in rec.organisations:
            return
        raise Rejected(
            f"field {field!r}: {code!r} is neither a state of the record (ISO 3166-1 alpha-3) "
            "nor an organisation id",
            status=422,
        )

    party_ok(n.party, "party")
    kind = n.kind
    if kind == "status_event":
        if n.instrument not in rec.instruments:
            raise Rejected(f"field 'instrument': unknown instrument {n.instrument!r}", status=422)
    elif kind == "moratorium":
        from indivisible.world import load_catalogue

        if n.system not in load_catalogue().systems:
            raise Rejected(f"field 'system': unknown system {n.system!r}", status=422)
    elif kind == "visit_report":
        party_ok(n.host, "host")
    elif kind == "military_activity":
        party_ok(n.activity.host, "activity.host")
        for o in n.activity.owner:
            party_ok(o, "activity.owner")


def validate_entry(entry: Any) -> Any:
    """The notification model of ``entry``; :class:`Rejected` (422) naming the field."""
    try:
        return notification_adapter.validate_python(entry)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [p for p in err["loc"] if isinstance(p, int) or "[" not in str(p)]
        if loc and loc[0] in notification_adapter_kinds():
            loc = loc[1:]
        msg = str(err["msg"]).removeprefix("Value error, ")
        where = f"field '{format_loc(loc)}': " if loc else ""
        raise Rejected(f"invalid notification: {where}{msg}", status=422) from None


def notification_adapter_kinds() -> set[str]:
    """The discriminator tags pydantic puts in error locations."""
    from indivisible.exchange.types import KINDS

    return set(KINDS)


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Log:
    """An append-only, verifiable log of signed notifications.

    Args:
        url: database URL (``sqlite:///log.db``, ``postgresql://...``).
        registry: the parties' keys. Stored with the log; keys added later are merged in.
        origin: the checkpoint origin line, fixed when the log is created.
        check_refs: check identifiers against the record (tests of the log's mechanics on
            synthetic entries turn it off).

    Raises:
        InputError: a malformed URL.
        ExchangeError: the database cannot be reached, or holds a broken log.
    """

    def __init__(
        self,
        url: str,
        registry: Registry | None = None,
        *,
        origin: str | None = None,
        check_refs: bool = True,
    ) -> None:
        self.engine = _engine(url)
        self.check_refs = check_refs
        self._lock = threading.Lock()
        self._queue_lock = threading.Lock()
        self._queue: list[_Pending] = []
        try:
            create_all(metadata, self.engine)
            self._init_meta(registry, origin)
            self._load()
        except BaseException as exc:
            self.engine.dispose()
            if not isinstance(exc, SQLAlchemyError):
                raise
            raise ExchangeError(
                f"cannot open the log database: {exc.__class__.__name__}: "
                f"{str(exc).splitlines()[0]}"
            ) from None

    # ---------------------------------------------------------------- start
    def _init_meta(self, registry: Registry | None, origin: str | None) -> None:
        with self.engine.begin() as conn:
            rows = dict(conn.execute(select(meta_table.c.name, meta_table.c.value)).all())
            if "origin" not in rows:
                key = PrivateKey.generate("log")
                from cryptography.hazmat.primitives.serialization import (
                    Encoding,
                    NoEncryption,
                    PrivateFormat,
                )

                seed = key.key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
                rows = {"origin": origin or DEFAULT_ORIGIN, "log_key": b64(seed)}
                conn.execute(insert(meta_table), [{"name": k, "value": v} for k, v in rows.items()])
            elif origin is not None and origin != rows["origin"]:
                raise InputError(
                    f"this log's origin is {rows['origin']!r}, not {origin!r}", field="--origin"
                )
            stored = rows.get("registry")
            merged = self._merge(stored, registry)
            if merged is None:
                raise InputError("a new log needs a registry of the parties' keys")
            text = merged.model_dump_json()
            if stored is None:
                conn.execute(insert(meta_table).values(name="registry", value=text))
            elif text != stored:
                conn.execute(
                    meta_table.update().where(meta_table.c.name == "registry").values(value=text)
                )
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        self.origin: str = rows["origin"]
        self._log_key = PrivateKey(
            self.origin, Ed25519PrivateKey.from_private_bytes(unb64(rows["log_key"], what="key"))
        )
        self.registry: Registry = merged

    @staticmethod
    def _merge(stored: str | None, new: Registry | None) -> Registry | None:
        old = Registry.model_validate_json(stored) if stored is not None else None
        if old is None:
            return new
        if new is None:
            return old
        keys = {p.key for p in old.parties}
        extra = tuple(p for p in new.parties if p.key not in keys)
        return Registry(parties=old.parties + extra, log=None)

    def _load(self) -> None:
        tree = MerkleTree()
        state = KeyState(self.registry)
        seen: dict[str, int] = {}
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(entries.c.idx, entries.c.leaf, entries.c.leaf_hash).order_by(entries.c.idx)
            )
            for idx, leaf, stored_hash in rows:
                if idx != tree.size:
                    raise ExchangeError(f"the log is broken: entry {tree.size} is missing")
                h = leaf_hash(bytes(leaf))
                if h.hex() != stored_hash:
                    raise ExchangeError(f"the log is broken: entry {idx}'s hash does not match")
                try:
                    e = decode_leaf(bytes(leaf), idx)
                except ValueError as exc:
                    raise ExchangeError(f"the log is broken: entry {idx}: {exc}") from None
                tree.append_hash(h)
                seen[e.signature] = idx
                with contextlib.suppress(ValidationError):
                    state.apply(notification_adapter.validate_python(e.entry), e.key, idx)
        self.tree, self.keys, self._seen = tree, state, seen

    # ---------------------------------------------------------------- properties
    @property
    def size(self) -> int:
        """Number of entries."""
        return self.tree.size

    @property
    def public_key(self) -> str:
        """The log's checkpoint key (base64)."""
        return self._log_key.public_b64

    # ---------------------------------------------------------------- append
    def submit(self, entry: Any, signature: str, key: str | None = None) -> int:
        """Validate, check and append one signed entry; return its index.

        Args:
            entry: the notification as a mapping (what the party signed, canonicalised).
            signature: base64 Ed25519 signature of the entry's canonical bytes.
            key: the base64 public key that signed; default: the first valid key of the
                party whose signature verifies.

        Raises:
            Rejected: the entry is invalid (422), its signature or key is not acceptable
                (403), or it is a replay (409, with ``index``).
        """
        if not isinstance(entry, dict):
            raise Rejected("the entry must be a mapping", status=422)
        n = validate_entry(entry)
        if self.check_refs:
            check_references(n)
        try:
            sig = unb64(signature, what="signature", length=64)
        except ValueError as exc:
            raise Rejected(str(exc), status=422) from None
        pending = _Pending(entry, signature, key, n, sig, canonical_bytes(entry))
        with self._queue_lock:
            self._queue.append(pending)
        # Group commit: whoever holds the lock appends everything queued so far in one
        # transaction; a request queued meanwhile is either in that batch (done when the
        # lock comes free) or leads the next one.
        with self._lock:
            if not pending.done.is_set():
                self._commit_batch()
        if pending.error is not None:
            raise pending.error
        assert pending.index is not None
        return pending.index

    def _accept(self, p: _Pending, keys: KeyState, seen: dict[str, int]) -> str:
        """The key that validly signed ``p`` under ``keys``; :class:`Rejected` otherwise."""
        n = p.n
        if p.signature in seen or p.signature in self._seen:
            at = seen.get(p.signature, self._seen.get(p.signature))
            raise Rejected(
                f"replayed entry: the same signed notification is already entry {at}",
                status=409,
                index=at,
            )
        candidates = [p.key] if p.key is not None else keys.all_of(n.party)
        if p.key is None and not candidates:
            raise Rejected(f"party {n.party} has no key in the registry", status=403)
        good = None
        for k in candidates:
            try:
                public = unb64(k, what="key", length=32)
            except ValueError as exc:
                raise Rejected(str(exc), status=422) from None
            if verify_signature(public, p.sig, p.message):
                good = k
                break
        if good is None:
            raise Rejected(
                f"signature does not verify for party {n.party}'s "
                + ("given key" if p.key is not None else "registered keys"),
                status=403,
            )
        keys.check(n.party, good)
        if isinstance(n, KeyRevocation) and n.key != good:
            raise Rejected("a key revocation must be signed by the key it revokes", status=403)
        if isinstance(n, KeyRotation) and n.new_key in keys.owner:
            raise Rejected(f"new key {n.new_key} is already registered", status=409)
        return good

    def _commit_batch(self) -> None:
        """Check and append every queued entry in one transaction (caller holds the lock)."""
        with self._queue_lock:
            batch, self._queue = self._queue, []
        try:
            keys = self.keys.copy()
            seen: dict[str, int] = {}
            rows: list[dict[str, Any]] = []
            accepted: list[tuple[_Pending, bytes, int]] = []
            base = self.tree.size
            received = _now()
            for p in batch:
                try:
                    good = self._accept(p, keys, seen)
                except Exception as exc:  # a refusal (or a bug) answers this entry only
                    p.error = exc
                    continue
                index = base + len(rows)
                leaf = canonical_bytes(
                    {"entry": p.entry, "key": good, "received": received, "signature": p.signature}
                )
                h = leaf_hash(leaf)
                rows.append(
                    {
                        "idx": index,
                        "leaf": leaf,
                        "leaf_hash": h.hex(),
                        "signature": p.signature,
                        "party": p.n.party,
                        "kind": p.n.kind,
                    }
                )
                accepted.append((p, h, index))
                seen[p.signature] = index
                keys.apply(p.n, good, index)
            if not rows:
                return
            try:
                with self.engine.begin() as conn:
                    conn.execute(insert(entries), rows)
            except IntegrityError:
                error: Exception = ExchangeError(
                    f"entry {base} already exists in the database: another server is "
                    "writing to this log; restart this one"
                )
            except SQLAlchemyError as exc:
                error = ExchangeError(
                    f"cannot write the log: {exc.__class__.__name__}: {str(exc).splitlines()[0]}"
                )
            else:
                for p, h, index in accepted:  # durable: now the tree and the answers
                    self.tree.append_hash(h)
                    self._seen[p.signature] = index
                    p.index = index
                self.keys = keys
                return
            for p, _, _ in accepted:
                p.error = error
        finally:
            for p in batch:
                p.done.set()

    # ---------------------------------------------------------------- read
    def entry(self, index: int) -> LoggedEntry:
        """The entry at ``index`` (``KeyError`` if there is none)."""
        if not 0 <= index < self.size:
            raise KeyError(index)
        with self.engine.connect() as conn:
            leaf = conn.execute(select(entries.c.leaf).where(entries.c.idx == index)).scalar_one()
        return decode_leaf(bytes(leaf), index)

    def iter_entries(self, start: int = 0, limit: int = 100) -> Iterator[LoggedEntry]:
        """Entries from ``start``, at most ``limit`` of them."""
        end = min(self.size, start + limit)
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(entries.c.idx, entries.c.leaf)
                .where(entries.c.idx >= start, entries.c.idx < end)
                .order_by(entries.c.idx)
            ).all()
        for idx, leaf in rows:
            yield decode_leaf(bytes(leaf), idx)

    # ---------------------------------------------------------------- checkpoints
    def checkpoint(self, size: int | None = None) -> str:
        """The signed checkpoint note of ``size`` (default: the current size)."""
        with self._lock:
            n = self.size if size is None else size
            if not 0 <= n <= self.size:
                raise KeyError(n)
            with self.engine.connect() as conn:
                note = conn.execute(
                    select(checkpoints.c.note).where(checkpoints.c.size == n)
                ).scalar_one_or_none()
            if note is not None:
                return str(note)
            text = Checkpoint(self.origin, n, self.tree.root(n)).text()
            note = text + "\n" + sign_note(text, self.origin, self._log_key).line()
            try:
                with self.engine.begin() as conn:
                    conn.execute(insert(checkpoints).values(size=n, note=note, created=_now()))
            except IntegrityError:
                pass
            return note

    def add_cosignature(self, size: int, line: str) -> str:
        """Store a witness's cosignature of the checkpoint of ``size``; return the witness.

        Raises:
            Rejected: the line is malformed, the witness is not a registered party, or the
                cosignature does not verify with any of its valid keys.
        """
        if not 0 < size <= self.size:
            raise Rejected(f"no checkpoint of size {size} in a log of {self.size}", status=404)
        try:
            sig = NoteSignature.parse(line.strip("\n"))
        except ValueError as exc:
            raise Rejected(f"malformed cosignature: {exc}", status=422) from None
        text = parse_note(self.checkpoint(size)).text
        keys = self.keys.active(sig.name)
        if not keys:
            raise Rejected(f"witness {sig.name!r} has no valid key in the registry", status=403)
        if not any(
            _verify_cosig(text, sig, sig.name, unb64(k, what="key", length=32)) is not None
            for k in keys
        ):
            raise Rejected(f"cosignature by {sig.name} does not verify", status=403)
        with self.engine.begin() as conn:
            conn.execute(
                cosignatures.delete().where(
                    cosignatures.c.size == size, cosignatures.c.witness == sig.name
                )
            )
            conn.execute(
                insert(cosignatures).values(size=size, witness=sig.name, line=sig.line()[:-1])
            )
        return sig.name

    def cosignatures_of(self, size: int) -> list[str]:
        """The cosignature lines (without newline) stored for the checkpoint of ``size``."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(cosignatures.c.line)
                .where(cosignatures.c.size == size)
                .order_by(cosignatures.c.witness)
            ).all()
        return [str(r[0]) for r in rows]

    def cosigned_sizes(self) -> list[int]:
        """Sizes of checkpoints that have at least one cosignature, ascending."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(cosignatures.c.size).distinct()).all()
        return sorted(int(r[0]) for r in rows)

    def bundle(self, index: int) -> dict[str, Any]:
        """The pinned bundle of entry ``index``: leaf, proof, checkpoint and cosignatures.

        The checkpoint is the smallest cosigned one that includes the entry, else the
        current one.
        """
        e = self.entry(index)
        sizes = [s for s in self.cosigned_sizes() if s > index]
        size = sizes[0] if sizes else self.size
        return {
            "leaf": b64(e.leaf),
            "index": index,
            "tree_size": size,
            "inclusion_proof": [p.hex() for p in self.tree.inclusion_proof(index, size)],
            "checkpoint": self.checkpoint(size),
            "cosignatures": self.cosignatures_of(size),
            "entry": e.entry,
            "party": e.party,
            "signature": e.signature,
        }

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()


def sha256_hex(data: bytes) -> str:
    """SHA-256 of ``data`` in hex."""
    return hashlib.sha256(data).hexdigest()


def open_existing(url: str) -> Log | None:
    """The log kept in the database at ``url``, or None if it holds none (nothing created)."""
    from sqlalchemy import inspect

    engine = _engine(url)
    try:
        has = inspect(engine).has_table("exchange_meta")
    finally:
        engine.dispose()
    return Log(url) if has else None
