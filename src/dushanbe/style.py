"""Chart style in one place: the palette, the plotly template, and how each code is drawn.

Everything a chart's look depends on is keyed by the data's codes (a status, a kind of event, a
state's CSTO/SCO profile, a class of border), never by English labels, and the ``dushanbe``
plotly template is registered on import, so every builder draws alike.

Colours follow the Okabe–Ito palette (readable with the common colour-vision deficiencies), and
each colour means one thing: the status colours mean statuses and nothing else; every other
chart is drawn in greys with one accent (:data:`ACCENT`) for what its title is about. Nothing is
told by colour alone: each status also has its own dash, marker symbol and hatching.

>>> import plotly.io as pio
>>> "dushanbe" in pio.templates
True
"""
from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

__all__ = ["PALETTE", "TEMPLATE", "ACCENT", "GREYS", "STATUS_STYLE", "PARTICIPATION_STYLE", "EVENT_STYLE",
           "PROFILE_STYLE", "BORDER_STYLE", "SOURCE_STYLES", "profile_style"]

#: The Okabe–Ito palette, by name.
PALETTE = {"blue": "#0072B2", "sky": "#56B4E9", "orange": "#E69F00", "green": "#009E73",
           "yellow": "#F0E442", "vermillion": "#D55E00", "purple": "#CC79A7", "grey": "#999999",
           "black": "#000000", "light": "#F0F0F0", "ink": "#222222",
           # not Okabe–Ito: a dark ochre for lines and markers, where the palette's yellow
           # is too pale to see on white
           "ochre": "#A6761D"}

#: The one colour a chart that does not show statuses uses to point at what its title is about.
ACCENT = PALETTE["vermillion"]

#: The greys of everything else: ink, a mid grey for secondary marks, a light grey for fills.
GREYS = {"ink": "#333333", "mid": "#767676", "light": "#BDBDBD", "faint": "#EEEEEE"}

#: The name of the plotly template every builder uses.
TEMPLATE = "dushanbe"

pio.templates[TEMPLATE] = go.layout.Template(pio.templates["simple_white"]).update(layout=dict(
    font=dict(family="Helvetica, Arial, sans-serif", size=13, color=PALETTE["ink"]),
    margin=dict(l=20, r=20, t=30, b=20), hoverlabel=dict(font_size=13),
    colorway=[PALETTE[c] for c in ("blue", "vermillion", "green", "purple", "orange", "sky")]))

#: Colour, line dash, marker symbol and hatching for each legal status (``memberships.csv``).
STATUS_STYLE = {
    "member": {"color": PALETTE["blue"], "dash": "solid", "symbol": "circle", "pattern": ""},
    "associate": {"color": PALETTE["sky"], "dash": "longdash", "symbol": "circle-open", "pattern": "."},
    "participant": {"color": PALETTE["sky"], "dash": "dash", "symbol": "circle-dot", "pattern": "+"},
    "observer": {"color": PALETTE["orange"], "dash": "dash", "symbol": "diamond", "pattern": "/"},
    "dialogue_partner": {"color": PALETTE["green"], "dash": "dot", "symbol": "triangle-up", "pattern": "x"},
    "partner": {"color": PALETTE["ochre"], "dash": "dashdot", "symbol": "triangle-down", "pattern": "\\"},
    "suspended": {"color": PALETTE["purple"], "dash": "longdashdot", "symbol": "x", "pattern": "-"},
}

#: How a state's non-participation is drawn over its legal status (``participation.csv``): a
#: black hatching or outline, never a fill of its own, since the status beneath still holds.
PARTICIPATION_STYLE = {
    "frozen": {"pattern": "|", "symbol": "square-open", "label": "participation frozen"},
    "recalled": {"pattern": "|", "symbol": "square-open", "label": "representatives recalled"},
}

#: Marker symbol for each kind of event (``events.csv``), with its legend label; events are drawn
#: in grey, the ones a chart's title is about in :data:`ACCENT`.
EVENT_STYLE = {
    "summit": {"symbol": "star", "label": "summit"},
    "exercise": {"symbol": "diamond", "label": "military exercise"},
    "deployment": {"symbol": "triangle-up", "label": "deployment"},
    "decision": {"symbol": "square", "label": "decision"},
    "political": {"symbol": "circle", "label": "statement or political act"},
    "attack": {"symbol": "x", "label": "armed attack"},
    "base": {"symbol": "square-open", "label": "Russian base or post"},
}

#: Fill (colour and hatching) of a state by its CSTO and SCO statuses, keyed ``"<csto>|<sco>"``
#: with ``none`` for no status (see :func:`dushanbe.memberships.bloc_profile`).
PROFILE_STYLE = {
    "member|member": {"color": PALETTE["blue"], "pattern": ""},
    "suspended|member": {"color": PALETTE["purple"], "pattern": "|"},
    "none|member": {"color": PALETTE["sky"], "pattern": "/"},
    "none|observer": {"color": PALETTE["orange"], "pattern": "."},
    "member|observer": {"color": PALETTE["blue"], "pattern": "."},
    "member|dialogue_partner": {"color": PALETTE["blue"], "pattern": "-"},
    "none|dialogue_partner": {"color": PALETTE["green"], "pattern": "-"},
    "none|partner": {"color": PALETTE["ochre"], "pattern": "\\"},
    "none|none": {"color": PALETTE["light"], "pattern": "x"},
}


def profile_style(code: str) -> dict:
    """Return the fill of a profile code; an unlisted one is styled by its SCO status.

    >>> profile_style("associate|member") == PROFILE_STYLE["none|member"]
    True
    """
    if code in PROFILE_STYLE:
        return PROFILE_STYLE[code]
    return PROFILE_STYLE.get("none|" + code.split("|")[-1], {"color": "#dddddd", "pattern": ""})


#: Colour and dash of a border by its class (see :data:`dushanbe.blocs.BORDER_CLASSES`): the
#: border with a CSTO member in the member colour, the others in greys.
BORDER_STYLE = {
    "csto_member": {"color": PALETTE["blue"], "dash": "solid"},
    "sco_member": {"color": GREYS["ink"], "dash": "dash"},
    "sco_observer": {"color": GREYS["ink"], "dash": "dot"},
    "neither": {"color": GREYS["mid"], "dash": "dashdot"},
}

#: Colour and hatching for the things compared in a chart that shows no statuses (sources,
#: ways of deciding, map scales), in order: the accent first, then greys.
SOURCE_STYLES = [(ACCENT, ""), (GREYS["mid"], "/"), (GREYS["light"], "x"), (GREYS["ink"], ".")]
