"""The corpus store: one SQLite file in data_dir() holding sources, pieces, their line
spans (a piece with several spans is a merged duplicate group) and every dropped line.

One transaction per file; a file already stored (same SHA-256) is a no-op; a corrupt or
locked database raises StoreError and is never recreated over the user's data.

Parallel drafter processes write one at a time: a writer holds an exclusive lock on
`corpus.sqlite3.lock`, and re-checks the file's hash and the stored pieces (for
near-duplicate merging) once it has the lock, so the others wait and then reuse its work.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from drafter.atomic import lock_exclusive
from drafter.corpus.files import TEXT_SUFFIXES, bundled_files, store_path
from drafter.errors import DrafterWarning, InputError, StoreError, os_reason
from drafter.model import SourceSpan, Speech

if TYPE_CHECKING:  # de-duplication is only needed when adding: a warm open skips it
    from drafter.corpus.dedup import PrintIndex

SCHEMA_VERSION = "1"
BUNDLED_PREFIX = "seeds/"
LOCK_WAIT = 300.0  # seconds a writer waits for another drafter process to finish writing

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,
    encoding TEXT NOT NULL, bundled INTEGER NOT NULL DEFAULT 0, added_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pieces (
    id INTEGER PRIMARY KEY, title TEXT, kind TEXT NOT NULL, text TEXT NOT NULL,
    flagged TEXT NOT NULL, placeholders TEXT NOT NULL, chars INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS spans (
    piece_id INTEGER NOT NULL REFERENCES pieces(id), source_id INTEGER NOT NULL REFERENCES sources(id),
    title TEXT, start_line INTEGER NOT NULL, end_line INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS dropped (
    source_id INTEGER NOT NULL REFERENCES sources(id), line INTEGER NOT NULL,
    text TEXT NOT NULL, reason TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS spans_piece ON spans(piece_id);
CREATE INDEX IF NOT EXISTS spans_source ON spans(source_id);
CREATE INDEX IF NOT EXISTS dropped_source ON dropped(source_id);
"""


_F = TypeVar("_F", bound=Callable[..., Any])
MAX_ID = 2**63 - 1  # SQLite's largest integer


def _damaged(method: _F) -> _F:
    """Damaged rows (bytes flipped on disk) become one StoreError naming the store, not a
    traceback: undecodable text, broken JSON, rows missing from an index."""

    @functools.wraps(method)
    def wrapper(self: CorpusStore, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except (ValueError, IndexError, TypeError, KeyError, AttributeError):
            raise StoreError(_DAMAGED, self.path) from None

    return wrapper  # type: ignore[return-value]


_DAMAGED = "语料库中有损坏的数据，drafter 不会覆盖它；请移走或删除该文件后重试（内置语料会重新导入，自己添加的文稿需要重新添加）"


@dataclass
class AddResult:
    """What adding one file did: status is "added", "unchanged" or "error"."""

    path: str
    status: str
    pieces: int = 0  # new pieces stored
    merged: int = 0  # pieces that duplicated a stored one (recorded as extra sources)
    dropped: int = 0  # noise lines dropped
    error: str | None = None
    piece_ids: list[int] = field(default_factory=list)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def expand_paths(items: Iterable[str | Path]) -> list[Path]:
    """Files named, plus the text/.docx files inside folders named (sorted, no hidden).
    A folder with none (empty, or unreadable) stays in the list, so adding it is reported
    as an error rather than as a success with nothing added."""
    out: list[Path] = []
    for item in items:
        p = Path(item).expanduser()
        if p.is_dir():
            found = [
                f for f in sorted(p.rglob("*"))
                if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            ]
            out.extend(found or [p])
        else:
            out.append(p)
    return out


class CorpusStore:
    """The user's corpus (bundled seeds + added files) in SQLite."""

    def __init__(self, db_path: Path, include_bundled: bool = True):
        self.path = db_path
        self.include_bundled = include_bundled
        self._prints: dict[int, frozenset[int]] | None = None
        self._prints_version: int | None = None
        self._lock_depth = 0
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            if db_path.is_file() and db_path.stat().st_size == 0:
                import warnings

                warnings.warn(DrafterWarning(
                    "语料库文件是空的（0 字节，可能被截断），已重新建立：内置语料会重新导入，"
                    "自己添加的文稿需要用 drafter corpus add 重新添加", db_path), stacklevel=2)
            self._db = sqlite3.connect(db_path, timeout=2.0)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._check_and_create()
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        except OSError as exc:
            raise StoreError(f"无法打开语料库：{os_reason(exc)}", db_path) from None

    # -- housekeeping -------------------------------------------------------------------
    def _error(self, exc: sqlite3.Error) -> StoreError:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return StoreError("语料库正被另一个 drafter 进程使用（数据库已锁定），请稍后再试", self.path)
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return StoreError(
                "语料库数据库已损坏，drafter 不会覆盖它；请移走或删除该文件后重试", self.path
            )
        if "could not decode" in text:  # the message quotes the damaged text: do not echo it
            return StoreError(_DAMAGED, self.path)
        if "unable to open" in text or "readonly" in text or "read-only" in text:
            return StoreError("无法写入语料库（文件或所在文件夹不可写）", self.path)
        if "disk" in text and ("full" in text or "i/o" in text):
            return StoreError(f"无法写入语料库（磁盘已满或读写出错）：{exc}", self.path)
        return StoreError(f"语料库数据库出错：{str(exc)[:120]}", self.path)

    @contextlib.contextmanager
    def _writer(self) -> Iterator[None]:
        """Hold the store's write lock (re-entrant): one drafter writer at a time."""
        if self._lock_depth:
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
            return
        lock_path = self.path.with_name(self.path.name + ".lock")
        try:
            fh = open(lock_path, "a+b")
        except OSError as exc:
            raise StoreError(f"无法写入数据文件夹：{os_reason(exc)}", lock_path.parent) from None
        try:
            try:
                locked = lock_exclusive(fh, LOCK_WAIT)
            except OSError as exc:
                raise StoreError(f"无法锁定语料库：{os_reason(exc)}", lock_path) from None
            if not locked:
                raise StoreError(f"语料库正被另一个 drafter 进程写入，等了 {LOCK_WAIT:.0f} 秒仍未结束，请稍后再试",
                                 lock_path)
            self._lock_depth = 1
            try:
                yield
            finally:
                self._lock_depth = 0
        finally:
            fh.close()  # closing the file releases the lock

    def _check_and_create(self) -> None:
        tables = self._tables()
        if not tables:
            with self._writer():  # a fresh home: one process creates the schema
                tables = self._tables()
                if not tables:
                    # One transaction for the whole schema: one sync instead of one per statement.
                    self._db.executescript(
                        f"BEGIN;{_SCHEMA}INSERT OR IGNORE INTO meta VALUES ('schema', '{SCHEMA_VERSION}');COMMIT;"
                    )
                    return
        if tables and "meta" not in tables:
            raise StoreError("这个文件不是 drafter 的语料库，drafter 不会覆盖它", self.path)
        if "meta" in tables:
            row = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None or row[0] != SCHEMA_VERSION:
                raise StoreError("语料库版本不兼容，请用对应版本的 drafter 打开或移走该文件", self.path)

    def _tables(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CorpusStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """Reads inside one transaction (a shared lock: no writer commits between them), unless
        a transaction is open already."""
        if self._db.in_transaction:
            yield
            return
        try:
            self._db.execute("BEGIN")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            yield
        finally:
            self._db.execute("COMMIT")

    def _query(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    # -- adding -------------------------------------------------------------------------
    def ingest_bundled(self, jobs: int = 1) -> list[AddResult]:
        """Store the bundled seed pages that are not stored yet (by content hash)."""
        files = bundled_files()
        sources = [BUNDLED_PREFIX + f.name for f in files]
        if not any(self._is_new(f) for f in files):
            return [AddResult(src, "unchanged") for src in sources]  # a warm open: no lock
        with self._writer():  # first use: one process cleans the seeds, the others wait
            pages = self._read_new(files, sources, jobs)
            return [self._add_one(f, src, bundled=True, page=pages.get(i))
                    for i, (f, src) in enumerate(zip(files, sources))]

    def _is_new(self, file: Path) -> bool:
        try:
            digest = hashlib.sha256(file.read_bytes()).hexdigest()
        except OSError:
            return True
        return not self._query("SELECT 1 FROM sources WHERE sha256=?", (digest,))

    def add(
        self, items: Iterable[str | Path], on_file: Callable[[Path], None] | None = None,
        jobs: int = 1,
    ) -> list[AddResult]:
        """Add files and folders, one transaction per file. Bad files give an "error"
        result (naming the file) and the others are still added. `jobs` > 1 reads and
        cleans files in that many processes; they are stored in the same order as with one."""
        files = expand_paths(items)
        sources = [str(f.resolve()) for f in files]
        pages = self._read_new(files, sources, jobs)
        results = []
        for i, (f, src) in enumerate(zip(files, sources)):
            if on_file is not None:
                on_file(f)
            results.append(self._add_one(f, src, bundled=False, page=pages.get(i)))
        return results

    def _read_new(self, files: list[Path], sources: list[str], jobs: int) -> dict[int, Any]:
        """Pages (or InputError messages) of the files not stored yet, read over `jobs`
        processes; {} with one job (each file is then read when it is added)."""
        if jobs <= 1 or len(files) < 2:
            return {}
        todo: list[int] = []
        seen: set[str] = set()
        for i, f in enumerate(files):
            try:
                digest = hashlib.sha256(f.read_bytes()).hexdigest()
            except OSError:
                continue  # _add_one reports it
            if digest not in seen and not self._query("SELECT 1 FROM sources WHERE sha256=?", (digest,)):
                todo.append(i)
            seen.add(digest)
        from drafter.jobs import parallel_map

        # bytes / 3: a UTF-8 Chinese character is three bytes, GBK two: close enough
        size = sum(files[i].stat().st_size for i in todo) // 3
        read = parallel_map(_read_or_error, [(files[i], sources[i]) for i in todo], jobs, size=size)
        return dict(zip(todo, read))

    def _fingerprints(self) -> dict[int, frozenset[int]]:
        # data_version changes when another connection commits: re-read what it stored
        version = self._query("PRAGMA data_version")[0][0]
        if self._prints is None or version != self._prints_version:
            from drafter.corpus.dedup import fingerprint

            self._prints = {pid: fingerprint(text) for pid, text in self._query("SELECT id, text FROM pieces")}
            self._prints_version = version
        return self._prints

    def _add_one(self, file: Path, source: str, bundled: bool, page: Any = None) -> AddResult:
        try:
            digest = hashlib.sha256(file.read_bytes()).hexdigest()
        except OSError:
            digest = ""  # read_page reports the problem with a clear message
        if digest and self._query("SELECT 1 FROM sources WHERE sha256=?", (digest,)):
            return AddResult(source, "unchanged")
        if page is None:
            page = _read_or_error((file, source))
        if isinstance(page, str):
            return AddResult(source, "error", error=page)
        with self._writer():
            # another process may have stored this file, or near-duplicates of it, meanwhile
            if self._query("SELECT 1 FROM sources WHERE sha256=?", (page.sha256,)):
                return AddResult(source, "unchanged")
            return self._insert_page(page, source, bundled)

    def _insert_page(self, page: Any, source: str, bundled: bool) -> AddResult:
        from drafter.corpus.dedup import PrintIndex

        prints = PrintIndex(self._fingerprints())
        result = AddResult(source, "added", dropped=len(page.dropped), merged=page.merged)
        try:
            with self._db:
                cur = self._db.execute(
                    "INSERT INTO sources(path, sha256, encoding, bundled, added_at) VALUES (?,?,?,?,?)",
                    (source, page.sha256, page.encoding, int(bundled), _now()),
                )
                sid = cur.lastrowid
                for speech in page.speeches:
                    self._store_speech(speech, sid, prints, result)
                self._db.executemany(
                    "INSERT INTO dropped(source_id, line, text, reason) VALUES (?,?,?,?)",
                    [(sid, d.line, d.text, d.reason) for d in page.dropped],
                )
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        self._prints = prints
        self._prints_version = self._query("PRAGMA data_version")[0][0]
        return result

    def _store_speech(
        self, speech: Speech, sid: int | None, prints: PrintIndex, result: AddResult
    ) -> None:
        from drafter.corpus.placeholders import find_placeholders

        text = speech.text
        from drafter.corpus.dedup import find_duplicate, fingerprint

        fp = fingerprint(text)
        pid = find_duplicate(fp, prints)
        if pid is None:
            cur = self._db.execute(
                "INSERT INTO pieces(title, kind, text, flagged, placeholders, chars) VALUES (?,?,?,?,?,?)",
                (speech.title, speech.kind, text, json.dumps(speech.flagged, ensure_ascii=False),
                 json.dumps(find_placeholders(text), ensure_ascii=False), len(text.replace("\n", ""))),
            )
            pid = int(cur.lastrowid or 0)
            prints[pid] = fp
            result.pieces += 1
            result.piece_ids.append(pid)
        else:
            result.merged += 1
        self._db.executemany(
            "INSERT INTO spans(piece_id, source_id, title, start_line, end_line) VALUES (?,?,?,?,?)",
            [(pid, sid, speech.title, s.start_line, s.end_line) for s in speech.sources],
        )

    # -- removing -----------------------------------------------------------------------
    @_damaged
    def remove(self, target: int | str | Path) -> dict[str, Any]:
        """Remove a piece (by id) or a whole source file (by path): its spans, the pieces
        left without any source, and, for a file, its dropped-line records."""
        try:
            with self._db:
                if isinstance(target, int) or str(target).isdigit():
                    return self._remove_piece(_piece_id(target if isinstance(target, int) else str(target)))
                return self._remove_source(Path(target))
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        finally:
            self._prints = None

    def _remove_piece(self, pid: int) -> dict[str, Any]:
        row = self._db.execute("SELECT title FROM pieces WHERE id=?", (pid,)).fetchone()
        if row is None:
            raise StoreError(f"语料库里没有编号为 {pid} 的文稿（用 drafter corpus list 查看编号）")
        sids = [r[0] for r in self._db.execute("SELECT DISTINCT source_id FROM spans WHERE piece_id=?", (pid,))]
        self._db.execute("DELETE FROM spans WHERE piece_id=?", (pid,))
        self._db.execute("DELETE FROM pieces WHERE id=?", (pid,))
        for sid in sids:
            # A user's file left with no piece is forgotten, so adding it again works; a
            # bundled seed is kept on record, or the next open would bring the piece back.
            if not self._db.execute(
                "SELECT 1 FROM spans WHERE source_id=? UNION SELECT 1 FROM sources WHERE id=? AND bundled=1",
                (sid, sid),
            ).fetchone():
                self._db.execute("DELETE FROM dropped WHERE source_id=?", (sid,))
                self._db.execute("DELETE FROM sources WHERE id=?", (sid,))
        return {"removed_pieces": [pid], "title": row[0]}

    def _remove_source(self, path: Path) -> dict[str, Any]:
        rows = self._db.execute(
            "SELECT id FROM sources WHERE path IN (?, ?)", (str(path), str(path.expanduser().resolve()))
        ).fetchall()
        if not rows and path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            rows = self._db.execute("SELECT id FROM sources WHERE sha256=?", (digest,)).fetchall()
        if not rows:
            raise StoreError("语料库里没有这个文件", path)
        removed: list[int] = []
        for (sid,) in rows:
            pids = [r[0] for r in self._db.execute("SELECT DISTINCT piece_id FROM spans WHERE source_id=?", (sid,))]
            self._db.execute("DELETE FROM spans WHERE source_id=?", (sid,))
            for pid in pids:
                if not self._db.execute("SELECT 1 FROM spans WHERE piece_id=?", (pid,)).fetchone():
                    self._db.execute("DELETE FROM pieces WHERE id=?", (pid,))
                    removed.append(pid)
            self._db.execute("DELETE FROM dropped WHERE source_id=?", (sid,))
            self._db.execute("DELETE FROM sources WHERE id=?", (sid,))
        return {"removed_pieces": removed, "path": str(path)}

    # -- reading ------------------------------------------------------------------------
    def _visible_ids(self, kind: str | None = None) -> list[int]:
        sql = "SELECT p.id FROM pieces p WHERE 1=1"
        args: tuple[Any, ...] = ()
        if kind is not None:
            sql += " AND p.kind=?"
            args = (kind,)
        if not self.include_bundled:
            sql += (" AND EXISTS (SELECT 1 FROM spans s JOIN sources src ON src.id=s.source_id"
                    " WHERE s.piece_id=p.id AND src.bundled=0)")
        return [r[0] for r in self._query(sql + " ORDER BY p.id", args)]

    def _spans(self, pid: int) -> list[tuple[str, str | None, int, int, int]]:
        return [
            (r[0], r[1], r[2], r[3], r[4])
            for r in self._query(
                "SELECT src.path, s.title, s.start_line, s.end_line, src.bundled FROM spans s"
                " JOIN sources src ON src.id=s.source_id WHERE s.piece_id=? ORDER BY s.rowid",
                (pid,),
            )
        ]

    @_damaged
    def get(self, pid: int) -> Speech:
        """One stored piece as a Speech; StoreError when there is no such id."""
        rows = self._query("SELECT id, title, kind, text, flagged FROM pieces WHERE id=?", (_piece_id(pid),))
        if not rows:
            raise StoreError(f"语料库里没有编号为 {pid} 的文稿（用 drafter corpus list 查看编号）")
        i, title, kind, text, flagged = rows[0]
        spans = [SourceSpan(p, a, b) for p, _, a, b, _ in self._spans(i)]
        paragraphs = text.split("\n")
        return Speech(title, kind, paragraphs, json.loads(flagged), spans, i, _genre(title, paragraphs, kind))

    @_damaged
    def speeches(self, kind: str | None = "speech") -> list[Speech]:
        """Stored pieces of one kind (None: every kind), in the order they were added."""
        return [self.get(pid) for pid in self._visible_ids(kind)]

    @_damaged
    def rows(self) -> list[dict[str, Any]]:
        """One JSON-ready row per visible piece: id, title, kind, sources, chars, flagged."""
        out = []
        for pid in self._visible_ids():
            title, kind, chars, flagged, text = self._query(
                "SELECT title, kind, chars, flagged, text FROM pieces WHERE id=?", (pid,))[0]
            out.append({
                "id": pid, "title": title, "kind": kind, "chars": chars,
                "genre": _genre(title, text.split("\n"), kind),
                "flagged": len(json.loads(flagged)),
                "sources": [{"path": p, "start_line": a, "end_line": b} for p, _, a, b, _ in self._spans(pid)],
            })
        return out

    @_damaged
    def describe(self, pid: int) -> dict[str, Any]:
        """Everything about one piece (for `corpus show`): text, flagged, placeholders, sources."""
        speech = self.get(pid)
        placeholders = json.loads(self._query("SELECT placeholders FROM pieces WHERE id=?", (pid,))[0][0])
        return {
            "id": speech.id, "title": speech.title, "kind": speech.kind, "genre": speech.genre,
            "text": speech.text,
            "paragraphs": len(speech.paragraphs), "chars": len(speech.text.replace("\n", "")),
            "flagged": speech.flagged, "placeholders": sorted(set(placeholders)),
            "sources": [
                {"path": p, "title": t, "start_line": a, "end_line": b, "bundled": bool(bd)}
                for p, t, a, b, bd in self._spans(pid)
            ],
        }

    @_damaged
    def dropped_lines(self, path: str | None = None) -> list[dict[str, Any]]:
        """The lines dropped as noise (optionally of one source path), with their reason."""
        sql = "SELECT src.path, d.line, d.text, d.reason FROM dropped d JOIN sources src ON src.id=d.source_id"
        args: tuple[Any, ...] = ()
        if path is not None:
            sql, args = sql + " WHERE src.path=?", (path,)
        if not self.include_bundled:
            sql += (" AND" if path else " WHERE") + " src.bundled=0"
        return [{"path": p, "line": n, "text": t, "reason": r} for p, n, t, r in self._query(sql + " ORDER BY d.rowid", args)]

    @_damaged
    def stats(self) -> dict[str, Any]:
        """Pieces by kind, characters, flagged sentences, duplicates merged, noise dropped."""
        ids = self._visible_ids()
        by_kind: dict[str, int] = {}
        by_genre: dict[str, int] = {}
        chars = flagged = extra = 0
        for pid in ids:
            title, text, kind, n, fl = self._query(
                "SELECT title, text, kind, chars, flagged FROM pieces WHERE id=?", (pid,))[0]
            by_kind[kind] = by_kind.get(kind, 0) + 1
            genre = _genre(title, text.split("\n"), kind)
            if genre is not None:
                by_genre[genre] = by_genre.get(genre, 0) + 1
            chars += n
            flagged += len(json.loads(fl))
            extra += self._query("SELECT COUNT(*) FROM spans WHERE piece_id=?", (pid,))[0][0] - 1
        reasons: dict[str, int] = {}
        for row in self.dropped_lines():
            reasons[row["reason"]] = reasons.get(row["reason"], 0) + 1
        where = "" if self.include_bundled else " WHERE bundled=0"
        return {
            "pieces": len(ids), "by_kind": dict(sorted(by_kind.items())), "chars": chars,
            "by_genre": dict(sorted(by_genre.items())),
            "flagged_sentences": flagged, "duplicates_merged": extra,
            "noise_lines_dropped": sum(reasons.values()), "dropped_by_reason": reasons,
            "sources": self._query("SELECT COUNT(*) FROM sources" + where)[0][0],
        }

    @_damaged
    def content_hash(self) -> str:
        """Changes whenever the visible corpus changes (the phrase-model cache key)."""
        h = hashlib.sha256(SCHEMA_VERSION.encode())
        # one read transaction: the ids and the pieces are of one state of the store
        with self._reading():
            for pid in self._visible_ids():
                title, kind, text, flagged = self._query(
                    "SELECT title, kind, text, flagged FROM pieces WHERE id=?", (pid,))[0]
                h.update(json.dumps([title, kind, text, flagged], ensure_ascii=False).encode("utf-8"))
        return h.hexdigest()


def _genre(title: str | None, paragraphs: list[str], kind: str) -> str | None:
    """The piece's genre, derived from its stored title and text (so stores written before
    genres existed need no migration, and a better classifier reaches old pieces)."""
    from drafter.corpus.kind import genre_of

    return genre_of(title, paragraphs, kind)


def _piece_id(value: int | str) -> int:
    """A piece id as SQLite can hold it; an id out of range names no piece."""
    pid = int(value)
    if not 0 <= pid <= MAX_ID:
        raise StoreError(f"语料库里没有编号为 {str(value)[:30]} 的文稿（用 drafter corpus list 查看编号）")
    return pid


def _read_or_error(item: tuple[Path, str]) -> Any:
    """read_page's Page, or its InputError as a message (what a worker sends back)."""
    from drafter.corpus.reader import read_page  # lazy: a warm open never cleans

    try:
        return read_page(*item)
    except InputError as exc:
        return str(exc)


def open_store(include_bundled: bool = True, jobs: int = 1) -> CorpusStore:
    """Open the store in data_dir(), ingesting bundled seeds not stored yet."""
    store = CorpusStore(store_path(), include_bundled=include_bundled)
    store.ingest_bundled(jobs)
    return store
