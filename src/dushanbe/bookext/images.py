"""A chart's images: the exports (PNG, SVG) and the static first paint (wide and narrow WebP).

Images are drawn from the figure JSON with kaleido (plotly's own image export, driving the system
Chromium) when the book is built, all in one browser session, and kept in a cache keyed by what
was drawn, so that a rebuild draws only what changed and a no-change rebuild starts no browser.

* :func:`export_figure` adds to a figure what it must carry when it leaves the book: its number
  and title, subtitle, a source line, the licence and its permanent address;
* :func:`stable_svg` replaces the random ids plotly.js writes into an SVG, so the same chart
  exports the same bytes;
* :func:`draw` renders a list of :class:`Image` jobs, from the cache where it can.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..figures._layout import titled, untitled, wrap_label

__all__ = ["Image", "export_figure", "stable_svg", "draw"]


#: Bumped whenever what is done to a drawn image changes (a PNG's palette, an SVG's ids), so
#: that cached images drawn the old way are drawn again.
RECIPE = 2


@dataclass(frozen=True)
class Image:
    """One image to draw: the figure (plain JSON), its format and size, and where it goes."""

    figure: dict
    format: str
    width: int
    height: int
    scale: float
    target: Path

    @property
    def key(self) -> str:
        """A digest of everything that decides the image's bytes."""
        spec = [self.figure, self.format, self.width, self.height, self.scale, RECIPE]
        return hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:24]


def export_figure(figure: dict, *, label: str, title: str, subtitle: str, source_line: str) -> tuple[dict, int]:
    """Return the figure as exported to PNG and SVG, and its height: above the plot, its number
    and title, its subtitle and a line giving its sources, licence and address, so that it keeps
    its provenance when it is pasted into a slide or a page (as Our World in Data's exports do).

    >>> fig, height = export_figure({"layout": {"height": 400, "margin": {"t": 30}}}, label="Figure 1",
    ...     title="A finding", subtitle="What is drawn", source_line="Source: TASS · CC BY 4.0")
    >>> height > 400, fig["layout"]["title"]["text"].startswith("<b>Figure 1. A finding</b>")
    (True, True)
    """
    grey = "<span style='font-size:{size}px;color:#555'>{text}</span>"
    lines = [f"<b>{wrap_label(f'{label}. {title}', 80)}</b>"]
    if subtitle:
        lines.append(grey.format(size=13, text=wrap_label(subtitle, 110)))
    lines.append(grey.format(size=11, text=wrap_label(source_line, 130)))
    out = titled(untitled(figure), "<br>".join(lines))
    return out, int(out["layout"]["height"])


#: The 6-hex-digit random part of the ids plotly.js writes (after defs-, topdefs-, clip, legend…).
_PLOTLY_ID = re.compile(r"(?:defs-|clip|legend-?|-|\bp)([0-9a-f]{6})")
_ID_SPANS = re.compile(r'\bid="[^"]*"|url\([\'"]?#[^)]*\)|href="#[^"]*"')


def stable_svg(svg: str, seed: str) -> str:
    """Replace the random ids plotly.js writes into an SVG (``defs-078ebb``, ``clip078ebbxy``,
    ``legend-2a3818`` …) with ids derived from ``seed``, so the same chart exports the same bytes.

    >>> a = stable_svg('<g id="defs-078ebb"><clipPath id="legend200e23"/><use href="#clip078ebbxy"/>'
    ...                '<pattern id="p37468d-f205b0"/><path style="fill: url(\\'#p37468d-f205b0\\')" '
    ...                'd="M0.078ebb"/></g>', "fig-x")
    >>> b = stable_svg('<g id="defs-5f1c2d"><clipPath id="legend07b547"/><use href="#clip5f1c2dxy"/>'
    ...                '<pattern id="p5fd8e0-5428ed"/><path style="fill: url(\\'#p5fd8e0-5428ed\\')" '
    ...                'd="M0.078ebb"/></g>', "fig-x")
    >>> a == b, "defs-078ebb" in a, 'd="M0.078ebb"' in a
    (True, False, True)
    """
    tokens: dict[str, str] = {}
    for value in re.findall(r'\bid="([^"]*)"', svg):
        for token in _PLOTLY_ID.findall(value):
            if token not in tokens:
                digest = hashlib.sha256(f"{seed}:{len(tokens)}".encode()).hexdigest()
                tokens[token] = "z" + digest[:5]   # 'z' is not hex: cannot collide with an id

    def fix(match):
        text = match.group(0)
        for token, replacement in tokens.items():
            text = text.replace(token, replacement)
        return text

    # only inside ids and references to them, never in coordinates or text
    return _ID_SPANS.sub(fix, svg)


def _render(jobs: list[Image], cache: Path) -> None:
    """Draw ``jobs`` into the cache, in one kaleido session (two tabs)."""
    import asyncio
    import logging

    import kaleido

    for name in ("choreographer", "kaleido", "logistro"):   # their INFO lines would fill the build log
        logging.getLogger(name).setLevel(logging.WARNING)

    async def run():
        async with kaleido.Kaleido(n=min(2, len(jobs)), mathjax=False) as k:
            return await k.write_fig_from_object(
                [{"fig": job.figure, "path": str(cache / f"{job.key}.{job.format}"),
                  "opts": {"format": job.format, "width": job.width, "height": job.height, "scale": job.scale}}
                 for job in jobs])

    errors = asyncio.run(run())
    if errors:
        raise RuntimeError(f"kaleido could not draw {len(errors)} image(s): {errors[0]!r}")
    for job in jobs:
        if job.format == "svg":
            path = cache / f"{job.key}.svg"
            path.write_text(stable_svg(path.read_text(encoding="utf-8"), job.target.stem), encoding="utf-8")
        elif job.format == "png":
            palette_png(cache / f"{job.key}.png")


def palette_png(path: Path) -> None:
    """Rewrite a chart's PNG with a palette of at most 256 colours, undithered: a chart's flat
    colours and the greys of its antialiased edges fit in it, at about a quarter of the size."""
    from PIL import Image

    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    reduced.save(path, format="PNG", optimize=True)


def draw(jobs: list[Image], cache: Path) -> int:
    """Put each job's image at its target, drawing only those not in ``cache``; return how many
    were drawn. A target that already holds the right bytes is not rewritten."""
    cache.mkdir(parents=True, exist_ok=True)
    missing = list({job.key: job for job in jobs if not (cache / f"{job.key}.{job.format}").is_file()}.values())
    if missing:
        _render(missing, cache)
    for job in jobs:
        source = cache / f"{job.key}.{job.format}"
        if not (job.target.is_file() and job.target.read_bytes() == source.read_bytes()):
            job.target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, job.target)
    return len(missing)
