"""The theme's icon font, cut down to the icons the book shows.

The theme ships Font Awesome's whole solid set (about 150 kB as WOFF2), and every page fetches
it for the five or so icons in its header: on a slow phone connection that font costs more than
the page. When the build finishes, :func:`subset_icon_fonts` rewrites the copied font files in
``_static`` to hold only the glyphs the site can ask for:

* every ``fa-<name>`` class used in a page or a script of the site, through the rule in the
  theme's stylesheet that gives that class its glyph;
* every glyph a stylesheet names directly, outside those class rules (the theme's admonition
  and link icons, for instance).

The theme's files in the virtual environment are untouched, and the subset is deterministic, so
two builds write the same bytes.
"""
from __future__ import annotations

import re
from pathlib import Path

__all__ = ["icons_in_use", "subset_icon_fonts"]

#: ``.fa-bars:before,.fa-navicon:before{content:"\f0c9"}``: the rule giving classes their glyph.
_CLASS_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:{1,2}before,?)+)\{content:\s*"\\([0-9a-f]{4,5})"\}')
_ESCAPE = re.compile(r'"\\([0-9a-f]{4,5})"')
_PRIVATE_USE = re.compile('"([\ue000-\uf8ff])"')   # a glyph written as the character itself
_CLASS = re.compile(r"\bfa-[a-z0-9-]+")
_FONT_DIR = Path("vendor") / "fontawesome" / "webfonts"


def icons_in_use(stylesheets: list[str], documents: list[str]) -> set[int]:
    """Return the code points of the icons that ``documents`` (pages and scripts) can show
    under ``stylesheets``.

    >>> css = ['.fa-bars:before,.fa-navicon:before{content:"\\\\f0c9"}.fa-sun:before{content:"\\\\f185"}'
    ...        '.note{--pst-icon:"\\\\f05a"}.tip{--pst-icon:"\\uf0eb"}']
    >>> sorted(hex(c) for c in icons_in_use(css, ['<i class="fa-solid fa-navicon"></i>']))
    ['0xf05a', '0xf0c9', '0xf0eb']
    """
    by_class: dict[str, int] = {}
    direct: set[int] = set()
    for css in stylesheets:
        for selectors, code in _CLASS_RULE.findall(css):
            for name in re.findall(r"\.(fa-[a-z0-9-]+)", selectors):
                by_class[name] = int(code, 16)
        rest = _CLASS_RULE.sub("", css)
        direct |= {int(code, 16) for code in _ESCAPE.findall(rest)}
        direct |= {ord(char) for char in _PRIVATE_USE.findall(rest)}
    used = {name for text in documents for name in _CLASS.findall(text)}
    return direct | {by_class[name] for name in used if name in by_class}


def subset_icon_fonts(out: Path, cache: Path | None = None) -> dict[str, tuple[int, int]]:
    """Cut every Font Awesome WOFF2 file under ``out/_static`` down to :func:`icons_in_use`;
    return ``{file name: (bytes before, bytes after)}``. Files already cut are left alone; with
    a ``cache`` folder, a font cut before for the same icons is copied, not cut again (Sphinx
    copies the theme's whole font back on every build)."""
    import hashlib
    import shutil

    static = out / "_static"
    fonts = sorted((static / _FONT_DIR).glob("*.woff2"))
    if not fonts:
        return {}
    stylesheets = [p.read_text(encoding="utf-8", errors="replace") for p in static.rglob("*.css")]
    # the theme's pages and scripts; not the standalone chart pages or plotly.js, which use no
    # icon font and are most of the site's bytes
    documents = [p.read_text(encoding="utf-8", errors="replace")
                 for pattern in ("*.html", "*.js") for p in out.rglob(pattern)
                 if not {"vendor", "figures"} & set(p.relative_to(out).parts)
                 and p.name != "fontawesome.js" and not p.name.startswith("plotly")]
    wanted = icons_in_use(stylesheets, documents)
    sizes = {}
    for path in fonts:
        before = path.stat().st_size
        content = path.read_bytes()
        if cache is not None and (cache / f"{hashlib.sha256(content).hexdigest()[:20]}.cut").is_file():
            continue                              # this very file is a cut this build made before
        key = hashlib.sha256(content + repr(sorted(wanted)).encode()).hexdigest()[:20]
        cached = cache / f"{key}.woff2" if cache is not None else None
        if cached is not None and cached.is_file():
            shutil.copyfile(cached, path)
            sizes[path.name] = (before, path.stat().st_size)
            continue
        from fontTools import subset  # imported only when a font must be cut: it is slow
        from fontTools.ttLib import TTFont

        font = TTFont(path, recalcTimestamp=False)
        if font["maxp"].numGlyphs < 200:          # cut by an earlier build
            continue
        cmap = font.getBestCmap()
        keep = sorted(wanted & set(cmap))
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.recalc_timestamp = False
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=keep or [min(cmap)])
        subsetter.subset(font)
        font.flavor = "woff2"
        font.save(path)
        if cached is not None:
            cache.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, cached)
            (cache / f"{hashlib.sha256(path.read_bytes()).hexdigest()[:20]}.cut").touch()
        sizes[path.name] = (before, path.stat().st_size)
    return sizes
