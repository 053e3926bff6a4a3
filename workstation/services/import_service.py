"""Importing the platform's exports: settlements, fee lines, the catalog, the roster.

Streaming and set-based: rows are parsed in chunks, looked up against the store
by key in one query per chunk, and written with ``executemany`` on the
session's own connection, so a whole file is one transaction (all or nothing,
also when the process is killed) and memory stays flat whatever the file size.
A row whose digest equals the stored one is ``unchanged``; a changed row with
the same key is an update, logged with its before/after digest.
"""
from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from sqlalchemy.orm import Session

from ..core import import_format as fmt
from ..core.errors import BadInput, Cancelled
from ..core.i18n import T
from ..store import dialect
from ..store.models.claims import ImportBatchRow
from . import import_readers
from .import_reversals import mark_reversals
from .import_roster import import_roster
from . import import_sink as sink
from .import_rows import DUPLICATE_KEY, Rejection, record_rejection, stored_columns, data_rows, make_rejection, parsed_chunks, row_digest, row_parser
from .workspace import Workspace

__all__ = ["ImportFileResult", "ImportRejected", "Rejection", "import_file", "import_files", "row_digest",
           "write_rejection_report"]

MAX_KEPT_REJECTIONS = 100_000
KIND_ORDER = {fmt.CATALOG: 0, fmt.SETTLEMENTS: 1, fmt.FEE_LINES: 2, fmt.ROSTER: 3, "knowledge": 4}

TABLES = {fmt.SETTLEMENTS: "settlements", fmt.FEE_LINES: "fee_lines", fmt.CATALOG: "catalog_items"}

UNKNOWN_SETTLEMENT = T("结算ID“{value}”不存在（请先导入结算信息）",
                       "settlement \"{value}\" is unknown (import the settlements first)")
DUPLICATE_KEY_STORED = T("文件内关键字重复（{key}）", "duplicate key within the file ({key})")
FILE_REJECTED = T("文件有 {count} 行不合格，未导入任何数据；第一处：{first}",
                  "{count} rows of the file are not valid; nothing was imported. First: {first}")


@dataclass
class ImportFileResult:
    file: str
    kind: str
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    sha256: str = ""
    encoding: str | None = None
    batch_id: int | None = None
    seconds: float = 0.0
    reversed_pairs: list[tuple[str, str]] = field(default_factory=list)  # (reversal, original), store-wide
    orphan_reversals: list[tuple[str, str | None]] = field(default_factory=list)  # (reversal, named original)

    def to_json(self) -> dict:
        return {"file": self.file, "kind": self.kind, "rows": self.rows, "inserted": self.inserted,
                "updated": self.updated, "unchanged": self.unchanged, "rejected": self.rejected}

    def reversal_lines(self, lang: str) -> list[str]:
        """The import report's list of reversed pairs and orphan reversals (data-format.md)."""
        out = []
        if self.reversed_pairs:
            out.append(T("已识别撤销结算 {n} 对（撤销记录与原结算均不参与规则、抽样、统计与报表）：{ids}",
                         "{n} reversed settlement pairs recognised (neither record enters rules, frames, volumes "
                         "or reports): {ids}").render(
                lang, n=len(self.reversed_pairs), ids="、".join(f"{r}→{o}" for r, o in self.reversed_pairs[:20])
                + ("…" if len(self.reversed_pairs) > 20 else "")))
        if self.orphan_reversals:
            out.append(T("孤立的撤销记录 {n} 条（原结算不在库中，已保留并排除）：{ids}",
                         "{n} orphan reversals (their original is not in the store; kept and excluded): {ids}")
                       .render(lang, n=len(self.orphan_reversals),
                               ids="、".join(f"{r}→{o or '—'}" for r, o in self.orphan_reversals[:20])
                               + ("…" if len(self.orphan_reversals) > 20 else "")))
        return out


class ImportRejected(BadInput):
    """All-or-nothing import with rejected rows: nothing landed; ``results`` say why."""

    def __init__(self, results: list[ImportFileResult], first: Rejection) -> None:
        self.results = results
        self.first = first
        self.count = sum(r.rejected for r in results)
        super().__init__(FILE_REJECTED, file=first.file, count=self.count, first="")

    def message(self, lang: str) -> str:
        where = BadInput(self.first.reason, file=None, row=self.first.row, column=self.first.column)
        first = where.message(lang)
        text = FILE_REJECTED.render(lang, count=self.count, first=first)
        return (f"file {self.file}: " if lang == "en" else f"文件 {self.file}：") + text


# -- progress and cancel -------------------------------------------------------------
class _Ticker:
    def __init__(self, progress: Any, cancel_check: Callable[[], Any] | None) -> None:
        self.report_fn = None
        self.checks: list[Callable[[], Any]] = []
        if progress is not None:
            if hasattr(progress, "report"):
                self.report_fn = progress.report
                if hasattr(progress, "check"):
                    self.checks.append(progress.check)
            else:
                self.report_fn = progress
        if cancel_check is not None:
            self.checks.append(cancel_check)

    def tick(self, done: int, total: int) -> None:
        for check in self.checks:
            if check():
                raise Cancelled()
        if self.report_fn is not None:
            self.report_fn(done, total)


# -- public API ----------------------------------------------------------------------
def import_file(ws: Workspace, path: Path | str, *, accept_valid_rows: bool = False, progress: Any = None,
                cancel_check: Callable[[], Any] | None = None) -> ImportFileResult:
    """Import one file in one transaction; see ``import_files``."""
    return import_files(ws, [path], accept_valid_rows=accept_valid_rows, progress=progress,
                        cancel_check=cancel_check)[0]


def import_files(ws: Workspace, paths: Iterable[Path | str], *, accept_valid_rows: bool = False,
                 progress: Any = None, cancel_check: Callable[[], Any] | None = None) -> list[ImportFileResult]:
    """Import files in one transaction (catalog, then settlements, fee lines, roster).

    Any rejected row makes the whole call change nothing and raise
    ``ImportRejected`` (with every file's result), unless ``accept_valid_rows``:
    then the valid rows land and the results list the rejected ones.
    A file that cannot be read at all raises ``BadInput`` (nothing lands).
    """
    ticker = _Ticker(progress, cancel_check)
    plans = []
    for p in paths:
        path = Path(p)
        facts = import_readers.inspect_file(path)
        kind, hmap = _read_header(path, facts)
        if kind == fmt.ROSTER:
            ws.require_admin()
        plans.append((str(p), path, facts, kind, hmap))
    plans.sort(key=lambda plan: KIND_ORDER[plan[3]])
    total = sum(max(plan[2].lines - 1, 0) for plan in plans) or 0
    results: list[ImportFileResult] = []
    with ws.store.session() as session:
        done_before = 0
        for shown, path, facts, kind, hmap in plans:
            started = time.perf_counter()
            res = ImportFileResult(file=shown, kind=kind, sha256=facts.sha256, encoding=facts.encoding)
            batch = ImportBatchRow(file_name=path.name, file_sha256=facts.sha256, kind=kind, user=ws.user.name)
            session.add(batch)
            session.flush()
            res.batch_id = batch.id

            def tick(done: int, base=done_before) -> None:
                ticker.tick(base + done, max(total, base + done))

            if kind == "knowledge":  # spec/rule-templates.md (issue #18)
                from . import knowledge_service

                knowledge_service.import_knowledge(ws, session, path, facts, batch.id, res, tick)
            elif kind == fmt.ROSTER:
                import_roster(ws, session, path, facts, hmap, batch.id, res, tick)
            else:
                _import_table(ws, session, path, facts, hmap, batch.id, res, tick)
            if kind == fmt.SETTLEMENTS:
                rev = mark_reversals(session)
                res.reversed_pairs, res.orphan_reversals = list(rev.pairs), list(rev.orphans)
            done_before += res.rows
            res.seconds = time.perf_counter() - started
            batch.rows, batch.inserted, batch.updated = res.rows, res.inserted, res.updated
            batch.unchanged, batch.rejected = res.unchanged, res.rejected
            batch.report = json.dumps([[r.row, r.column, r.brief.zh, r.brief.en] for r in res.rejections[:10_000]]
                                      + [[None, "reversal", line, ""] for line in res.reversal_lines("zh_CN")],
                                      ensure_ascii=False)
            ws.log(session, "import", "import_batch", batch.id,
                   after={"file": path.name, "sha256": facts.sha256, "kind": kind, **res.to_json()},
                   details={"file": path.name, "kind": kind, "rows": res.rows, "inserted": res.inserted,
                            "updated": res.updated, "unchanged": res.unchanged, "rejected": res.rejected,
                            "accept_valid_rows": accept_valid_rows})
            results.append(res)
        ticker.tick(done_before, max(total, done_before))
        rejected = [r for r in results if r.rejected]
        if rejected and not accept_valid_rows:
            session.rollback()
            for r in results:
                r.inserted = r.updated = r.unchanged = 0
                r.batch_id = None
            raise ImportRejected(results, rejected[0].rejections[0])
    return results


def _read_header(path: Path, facts) -> tuple[str, fmt.HeaderMap]:
    rows = import_readers.iter_rows(path, facts)
    header = None
    for number, cells in rows:
        if any(str(c).strip() for c in cells):
            header = (number, cells)
            break
    rows.close()
    if header is None:
        raise BadInput(import_readers.EMPTY_FILE, file=path.name, row=1)
    number, cells = header
    if number != 1:
        raise BadInput(T("第一行应为表头", "the first row must be the header row"), file=path.name, row=1)
    from .knowledge_service import header_positions, is_knowledge_file

    if is_knowledge_file(cells):  # a knowledge file, whatever else its headers hold
        header_positions(list(cells), path.name)
        return "knowledge", None
    kind = fmt.detect_kind(cells)
    if kind is None:
        raise BadInput(fmt.NOT_RECOGNISED, file=path.name, row=1)
    hmap = fmt.map_headers(kind, cells)
    if hmap.missing:
        code = hmap.missing[0]
        col = fmt.SPECS[kind].column(code)
        raise BadInput(T("缺少必需的列“{code}（{zh}）”（{kind}）", "required column \"{code}\" ({zh}) missing ({kind})"),
                       file=path.name, row=1, column=code, code=code, zh=col.zh,
                       kind=_KindText(kind))
    if hmap.duplicates:
        i, first = hmap.duplicates[0]
        raise BadInput(fmt.DUPLICATE_COLUMN, file=path.name, row=1, column=str(cells[i]), other=first + 1)
    return kind, hmap


class _KindText:
    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __format__(self, spec: str) -> str:
        label = fmt.KIND_LABELS[self.kind]
        return f"{label.zh} / {label.en}"


# -- claim tables --------------------------------------------------------------------
def _in_chunks(items: list, size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _import_table(ws: Workspace, session: Session, path: Path, facts, hmap: fmt.HeaderMap, batch_id: int,
                  res: ImportFileResult, tick: Callable[[int], None]) -> None:
    kind = hmap.kind
    spec = fmt.SPECS[kind]
    table = TABLES[kind]
    codes = spec.codes
    cols = stored_columns(kind, hmap) + ["extra", "row_digest", "batch_id"]
    key_idx = [codes.index(k) for k in spec.key]
    is_lines = kind == fmt.FEE_LINES
    if is_lines:
        update_sql = (f"UPDATE {table} SET {', '.join(c + ' = ?' for c in cols)} WHERE id = ?")
    else:
        update_sql = f"UPDATE {table} SET {', '.join(c + ' = ?' for c in cols)} WHERE {spec.key[0]} = ?"
    db = dialect.of(session)
    db.prefer_key_lookups(session)
    cur = db.cursor(session)
    # A first load (the table holds no row yet) is validated in bulk: each chunk is inserted as it is inside a
    # savepoint, and only a chunk the constraints refuse (an unknown settlement, a key met before) is rolled
    # back and taken row by row below, with the lookups that name each bad row.
    first_load = is_lines and cur.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None
    seen_unchanged: set = set()  # keys (or fee-line ids) found unchanged in this file
    dup_rows: list[tuple[tuple, int]] = []  # (key, row) of later duplicates, first row found afterwards

    def flush(chunk: list[tuple[int, tuple, tuple]]) -> None:
        # chunk: (row number, key, insert row = values..., extra, digest, batch id)
        if not chunk:
            return
        if len({item[1] for item in chunk}) == len(chunk):
            rows = chunk
            if first_load and _bulk_insert(db, cur, table, cols, chunk):
                # validated in bulk: the table's unique key and the settlement foreign key accepted every row
                res.inserted += len(chunk)
                return
        else:
            in_chunk: set[tuple] = set()
            rows = []
            for item in chunk:
                key = item[1]
                if key in in_chunk:
                    dup_rows.append((key, item[0]))
                    continue
                in_chunk.add(key)
                rows.append(item)
        existing: dict[tuple, tuple] = {}
        all_known = True
        if is_lines:
            setl_ids = list({item[1][0] for item in rows})
            known: set[str] = set()
            for part in _in_chunks(setl_ids):
                marks = ",".join("?" * len(part))
                known.update(r[0] for r in cur.execute(
                    f"SELECT setl_id FROM settlements WHERE setl_id IN ({marks})", part))
                for sid, sn, rid, dig, bid in cur.execute(
                        f"SELECT setl_id, feedetl_sn, id, row_digest, batch_id FROM fee_lines "
                        f"WHERE setl_id IN ({marks})", part):
                    existing[(sid, sn)] = (rid, dig, bid)
            all_known = len(known) == len(setl_ids)
        else:
            keys = [item[1][0] for item in rows]
            for part in _in_chunks(keys):
                marks = ",".join("?" * len(part))
                for k, dig, bid in cur.execute(
                        f"SELECT {spec.key[0]}, row_digest, batch_id FROM {table} WHERE {spec.key[0]} IN ({marks})",
                        part):
                    existing[(k,)] = (k, dig, bid)
        if all_known and not existing:
            # the usual case of a first import: every row is new
            inserts, updates = [item[2] for item in rows], []
        else:
            inserts, updates = [], []
            for number, key, row in rows:
                if is_lines and key[0] not in known:
                    _reject(res, make_rejection(path.name, number, "setl_id", UNKNOWN_SETTLEMENT, value=key[0]))
                    continue
                found = existing.get(key)
                if found is None:
                    inserts.append(row)
                    continue
                ident, old_digest, old_batch = found
                if old_batch == batch_id or ident in seen_unchanged:
                    dup_rows.append((key, number))
                    continue
                digest = row[-2]
                if old_digest == digest:
                    seen_unchanged.add(ident)
                    res.unchanged += 1
                    continue
                updates.append((*row, ident))
                ws.log(session, "import.update", table, "/".join(key),
                       before={"row_digest": old_digest, "batch_id": old_batch},
                       after={"row_digest": digest, "batch_id": batch_id}, details={"row": number})
        if inserts:  # executemany on a local store, COPY on the server (store/dialect.py)
            sink.insert_rows(db, cur, table, cols, inserts)
            res.inserted += len(inserts)
        if updates:
            cur.executemany(update_sql, updates)
            res.updated += len(updates)

    # Reading and parsing run ahead of this thread (in a child process for a large
    # CSV, see import_rows) while this one looks rows up and writes them.
    for n, items, problems in parsed_chunks(path, facts, kind, hmap, batch_id):
        res.rows += n
        for probs in problems:
            for p in probs:
                _reject(res, p, count=p is probs[0])
        flush(items)
        tick(res.rows)
    if dup_rows:
        parse = row_parser(kind, hmap, path.name)
        _report_duplicates(path, facts, parse, key_idx, dup_rows, res)
    res.rejections.sort(key=lambda r: (r.row or 0))


def _bulk_insert(db, cur, table: str, cols: list[str], chunk: list) -> bool:
    """Insert a chunk's rows in a savepoint; False (and nothing inserted) when a constraint refuses one."""
    cur.execute("SAVEPOINT bulk_chunk")
    try:
        sink.insert_rows(db, cur, table, cols, [item[2] for item in chunk])
    except Exception as exc:  # the driver's IntegrityError: the careful path below finds and names the rows
        if "constraint" not in str(exc).lower():
            cur.execute("ROLLBACK TO bulk_chunk")
            cur.execute("RELEASE bulk_chunk")
            raise
        cur.execute("ROLLBACK TO bulk_chunk")
        cur.execute("RELEASE bulk_chunk")
        return False
    cur.execute("RELEASE bulk_chunk")
    return True


def _reject(res: ImportFileResult, rej: Rejection, count: bool = True) -> None:
    record_rejection(res, rej, count)


def _report_duplicates(path: Path, facts, parse, key_idx: list[int], dup_rows: list[tuple[tuple, int]],
                       res: ImportFileResult) -> None:
    """Name the first row of each duplicated key (a second pass, only when there are duplicates)."""
    wanted = {key for key, _ in dup_rows}
    first: dict[tuple, int] = {}
    for number, cells in data_rows(path, facts):
        values, _extra, problems, *_ = parse(number, cells)
        if problems:
            continue
        key = tuple(values[i] for i in key_idx)
        if key in wanted and key not in first:
            first[key] = number
            if len(first) == len(wanted):
                break
    column = fmt.SPECS[res.kind].key[-1]
    for key, number in sorted(dup_rows, key=lambda kr: kr[1]):
        shown = "/".join(str(k) for k in key)
        if key in first and first[key] != number:
            _reject(res, make_rejection(path.name, number, column, DUPLICATE_KEY, first=first[key], key=shown))
        else:
            _reject(res, make_rejection(path.name, number, column, DUPLICATE_KEY_STORED, key=shown))


def write_rejection_report(results: Iterable[ImportFileResult], target: Path, lang: str) -> Path:
    """The rejected rows as CSV (file, row, column, reason), without the rejected values.

    Written atomically (temp file beside the target, fsync, replace).
    """
    import csv
    import io

    from ..store.atomic import atomic_write_bytes

    buf = io.StringIO()
    w = csv.writer(buf)
    en = lang == "en"
    w.writerow(["file", "row", "column", "reason"] if en else ["文件", "行", "列", "原因"])
    for res in results:
        for r in res.rejections:
            w.writerow([r.file, r.row if r.row is not None else "", r.column or "", r.brief.render(lang)])
    atomic_write_bytes(Path(target), buf.getvalue().encode("utf-8-sig"))
    return Path(target)
