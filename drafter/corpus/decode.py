"""Read a user's file as lines of text: UTF-8 (with or without BOM), UTF-16 with BOM,
GB18030/GBK or Big5 (detected), or .docx/.doc through drafter.corpus.docx_reader."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import InputError

_CJK = re.compile("[\u4e00-\u9fff]")
# Characters that show a wrong guess: private use, replacement, control characters.
_BAD = re.compile("[\ue000-\uf8ff\ufffd\x00-\x08\x0e-\x1f]")


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


def decode_bytes(data: bytes, path: Path) -> tuple[str, str]:
    """(text, encoding name); InputError when no encoding fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
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
        raise InputError("是文件夹，不是文件", p) from None
    except OSError as exc:
        raise InputError(f"无法读取：{exc.strerror}", p) from None
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError("文件是空的", p)
    if suffix == ".docx":
        from drafter.corpus.docx_reader import read_docx_lines  # lazy: python-docx is heavy

        return RawFile(p, list(read_docx_lines(p)), "docx", digest)
    if suffix == ".doc":
        from drafter.corpus.docx_reader import read_doc_lines  # LibreOffice headless, or InputError

        return RawFile(p, read_doc_lines(p), "doc", digest)
    text, encoding = decode_bytes(data, p)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("文件是空的", p)
    return RawFile(p, text.split("\n"), encoding, digest)
