"""Read a user's file as lines of text: UTF-8 (with or without BOM), UTF-16 with BOM,
GB18030/GBK or Big5 (detected), or .docx/.doc through drafter.corpus.docx_reader."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import InputError, os_reason

_CJK = re.compile("[\u4e00-\u9fff]")
# Characters that show a wrong guess: private use, replacement, control characters.
# What Chinese text is made of: CJK, its punctuation and full-width forms, ASCII, whitespace.
_NOT_TEXT = re.compile("[^\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u206f\x20-\x7e\t\n\r]")
_BAD = re.compile("[\ue000-\uf8ff\ufffd\x00-\x08\x0e-\x1f]")


_ZIP = b"PK\x03\x04"  # .docx (and any zip)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc (OLE2 compound file)


@dataclass(frozen=True)
class RawFile:
    """The decoded lines of a file and what we know about its bytes."""

    path: Path
    lines: list[str]
    encoding: str
    sha256: str


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control > len(sample) * 0.05


def _quality(text: str) -> float:
    """Share of Chinese characters minus a heavy penalty for impossible ones."""
    if not text:
        return 0.0
    sample = text[:20000]
    return (len(_CJK.findall(sample)) - 20 * len(_BAD.findall(sample))) / len(sample)


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM (some Windows tools save "Unicode" text so): the byte order
    whose strict decoding gives Chinese text with no control or impossible characters."""
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        if "\x00" in sample or _BAD.search(sample):
            continue
        odd = len(_NOT_TEXT.findall(sample))  # Latin extensions, combining marks, symbols...
        quality = _quality(text)
        if quality > 0.3 and odd <= 0.02 * len(sample) and (best is None or quality > best[0]):
            best = (quality, enc, text)
    return None if best is None else (best[2], best[1])


def decode_bytes(data: bytes, path: Path) -> tuple[str, str]:
    """(text, encoding name); InputError when no encoding fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data[:8192] or _looks_binary(data):
        found = _bomless_utf16(data)
        if found is not None:
            return found
    if _looks_binary(data):
        raise InputError("不是文本文件（看起来是二进制文件），已跳过", path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_quality(text), enc, text))
    if not candidates:
        import charset_normalizer  # lazy: only for files that are neither UTF-8 nor Chinese

        best = charset_normalizer.from_bytes(data).best()
        if best is None or best.encoding is None:
            raise InputError("无法识别文件编码（不是 UTF-8、GBK/GB18030 或 Big5）", path)
        return str(best), best.encoding
    quality, enc, text = max(candidates)
    if quality <= 0:
        raise InputError("无法识别文件编码（解码后不是中文文本）", path)
    return text, enc


def read_raw(path: str | Path) -> RawFile:
    """Decode a file into lines; InputError (naming the file) for anything unreadable."""
    p = Path(path)
    suffix = p.suffix.lower()
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("文件不存在", p) from None
    except IsADirectoryError:
        try:
            os.listdir(p)
        except OSError as exc:
            raise InputError(f"无法读取文件夹：{os_reason(exc)}", p) from None
        raise InputError("文件夹里没有可添加的文稿（.txt、.text、.md、.docx、.doc）", p) from None
    except OSError as exc:
        raise InputError(f"无法读取：{exc.strerror}", p) from None
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError("文件是空的", p)
    # by content, not by name: a .docx renamed .doc (or .txt) is still a .docx
    if data.startswith(_ZIP) and (suffix in (".docx", ".doc") or b"word/" in data[:65536]):
        from drafter.corpus.docx_reader import read_docx_lines  # lazy: python-docx is heavy

        return RawFile(p, list(read_docx_lines(p)), "docx", digest)
    if suffix == ".docx" and not data.startswith(_OLE):  # python-docx names the damage
        from drafter.corpus.docx_reader import read_docx_lines

        return RawFile(p, list(read_docx_lines(p)), "docx", digest)
    if suffix in (".doc", ".docx"):
        from drafter.corpus.docx_reader import read_doc_lines  # LibreOffice headless, or InputError

        return RawFile(p, read_doc_lines(p), "doc", digest)
    text, encoding = decode_bytes(data, p)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("文件是空的", p)
    return RawFile(p, text.split("\n"), encoding, digest)
