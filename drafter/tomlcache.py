"""TOML parses kept between runs: a warm `drafter new` reads its templates' metadata and its
frames without importing tomllib (the parse of each text, by the text's hash, in one JSON file
in the cache folder). Nothing here is the source of anything: a lost or corrupt file is parsed
again; parallel runs may drop each other's entries, never write a wrong one.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

_TOML_MEMO: dict[str, dict[str, Any]] | None = None
_TOML_KEEP = 256  # parses kept in the cache file (templates, frames: a handful in practice)


def _toml_cache() -> Path:
    from drafter.paths import cache_dir

    return cache_dir() / "toml.json"


def _saved_parses() -> dict[str, dict[str, Any]]:
    global _TOML_MEMO
    if _TOML_MEMO is None:
        import json

        try:
            saved = json.loads(_toml_cache().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = {}
        _TOML_MEMO = saved if isinstance(saved, dict) else {}
    return _TOML_MEMO


def loads_toml(text: str) -> dict[str, Any]:
    """TOML text parsed, through the parses of earlier runs (cache_dir()/toml.json, by the text's
    hash): a warm `drafter new` reads its templates' metadata and its frames without importing
    tomllib. Raises ValueError (tomllib.TOMLDecodeError) when the text is not TOML."""
    import hashlib
    import json

    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    saved = _saved_parses()
    found = saved.get(key)
    if isinstance(found, dict):
        return copy.deepcopy(found)  # the caller's to change
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    data = tomllib.loads(text)
    try:
        raw = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return data  # a date or time in it: JSON cannot keep it, parse it each time
    kept = json.loads(raw)  # the caller's `data` stays its own
    if kept != data:
        return data
    saved[key] = kept
    while len(saved) > _TOML_KEEP:
        del saved[next(iter(saved))]
    from drafter.atomic import write_bytes_atomic

    try:
        write_bytes_atomic(_toml_cache(), json.dumps(saved, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # a read-only cache folder: parse again next time
    return data
