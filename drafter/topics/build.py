"""Build the bundled topic knowledge from a folder of public-domain official documents.

    python -m drafter.topics.build CORPUS_EXTRA_DIR [-o drafter/topics/data/formulations.tsv]

Reads the national and provincial government work reports, CPC congress reports and the
State Council / ministry documents under CORPUS_EXTRA_DIR (see its README), and writes the
derived data drafter ships: formulations of at most 12 characters found in at least two
documents, with their context terms. No document sentence is written.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path

from drafter.topics.harvest import Harvest, harvest

CREDIT = (
    "# Government Work Reports and CPC Congress reports from Chinese Wikisource (public domain under "
    "PRC Copyright Law Art. 5), via github.com/aldohemsn/chinese-political-corpora; 2025 provincial "
    "government work reports and State Council, ministry and provincial documents (PRC Copyright Law "
    "Art. 5(1)), via the repositories named in corpus-extra/policy/README.md; PRC laws, administrative "
    "regulations, departmental rules and local regulations (public domain under PRC Copyright Law "
    "Art. 5), via github.com/LawRefBook/Laws.\n"
)
_FOOTERS = ("本作品是中华人民共和国的", "本作品来自1949年10月1日")
# A formulation only documents older than this say (加强行政监察, 2003–2012 reports; a law last
# amended before it) is dated wording: the data marks it, and drafter finds a field with its
# words but never writes it.
CURRENT_FROM = 2013
CONGRESS_CURRENT_FROM = 18  # the 18th congress, November 2012


def _years(root: Path) -> dict[str, int]:
    """The year of each file the manifests date (corpus-extra and policy MANIFEST.tsv)."""
    years: dict[str, int] = {}
    for manifest, prefix in ((root / "MANIFEST.tsv", ""), (root / "policy" / "MANIFEST.tsv", "policy/")):
        if not manifest.is_file():
            continue
        with manifest.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                year = (row.get("date") or "")[:4]
                if year.isdigit():
                    years[prefix + row["file"]] = int(year)
    return years


_YEAR = re.compile(r"((?:19|20)\d\d)年")


def _year(root: Path, path: Path, text: str, years: Mapping[str, int]) -> int | None:
    """The file's year: the manifest's, else for a law the latest its header names (the dates it
    was passed and amended, above ``<!-- INFO END -->``)."""
    rel = path.relative_to(root).as_posix()
    if rel in years:
        return years[rel]
    if path.parent.parent.name == "laws":
        header = text.split("<!-- INFO END -->", 1)[0][:2000]
        found = [int(y) for y in _YEAR.findall(header)]
        return max(found) if found else None
    return None


def _current(root: Path, path: Path, text: str, years: Mapping[str, int]) -> bool:
    """Whether the file speaks today's official language (see CURRENT_FROM)."""
    if path.parent.name == "gwr-national" and path.stem[4:].isdigit():
        return int(path.stem[4:]) >= CURRENT_FROM
    if path.parent.name == "cpc-congress":
        return int(path.stem.rsplit("-", 1)[1]) >= CONGRESS_CURRENT_FROM
    year = _year(root, path, text, years)
    return year is None or year >= CURRENT_FROM  # undated: taken as current


def _documents(root: Path, laws: bool = True,
               current: dict[str, str | None] | None = None) -> Iterator[tuple[str, str]]:
    """(document id, text) of every document harvested. The current ones (CURRENT_FROM) are
    added to `current`: a law with the text of its newest version (only what that version still
    says is current wording), any other document with None (all of it)."""
    years = _years(root)
    policy = root / "policy"
    files = []
    for sub in ("gwr-provincial-2025", "govcn-statecouncil-2019crawl", "jiangxi-2020", "single-docs",
                "mee-2018-2023", "govcn-energy-minerals"):
        files += sorted((policy / sub).glob("*.txt"))
    files += [p for p in sorted((root / "gwr-national").glob("gwr-*.txt")) if int(p.stem[4:]) >= 1998]
    files += [p for p in sorted((root / "cpc-congress").glob("cpc-congress-*.txt"))
              if int(p.stem.rsplit("-", 1)[1]) >= 15]
    for sub in () if not laws else ("administrative-law", "administrative-regulations", "economic-law", "social-law",
                "departmental-rules", "local-beijing", "local-chongqing", "local-guangdong",
                "local-shanghai", "local-zhejiang"):
        files += sorted((root / "laws" / sub).glob("*.txt"))
    # each law's newest version: what it says is the law's wording today
    newest: dict[str, tuple[int, str]] = {}
    for path in files:
        if path.parent.parent.name == "laws":
            text = path.read_text(encoding="utf-8")
            doc = _document_id(path, text)
            rel = path.relative_to(root).as_posix()
            when = (_year(root, path, text, years) or 0, rel)
            newest[doc] = max(newest.get(doc, when), when)
    for path in files:
        text = path.read_text(encoding="utf-8")
        if "答复" in text[:200] or "提案" in text[:200]:
            continue  # replies to deputies' proposals name people: never harvested
        cut = [i for i in (text.find(f) for f in _FOOTERS) if i >= 0]
        doc = _document_id(path, text)
        body = text[: min(cut)] if cut else text
        if current is not None and _current(root, path, text, years):
            if doc not in newest:
                current[doc] = None
            elif newest[doc][1] == path.relative_to(root).as_posix():
                current[doc] = body
        yield doc, body


_VERSION = re.compile(r"[（(][^）)]*(?:修订|修正|修改|试行|年)[^）)]*[）)]\s*$")


def _document_id(path: Path, text: str) -> str:
    """One id per document: the versions of one law (北京市安全生产条例 as amended, each in a
    file of its own) are one document, so a clause they repeat is not "found in two documents"."""
    if path.parent.parent.name == "laws":
        first = text.lstrip().split("\n", 1)[0].lstrip("# ").strip()
        title = _VERSION.sub("", first).strip()
        if title:
            return f"laws/{title}"
    return f"{path.parent.name}/{path.name}"


def write_tsv(result: Harvest, out: Path, cut: Callable[[str], Iterable[str]],
              current: Mapping[str, str | None] | None = None) -> None:
    """Write the formulations (those no current document says marked dated, when `current` is
    given: see _documents) and the term associations beside them."""
    lines = [
        "# drafter topic knowledge: formulations (<= 12 characters, found in >= 2 documents) and the\n",
        "# content terms of the sentences they occur in. Derived data only: no document's sentences.\n",
        f"# A fourth column `dated`: no document from {CURRENT_FROM} on says it (its words help find a field;\n",
        "# drafter never writes it).\n",
        f"# {result.documents} documents, {result.sentences} sentences. Sources:\n",
        CREDIT,
        "# Generated by `python -m drafter.topics.build`; do not edit by hand.\n",
        "# columns: words of the formulation (space-separated) \\t documents \\t context terms [\\t dated]\n",
    ]
    for text in sorted(result.formulations):
        f = result.formulations[text]
        words = " ".join(cut(text))
        context = " ".join(t for t, _ in f.context.most_common())
        dated = "\tdated" if current is not None and not _said_now(text, f.docs, current) else ""
        lines.append(f"{words}\t{len(f.docs)}\t{context}{dated}\n")
    _write(out, lines)
    head = [
        "# drafter topic knowledge: term associations (for each content term of the documents, the terms\n",
        "# said with it in the most sentences, weighted by the log of the lift). Derived counts only.\n",
        f"# {result.documents} documents, {result.sentences} sentences. Sources:\n",
        CREDIT,
        "# Generated by `python -m drafter.topics.build`; do not edit by hand.\n",
        "# columns: term \\t associated terms (space-separated, most associated first)\n",
    ]
    _write(out.with_name(ASSOCIATIONS), head + [f"{t}\t{' '.join(found)}\n" for t, found in result.associations.items()])


def _said_now(text: str, docs: AbstractSet[str], current: Mapping[str, str | None]) -> bool:
    """A current document says the formulation (a law: in its newest version's text)."""
    return any(d in current and (current[d] is None or text in (current[d] or "")) for d in docs)


ASSOCIATIONS = "associations.tsv"


def _write(out: Path, lines: list[str]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--no-laws", action="store_true", help="leave the laws out (a quick build)")
    parser.add_argument("-o", "--out", type=Path,
                        default=Path(__file__).resolve().parent.parent / "_data" / "formulations.tsv")
    args = parser.parse_args(argv)
    from drafter.phrases.tokenize import Tokenizer

    tok = Tokenizer()
    current: dict[str, str | None] = {}
    result = harvest(_documents(args.root, not args.no_laws, current), tok.cut, tok.tag_of)
    write_tsv(result, args.out, tok.cut, current)
    print(f"{len(result.formulations)} formulations from {result.documents} documents -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
