"""Chart style in one place: the palette, the plotly template, and how each code is drawn.

Everything a chart's look depends on is keyed by the data's codes (a status, a kind of event, a
state's CSTO/SCO profile, a class of border), never by English labels, and the ``dushanbe``
plotly template is registered on import, so every builder draws alike.

Colours follow the Okabe–Ito palette (readable with the common colour-vision deficiencies);
nothing is told by colour alone: each status also has its own dash, marker symbol and hatching.

>>> import plotly.io as pio
>>> "dushanbe" in pio.templates
True
"""
from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

__all__ = ["PALETTE", "TEMPLATE", "STATUS_STYLE", "EVENT_STYLE", "PROFILE_STYLE", "BORDER_STYLE",
           "SOURCE_STYLES", "profile_style"]

#: The Okabe–Ito palette, by name.
PALETTE = {"blue": "#0072B2", "sky": "#56B4E9", "orange": "#E69F00", "green": "#009E73",
           "yellow": "#F0E442", "vermillion": "#D55E00", "purple": "#CC79A7", "grey": "#999999",
           "black": "#000000", "light": "#F0F0F0", "ink": "#222222",
           # not Okabe–Ito: a dark ochre for lines and markers, where the palette's yellow
           # is too pale to see on white
           "ochre": "#A6761D"}

#: The name of the plotly template every builder uses.
TEMPLATE = "dushanbe"

pio.templates[TEMPLATE] = go.layout.Template(pio.templates["simple_white"]).update(layout=dict(
    font=dict(family="Helvetica, Arial, sans-serif", size=13, color=PALETTE["ink"]),
    margin=dict(l=20, r=20, t=30, b=20), hoverlabel=dict(font_size=13),
    colorway=[PALETTE[c] for c in ("blue", "vermillion", "green", "purple", "orange", "sky")]))

#: Colour, line dash and marker symbol for each membership status.
STATUS_STYLE = {
    "member": {"color": "#0072B2", "dash": "solid", "symbol": "circle", "pattern": ""},
    "associate": {"color": "#56B4E9", "dash": "longdash", "symbol": "circle-open", "pattern": "."},
    "participant": {"color": "#56B4E9", "dash": "dash", "symbol": "circle-dot", "pattern": "+"},
    "founding_state": {"color": "#BBBBBB", "dash": "dot", "symbol": "circle-open-dot", "pattern": "."},
    "observer": {"color": "#E69F00", "dash": "dash", "symbol": "diamond", "pattern": "/"},
    "dialogue_partner": {"color": "#009E73", "dash": "dot", "symbol": "triangle-up", "pattern": "x"},
    "partner": {"color": PALETTE["ochre"], "dash": "dashdot", "symbol": "triangle-down", "pattern": "\\"},
    "suspended": {"color": "#999999", "dash": "longdashdot", "symbol": "x", "pattern": "-"},
    "frozen": {"color": "#CC79A7", "dash": "dashdot", "symbol": "square-x", "pattern": "|"},
}

#: Colour and marker symbol for each kind of event (``events.csv``), with its legend label.
EVENT_STYLE = {
    "summit": {"color": PALETTE["blue"], "symbol": "star", "label": "summit"},
    "exercise": {"color": PALETTE["vermillion"], "symbol": "diamond", "label": "military exercise"},
    "deployment": {"color": PALETTE["purple"], "symbol": "triangle-up", "label": "deployment"},
    "decision": {"color": PALETTE["sky"], "symbol": "square-open", "label": "decision"},
    "political": {"color": PALETTE["black"], "symbol": "x", "label": "political event"},
    "attack": {"color": PALETTE["orange"], "symbol": "hexagram", "label": "armed attack"},
    "base": {"color": PALETTE["green"], "symbol": "square", "label": "Russian base attested"},
}

#: Fill (colour and hatching) of a state by its CSTO and SCO statuses, keyed ``"<csto>|<sco>"``
#: with ``none`` for no status (see :func:`dushanbe.memberships.bloc_profile`).
PROFILE_STYLE = {
    "member|member": {"color": PALETTE["blue"], "pattern": ""},
    "suspended|member": {"color": PALETTE["sky"], "pattern": "|"},
    "none|member": {"color": PALETTE["sky"], "pattern": "/"},
    "none|observer": {"color": PALETTE["orange"], "pattern": "."},
    "member|observer": {"color": PALETTE["blue"], "pattern": "."},
    "member|dialogue_partner": {"color": PALETTE["blue"], "pattern": "-"},
    "none|dialogue_partner": {"color": PALETTE["green"], "pattern": "-"},
    "none|partner": {"color": PALETTE["yellow"], "pattern": "\\"},
    "none|none": {"color": PALETTE["light"], "pattern": "x"},
}


def profile_style(code: str) -> dict:
    """Return the fill of a profile code; an unlisted one is styled by its SCO status.

    >>> profile_style("frozen|member") == PROFILE_STYLE["none|member"]
    True
    """
    if code in PROFILE_STYLE:
        return PROFILE_STYLE[code]
    return PROFILE_STYLE.get("none|" + code.split("|")[-1], {"color": "#dddddd", "pattern": ""})


#: Colour and dash of a border by its class (see :data:`dushanbe.blocs.BORDER_CLASSES`).
BORDER_STYLE = {
    "csto_member": {"color": PALETTE["vermillion"], "dash": "solid"},
    "sco_member": {"color": PALETTE["black"], "dash": "dash"},
    "sco_observer": {"color": PALETTE["black"], "dash": "dot"},
    "neither": {"color": "#666666", "dash": "dashdot"},
}

#: Colour and hatching for the sources or ways of deciding compared in a bar chart, in order.
SOURCE_STYLES = [(PALETTE["blue"], ""), (PALETTE["vermillion"], "/"), (PALETTE["green"], "x"),
                 (PALETTE["purple"], ".")]
