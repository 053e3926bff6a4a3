"""Reading export files row by row: CSV (encoding detected) and XLSX.

Rows come out as ``(row_number, cells)`` where ``row_number`` is the row as a
person sees it in a spreadsheet: the header is row 1, the first data row is
row 2, and an empty line still counts as a row.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ..core.errors import BadInput
from ..core.i18n import T

XLSX_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
CHUNK = 1 << 20

UNREADABLE = T("文件无法读取：{detail}", "the file cannot be read: {detail}")
EMPTY_FILE = T("文件为空（没有表头）", "the file is empty (no header row)")
UNDECODABLE = T("无法识别文件的字符编码（支持 UTF-8、GBK、GB18030）",
                "cannot tell the file's character encoding (UTF-8, GBK and GB18030 are supported)")


@dataclass(frozen=True)
class FileFacts:
    sha256: str
    size: int
    encoding: str | None  # None for spreadsheets
    lines: int  # physical lines (an estimate of rows for progress)


def inspect_file(path: Path) -> FileFacts:
    """One pass over the bytes: SHA-256, line count and (for CSV) the encoding.

    UTF-8 is checked over the whole file with an incremental decoder, so a
    multi-byte character split across read chunks is not mistaken for bad
    bytes; anything that is not valid UTF-8 is read as GB18030 (a superset of GBK).
    """
    path = Path(path)
    sha = hashlib.sha256()
    is_sheet = path.suffix.lower() in XLSX_SUFFIXES
    utf8 = codecs.getincrementaldecoder("utf-8")("strict")
    utf8_ok = True
    lines = 0
    size = 0
    first = b""
    try:
        with open(path, "rb") as fh:
            while True:
                block = fh.read(CHUNK)
                if not block:
                    break
                if not first:
                    first = block[:4]
                size += len(block)
                sha.update(block)
                if is_sheet:
                    continue
                lines += block.count(b"\n")
                if utf8_ok:
                    try:
                        utf8.decode(block, False)
                    except UnicodeDecodeError:
                        utf8_ok = False
    except OSError as exc:
        raise BadInput(UNREADABLE, file=path.name, detail=exc.strerror or type(exc).__name__) from None
    if is_sheet:
        return FileFacts(sha.hexdigest(), size, None, 0)
    if utf8_ok:
        try:
            utf8.decode(b"", True)
        except UnicodeDecodeError:
            utf8_ok = False
    if size == 0:
        raise BadInput(EMPTY_FILE, file=path.name, row=1)
    if utf8_ok:
        encoding = "utf-8-sig" if first.startswith(codecs.BOM_UTF8) else "utf-8"
    else:
        encoding = "gb18030"
        if not _decodes(path, encoding):
            raise BadInput(UNDECODABLE, file=path.name)
    return FileFacts(sha.hexdigest(), size, encoding, lines + 1)


def _decodes(path: Path, encoding: str) -> bool:
    dec = codecs.getincrementaldecoder(encoding)("strict")
    try:
        with open(path, "rb") as fh:
            while block := fh.read(CHUNK):
                dec.decode(block, False)
        dec.decode(b"", True)
    except UnicodeDecodeError:
        return False
    return True


def iter_rows(path: Path, facts: FileFacts) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cells) for every row including the header (row 1)."""
    path = Path(path)
    if facts.encoding is None:
        yield from _iter_sheet(path)
        return
    try:
        with open(path, "r", encoding=facts.encoding, newline="") as fh:
            sample = fh.readline()
            delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
            fh.seek(0)
            reader = csv.reader(fh, delimiter=delimiter)
            for number, cells in enumerate(reader, start=1):
                yield number, cells
    except csv.Error as exc:
        raise BadInput(UNREADABLE, file=path.name, detail=str(exc)) from None
    except UnicodeDecodeError:
        raise BadInput(UNDECODABLE, file=path.name) from None


def _iter_sheet(path: Path) -> Iterator[tuple[int, list[Any]]]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheet = book.get_sheet_by_index(0)
    except Exception as exc:  # calamine raises its own types for damaged or foreign files
        raise BadInput(UNREADABLE, file=path.name, detail=type(exc).__name__) from None
    # calamine starts at the first used row; rows above it are empty rows of the sheet.
    start = (sheet.start or (0, 0))[0] if hasattr(sheet, "start") else 0
    try:
        for i, cells in enumerate(sheet.iter_rows(), start=1 + (start or 0)):
            yield i, [("" if c is None else c) for c in cells]
    finally:
        try:
            book.close()
        except Exception:  # pragma: no cover - best effort
            pass
