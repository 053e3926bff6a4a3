"""Rows of an export file parsed into the store's values, off the writing thread.

Parsing a large CSV (decoding, validating every cell, digesting every row) is
pure Python and holds the GIL, so a helper *thread* does not overlap with the
SQLCipher writes of the importing thread. For large CSV files the rows are
therefore parsed in a child *process* (a fresh interpreter running this
module, see ``worker_main``) that streams parsed chunks back through a pipe;
small files and spreadsheets are parsed on a helper thread, where
starting a process would cost more than it saves.

Nothing here touches the store: this module imports only the core and the
readers, which keeps the child process small. Parsed rows travel through an
anonymous pipe in memory, never through a file, so no personal data lands on
disk on the way. The child stops when the importer stops reading (cancel, an
error, the importing process killed): its next write to the pipe fails.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import io
import os
import pickle
import queue
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core import import_format as fmt
from ..core.errors import BadInput
from ..core.i18n import T
from . import import_readers

CHUNK_ROWS = 5000
# Below this many lines a file is parsed on a thread: a spawned process costs ~0.2 s to start.
PROCESS_MIN_LINES = 50_000


log = logging.getLogger(__name__)

@dataclass(frozen=True)
class Rejection:
    """One rejected row (or a file-level problem when ``row`` is None)."""

    file: str
    row: int | None
    column: str | None  # field code
    reason: T  # with the offending value, for the screen
    brief: T  # without it, for reports written to disk

    def message(self, lang: str) -> str:
        return self.reason.render(lang)


MAX_KEPT_REJECTIONS = 100_000
DUPLICATE_KEY = T("与第 {first} 行的关键字重复（{key}）", "duplicate key: same as row {first} ({key})")


def record_rejection(res, rej: "Rejection", count: bool = True) -> None:
    """Count a rejected row on an import result and keep its reason (up to MAX_KEPT_REJECTIONS)."""
    if count:
        res.rejected += 1
    if len(res.rejections) < MAX_KEPT_REJECTIONS:
        res.rejections.append(rej)


def data_rows(path: Path, facts):
    """Data rows (number, cells) of a file, header and empty rows skipped (see ``_data_rows``)."""
    return _data_rows(path, facts)


def make_rejection(file: str, row: int | None, column: str | None, template: T, **params: Any) -> "Rejection":
    return _rejection(file, row, column, template, **params)


def _t(template: T, **params: Any) -> T:
    return T(template.zh.format(**params), template.en.format(**params))


def _rejection(file: str, row: int | None, column: str | None, template: T, **params: Any) -> Rejection:
    brief_params = {k: ("…" if k == "value" else v) for k, v in params.items()}
    return Rejection(file, row, column, _t(template, **params), _t(template, **brief_params))


# -- parsing rows --------------------------------------------------------------------
def _csv_text(value: Any) -> str | None:
    if value.__class__ is str:
        return value.strip() or None
    return fmt.parse_text(value)


def stored_indexes(kind: str, hmap: fmt.HeaderMap) -> tuple[int, ...]:
    """The spec columns an insert row carries: those in the file, the required ones and those that hold 0
    when empty. An optional column the file does not have is left to the table's NULL: binding a None
    costs the driver more than leaving the column out (4 optional money columns cost ~1.5 s per million)."""
    return tuple(i for i, col in enumerate(fmt.SPECS[kind].columns)
                 if col.code in hmap.positions or col.required or fmt.zero_when_empty(kind, col.code))


def stored_layout(kind: str, hmap: fmt.HeaderMap) -> list[tuple[str, int, bool]]:
    """(table column, spec index, rounded to fen?) of an insert row: a price goes to its column in fen and,
    exactly, to its ``exact`` column."""
    cols = fmt.SPECS[kind].columns
    out: list[tuple[str, int, bool]] = []
    for i in stored_indexes(kind, hmap):
        if cols[i].exact:
            out += [(cols[i].code, i, True), (cols[i].exact, i, False)]
        else:
            out.append((cols[i].code, i, False))
    return out


def stored_columns(kind: str, hmap: fmt.HeaderMap) -> list[str]:
    return [c for c, _, _ in stored_layout(kind, hmap)]


def _projector(kind: str, hmap: fmt.HeaderMap):
    """values in spec order → the stored values of an insert row (``stored_layout``)."""
    layout = stored_layout(kind, hmap)
    fen = fmt.price_fen

    def project(values) -> list:
        return [fen(values[i]) if rounded else values[i] for _, i, rounded in layout]

    return project


def row_parser(kind: str, hmap: fmt.HeaderMap, file: str):
    """A function cells → (values tuple in spec order, extra JSON or None, rejections)."""
    plan = []
    for col in fmt.SPECS[kind].columns:
        parse = _csv_text if col.parse is fmt.parse_text else col.parse
        plan.append((col.code, hmap.positions.get(col.code), parse, col.required, fmt.zero_when_empty(kind, col.code)))
    extras = sorted(hmap.extra.items())

    def parse(number: int, cells: list[Any]):
        n = len(cells)
        values = []
        problems = None
        for code, pos, fn, required, zero in plan:
            raw = cells[pos] if pos is not None and pos < n else None
            try:
                value = fn(raw) if raw is not None else None
            except fmt.ValueProblem as exc:
                problems = problems or []
                problems.append(_rejection(file, number, code, exc.reason, **exc.params))
                values.append(None)
                continue
            if value is None:
                if required:
                    problems = problems or []
                    problems.append(_rejection(file, number, code, fmt.EMPTY))
                elif zero:
                    value = 0
            values.append(value)
        extra = None
        if extras:
            kept = {h: _plain(cells[i]) for i, h in extras if i < n and str(cells[i]).strip()}
            if kept:
                extra = json.dumps(kept, ensure_ascii=False, sort_keys=True)
        return tuple(values), extra, problems

    return parse


class _Slow(Exception):
    """The fast path met something it does not handle; the row takes the general path."""


def fast_chunk_parser(kind: str, hmap: fmt.HeaderMap, slow, batch_id: int | None):
    """An unrolled parser for CSV rows, generated from the column table: one function per
    file that parses a whole chunk, with no loop over columns and no call per row.

    ``parse_chunk(rows, limit)`` reads up to ``limit`` rows from ``rows`` (an
    iterator of ``(row number, cells)``, empty rows skipped) and returns
    ``(rows read, parsed rows, rejections)`` like ``_parse_chunks``. Any problem
    in a row (a bad value, an empty required cell, a short row) sends that row
    to ``slow``, which reports every problem of the row with its column.
    Repeated cell values (codes, names, prices) come out as one shared object,
    which keeps the pickled chunk small when it crosses to the importing process.
    """
    layout = stored_layout(kind, hmap)
    env: dict[str, Any] = {"_Slow": _Slow, "ValueProblem": fmt.ValueProblem, "slow": slow, "json": json,
                           "_blake": hashlib.blake2b, "_digest": row_digest, "_batch": batch_id,
                           "_key_of": _key_getter(key_indexes(kind)), "_project": _projector(kind, hmap),
                           "_fen": fmt.price_fen}
    body: list[str] = []
    names = []
    for i, col in enumerate(fmt.SPECS[kind].columns):
        pos = hmap.positions.get(col.code)
        name = f"c{i}"
        names.append(name)
        if pos is None:
            body.append(f"{name} = {'0' if fmt.zero_when_empty(kind, col.code) and not col.required else 'None'}")
            if col.required:
                body.append("raise _Slow")
            continue
        env[f"m{i}"] = {}
        if col.parse is fmt.parse_text:
            # one shared object per distinct text; strip() only for a text not seen before
            body += [f"v = cells[{pos}]",
                     f"{name} = m{i}.get(v, _NO)",
                     f"if {name} is _NO:",
                     f"    {name} = v.strip() or None",
                     f"    if len(m{i}) < 100000: m{i}[v] = {name}"]
        elif col.parse is fmt.parse_datetime:
            # the platform's own form: date and time looked up in the parsers' caches
            env[f"f{i}"] = col.parse
            env["_DC"], env["_TC"] = fmt.DATE_CACHE, fmt.TIME_CACHE
            body += [f"v = cells[{pos}]",
                     f"{name} = m{i}.get(v)",
                     f"if {name} is None:",
                     "    d = _DC.get(v[:10]); t = _TC.get(v[11:])",
                     f"    {name} = (d + ' ' + t) if d is not None and t is not None and len(v) == 19 "
                     f"and v[10] in ' T' else f{i}(v)",
                     f"    if {name} is not None and len(m{i}) < 100000: m{i}[v] = {name}"]
        else:
            # values repeat (prices, codes, quantities): a per-column memo of parsed cells
            env[f"f{i}"] = col.parse
            body += [f"v = cells[{pos}]",
                     f"{name} = m{i}.get(v, _NO)",
                     f"if {name} is _NO:",
                     f"    {name} = f{i}(v)",
                     f"    if len(m{i}) < 100000: m{i}[v] = {name}"]
        if col.required:
            body.append(f"if {name} is None: raise _Slow")
        elif fmt.zero_when_empty(kind, col.code):
            body.append(f"if {name} is None: {name} = 0")
    extras = sorted(hmap.extra.items())
    if extras:
        env["_extras"] = extras
        body.append("kept = {h: cells[i] for i, h in _extras if i < len(cells) and cells[i].strip()}")
        body.append("extra = json.dumps(kept, ensure_ascii=False, sort_keys=True) if kept else None")
    else:
        body.append("extra = None")
    # the digest text built in one f-string: the same text as row_digest() builds
    joined = "\\x1f".join("{" + n + "}" for n in names)
    body.append(f'text = f"{joined}"')
    body.append("if extra: text += '\\x1e' + extra")
    key_names = [names[i] for i in key_indexes(kind)]
    # a price's fen value inline (half up for the usual non-negative price; price_fen for the rest)
    stored = [f"(({names[i]} + 5000) // 10000 if {names[i]} is not None and {names[i]} >= 0 else _fen({names[i]}))"
              if rounded else names[i] for _, i, rounded in layout]
    body.append(f"out.append((number, ({', '.join(key_names)},), ({', '.join(stored)}, extra, "
                "_blake(text.encode('utf-8'), digest_size=16).hexdigest(), _batch)))")
    env["_NO"] = object()
    lines = ["def parse_chunk(rows, limit):",
             "    out = []; problems = []; n = 0",
             "    for number, cells in rows:",
             "        if not any(cells): continue",
             "        n += 1",
             "        try:"]
    lines += ["            " + line for line in body]
    lines += ["        except (_Slow, ValueProblem, IndexError):",
              "            values, extra, probs = slow(number, cells)",
              "            if probs: problems.append(probs)",
              "            else: out.append((number, _key_of(values), (*_project(values), extra, "
              "_digest(values, extra), _batch)))",
              "        if n >= limit: break",
              "    return n, out, problems"]
    code = "\n".join(lines)
    exec(compile(code, f"<chunk parser {kind}>", "exec"), env)  # noqa: S102 - generated from our own column table
    return env["parse_chunk"]


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return fmt.parse_text(value) if value.is_integer() else repr(value)
    return value if isinstance(value, (str, int)) else str(value)


def row_digest(values: tuple, extra: str | None) -> str:
    """What ``unchanged`` compares: the parsed values (so '2025/3/1' equals '2025-03-01') and the extra columns."""
    text = "\x1f".join(map(str, values))
    if extra:
        text += "\x1e" + extra
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _data_rows(path: Path, facts):
    """Data rows (number, cells), skipping the header and rows with no content at all."""
    for number, cells in import_readers.iter_rows(path, facts):
        if number == 1:
            continue
        for c in cells:
            if c != "" and c is not None and (c.__class__ is not str or c.strip()):
                break
        else:
            continue
        yield number, cells


def _parse_chunks(rows, parse, key_of, batch_id: int | None, project):
    """(rows read, parsed rows, rejections of the bad rows) per chunk of CHUNK_ROWS rows.

    A parsed row is ``(row number, key, insert row)``; the insert row holds the
    stored values (``stored_columns``, in spec order), the extra columns (JSON or
    None), the digest (over all spec values) and the batch.
    """
    chunk, problems, n = [], [], 0
    for number, cells in rows:
        n += 1
        values, extra, probs = parse(number, cells)
        if probs:
            problems.append(probs)
        else:
            chunk.append((number, key_of(values), (*project(values), extra, row_digest(values, extra), batch_id)))
        if n >= CHUNK_ROWS:
            yield n, chunk, problems
            chunk, problems, n = [], [], 0
    yield n, chunk, problems


def _fast_chunks(path: Path, facts, kind: str, hmap: fmt.HeaderMap, batch_id: int | None):
    """``_parse_chunks`` for CSV through the generated chunk parser."""
    parse_chunk = fast_chunk_parser(kind, hmap, row_parser(kind, hmap, path.name), batch_id)
    rows = import_readers.iter_rows(path, facts)
    next(rows, None)  # the header
    while True:
        n, chunk, problems = parse_chunk(rows, CHUNK_ROWS)
        if n == 0:
            return
        yield n, chunk, problems


_END = object()


def _in_background(make_iter, depth: int = 3):
    """Run an iterator on a helper thread, a few items ahead; errors are re-raised here.

    Leaving the loop early (an error, a cancel) stops the helper before it reads on.
    """
    items: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                items.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        try:
            for item in make_iter():
                if not put(item):
                    return
            put((_END, None))
        except BaseException as exc:  # handed to the consumer, which raises it
            put((_END, exc))

    helper = threading.Thread(target=work, name="import-parse", daemon=True)
    helper.start()
    try:
        while True:
            item = items.get()
            if item[0] is _END:
                if item[1] is not None:
                    raise item[1]
                return
            yield item
    finally:
        stop.set()
        helper.join(timeout=10)


def _key_getter(key_idx: list[int]):
    import operator

    if len(key_idx) == 1:
        i = key_idx[0]
        return lambda values: (values[i],)
    return operator.itemgetter(*key_idx)



# -- choosing where to parse ---------------------------------------------------------
def key_indexes(kind: str) -> list[int]:
    spec = fmt.SPECS[kind]
    return [spec.codes.index(k) for k in spec.key]


def parsed_chunks(path: Path, facts, kind: str, hmap: fmt.HeaderMap, batch_id: int | None = None):
    """Iterate (rows read, parsed rows, rejections of bad rows) per chunk, parsed ahead of the caller.

    Parsed rows are ``(row number, key, insert row)`` (see ``_parse_chunks``). Large CSV files
    are parsed in a child process, everything else on a helper thread; the
    results are the same either way.
    """
    if facts.encoding is not None and facts.lines >= PROCESS_MIN_LINES:
        child = _start_child(path, facts, kind, hmap, batch_id)
        if child is not None:
            yield from _in_child(*child)
            return

    def make_iter():
        if facts.encoding is not None:
            return _fast_chunks(path, facts, kind, hmap, batch_id)
        parse = row_parser(kind, hmap, path.name)
        return _parse_chunks(_data_rows(path, facts), parse, _key_getter(key_indexes(kind)), batch_id,
                             _projector(kind, hmap))

    yield from _in_background(make_iter)


# -- the child process ---------------------------------------------------------------
# The child is a fresh interpreter running this module (``python -m``), or the
# frozen program with WORKER_FLAG: not ``multiprocessing``, whose spawn re-runs
# the parent's main script in the child (with its side effects when that script
# has no ``__main__`` guard). The child reads its task, pickled, from stdin and
# writes pickled messages to its stdout; a print anywhere cannot corrupt the
# stream, as the child points its own sys.stdout elsewhere first.
WORKER_FLAG = "--import-parse-worker"
_READY = "ready"
_DONE = "done"
_CHUNK = "chunk"
_BAD = "bad"
_FAILED = "failed"


def worker_main() -> int:
    """Entry point of the parsing process."""
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb", buffering=1 << 20)
    sys.stdout = sys.stderr  # nothing else may write into the message stream
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)

    def send(message) -> None:
        pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()

    try:
        path, facts, kind, hmap, batch_id = pickle.load(sys.stdin.buffer)
        send((_READY, None))
        for item in _fast_chunks(Path(path), facts, kind, hmap, batch_id):
            send((_CHUNK, item))
        send((_DONE, None))
    except (BrokenPipeError, ConnectionResetError):
        return 0  # the importer stopped reading: nothing more to do
    except BadInput as exc:
        _send_quietly(send, (_BAD, (exc.text, exc.file, exc.row, exc.column, exc.params)))
    except BaseException as exc:  # noqa: BLE001 - reported to the importer, which raises it
        # only the type and where: an exception's text may quote a cell of the file
        tb = exc.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        where = f"{Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}" if tb is not None else "?"
        _send_quietly(send, (_FAILED, f"{type(exc).__name__} at {where}"))
    finally:
        try:
            out.close()
        except OSError:
            pass
    return 0


def _send_quietly(send, message) -> None:
    try:
        send(message)
    except OSError:
        pass


class ParseProcessFailed(RuntimeError):
    """The parsing process ended without saying why, or with an unexpected error (a bug)."""


def _worker_command() -> list[str]:
    if getattr(sys, "frozen", False):  # the PyInstaller build: its entry point knows WORKER_FLAG
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", __name__]


def _start_child(path: Path, facts, kind: str, hmap: fmt.HeaderMap, batch_id: int | None):
    """Start the parsing process; None (parse on a thread instead) when it cannot start."""
    # the child needs no secret: passphrases given by environment (scripted use) stay here
    env = {k: v for k, v in os.environ.items() if "PASSPHRASE" not in k.upper()}
    # the child finds this package where the parent found it (a source checkout, a test run)
    package_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    try:
        proc = subprocess.Popen(_worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, env=env, bufsize=0)
    except OSError as exc:
        log.warning("import: parsing process not started (%s); parsing on a thread", type(exc).__name__)
        return None
    reader = io.BufferedReader(proc.stdout, buffer_size=1 << 20)
    try:
        proc.stdin.write(pickle.dumps((str(path), facts, kind, hmap, batch_id), protocol=pickle.HIGHEST_PROTOCOL))
        proc.stdin.close()
        ready = pickle.load(reader)[0] == _READY
    except (OSError, EOFError, pickle.UnpicklingError, IndexError, TypeError):
        ready = False
    if not ready:
        _stop(proc, reader, finished=False)
        log.warning("import: parsing process did not start (exit code %s); parsing on a thread", proc.returncode)
        return None
    return proc, reader


def _stop(proc, reader, finished: bool) -> None:
    reader.close()  # a child still sending gets a broken pipe and ends
    if not finished:  # cancelled or failed: no need to wait for the next chunk
        proc.kill()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover - a finished child exits at once
        proc.kill()
        proc.wait()


def _in_child(proc, reader):
    def receive():
        while True:
            try:
                tag, payload = pickle.load(reader)
            except EOFError:
                raise ParseProcessFailed(f"the parsing process ended early (exit code {proc.poll()})") from None
            if tag == _CHUNK:
                yield payload
            elif tag == _DONE:
                return
            elif tag == _BAD:
                text, file, row, column, params = payload
                raise BadInput(text, file=file, row=row, column=column, **params)
            else:
                raise ParseProcessFailed(payload)

    finished = False
    try:
        # Received on this thread, between writes; the pipe's buffer and the
        # chunk being parsed keep the child ahead. (A receiving thread would
        # take the GIL from the writer at each step; measured: no faster.)
        yield from receive()
        finished = True
    finally:
        _stop(proc, reader, finished)


if __name__ == "__main__":
    # run under the module's own name, so what is pickled names import_rows, not __main__
    from workstation.services.import_rows import worker_main as _worker_main

    sys.exit(_worker_main())
