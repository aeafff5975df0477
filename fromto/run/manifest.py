"""The run manifest: what went into a run and what came out, as hashes and versions.

``write_manifest()`` writes ``data/manifest.json`` at the end of ``python -m fromto run``: sha256 of the seed page
and of every hand-made resource (lexicon, stoplist additions, codebook, gold, glossary …), the published stoplist's
name, version and hash, versions of the key packages, the font file and its hash, the random seeds, and the sha256
of every derived table and figure (not the hand-written catalogue ``figures/README.md``). It holds no time stamps
or machine paths, so an unchanged run rewrites it byte-identically, and a reader can check a figure against the
run that made it.
"""

from __future__ import annotations

import hashlib
import json
import platform
from importlib import metadata
from pathlib import Path

from fromto import paths
from fromto.textio import atomic_write

KEY_PACKAGES = ("jieba", "rjieba", "wordcloud", "matplotlib", "mplfonts", "pandas", "numpy", "pillow", "networkx",
                "krippendorff", "stopwordsiso", "nbclient", "nbconvert", "nbformat", "ipykernel")


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def build_manifest() -> dict:
    """Collect the manifest as a plain dict (see the module docstring)."""
    from fromto.views import style

    versions = {}
    for name in KEY_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    font = style.FONT_PATH
    manifest = {
        "fromto": metadata.version("fromto") if _installed("fromto") else None,
        "python": platform.python_version(),
        "seed": {paths.rel(p): sha256(p) for p in sorted(paths.SEEDS.rglob("*"))
                 if p.is_file() and p.suffix in (".txt", ".tsv")},
        "resources": {paths.rel(p): sha256(p) for p in sorted(paths.RESOURCES.glob("*")) if p.is_file()},
        "stoplist": _stoplist_provenance(),
        "packages": versions,
        "font": {"file": f"mplfonts/fonts/{font.name}", "family": style.FONT_NAME, "sha256": sha256(font)},
        "latin_font": {"file": f"matplotlib/mpl-data/fonts/ttf/{style.LATIN_FONT_PATH.name}",
                       "family": style.LATIN_FONT_NAME, "sha256": sha256(style.LATIN_FONT_PATH)},
        "random_seeds": dict(sorted(style.SEEDS.items())) | {"PYTHONHASHSEED": 0},
        "outputs": {
            paths.rel(p): sha256(p)
            for folder in (paths.DATA, paths.FIGURES)
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p != paths.MANIFEST_JSON and not p.name.startswith(".") and p.suffix != ".md"
        },
    }
    return manifest


def _installed(name: str) -> bool:
    try:
        metadata.version(name)
        return True
    except metadata.PackageNotFoundError:
        return False


def _stoplist_provenance() -> dict:
    from fromto.segment.lexicon import stoplist_provenance

    return stoplist_provenance()


def write_manifest(path: Path | None = None) -> Path:
    """Write the manifest as sorted, indented JSON (UTF-8, LF)."""
    path = Path(path or paths.MANIFEST_JSON)
    with atomic_write(path) as fh:
        json.dump(build_manifest(), fh, ensure_ascii=False, indent=2, sort_keys=True)
        fh.write("\n")
    return path
