"""Which borders matter: Afghanistan's neighbours by bloc on the summit day, and the lengths of
their borders by source and by measure.

>>> from dushanbe.data import load_tables
>>> f = facts(load_tables())
>>> f["n_neighbours"], f["csto_neighbours"], f["ministry_tjk"]
('six', 'only Tajikistan', '1,344.15 km')
"""
from __future__ import annotations

from ..blocs import bloc_map_layers
from ..borders import compare_lengths, gaps_from, lengths_by_source, measured_three_ways, neighbours
from ..charts import ChartRecord, publish
from ..dates import key_dates
from ..figures import border_map, dumbbell_figure, gap_figure
from ..geometry import load_topology
from ..memberships import members_on
from ..names import adjective, country_name
from ..narrative import border_map_description, lengths_description, lengths_title, only_members_title
from ..words import capital, join_names, km, length_figure, long_date, number_word

__all__ = ["facts", "charts", "MAP", "LENGTHS", "RATIO", "SOURCES", "only_phrase", "border_claims_sentence", "measured_sentence"]

MAP, LENGTHS, RATIO = "fig-afghanistan-borders-blocs-2021-09-16", "fig-afghan-border-lengths", "fig-border-length-ratio"

#: The sources compared for Afghanistan's borders: a column label and a source-id prefix of
#: ``borders.csv``, the Factbook first (the reference the gaps are measured from).
SOURCES = {"the CIA World Factbook": "cia_wfb", "the Tajik foreign ministry": "midtj", "the article": "trt_2021"}

#: The map's window (longitude west, east; latitude south, north) and the states it names.
BOUNDS = (50.0, 89.0, 24.0, 46.0)
SHOWN = ["AFG", "TJK", "UZB", "KGZ", "TKM", "KAZ", "IRN", "PAK", "CHN", "IND"]


def only_phrase(members: list[str], total: int) -> str:
    """Name the neighbours that were members, the way a sentence needs them.

    >>> only_phrase(["Tajikistan"], 6), only_phrase([], 6), only_phrase(["A", "B"], 6), only_phrase(["A", "B"], 2)
    ('only Tajikistan', 'none of them', 'A and B', 'both of them')
    """
    if not members:
        return "none of them"
    if len(members) == total:
        return "both of them" if total == 2 else f"all {number_word(total)} of them"
    return ("only " if len(members) == 1 else "") + join_names(members)


def border_claims_sentence(only: str, length: str) -> str:
    """How the article's two facts about the border fared (their verdicts).

    >>> border_claims_sentence("supported", "supported")
    "The article's two facts about the border hold."
    >>> border_claims_sentence("supported", "partly supported")
    "The article's first fact about the border holds; its length is only partly supported."
    >>> border_claims_sentence("contradicted", "supported")
    "The article's length for the border holds, but the border is not the only one the bloc shares with Afghanistan."
    """
    if only == length == "supported":
        return "The article's two facts about the border hold."
    if only == "supported":
        return f"The article's first fact about the border holds; its length is only {length}." if length == "partly supported" \
            else f"The article's first fact about the border holds; its length is {length}."
    return ("The article's length for the border holds, but the border is not the only one the bloc shares with Afghanistan."
            if length == "supported" else "Neither of the article's facts about the border holds in full.")


def measured_sentence(three) -> str:
    """What the world-map measures show, for ``three`` (:func:`~dushanbe.borders.measured_three_ways`).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"ne_10m_ratio": [0.8, 0.9], "ne_10m_km": [8, 9], "ne_50m_km": [7, 8]})
    >>> measured_sentence(t)
    "Measured along Natural Earth's boundary lines on the WGS84 ellipsoid, both borders come out shorter than the Factbook's, between 80% and 90% of it at 1:10m (median 85%), and every one is shorter still at 1:50m."
    >>> measured_sentence(t.assign(ne_10m_ratio=[0.9, 1.1], ne_50m_km=[7, 10]))
    "Measured along Natural Earth's boundary lines on the WGS84 ellipsoid, the two borders come out between 90% and 110% of the Factbook's length at 1:10m (median 100%), and one of them is shorter still at 1:50m."
    """
    n, ratios = len(three), three["ne_10m_ratio"]
    spread = f"between {ratios.min():.0%} and {ratios.max():.0%}"
    if (ratios < 1).all():
        every = "both borders" if n == 2 else f"all {number_word(n)} borders"
        head = f"{every} come out shorter than the Factbook's, {spread} of it at 1:10m (median {ratios.median():.0%})"
    else:
        head = f"the {number_word(n)} borders come out {spread} of the Factbook's length at 1:10m (median {ratios.median():.0%})"
    shorter = int((three["ne_50m_km"] < three["ne_10m_km"]).sum())
    tail = ("and every one is shorter still at 1:50m" if shorter == n else
            "and none is shorter at 1:50m" if shorter == 0 else
            f"and {number_word(shorter)} of them {'is' if shorter == 1 else 'are'} shorter still at 1:50m")
    return f"Measured along Natural Earth's boundary lines on the WGS84 ellipsoid, {head}, {tail}."


def _tables(tables):
    summit = key_dates(tables)["summit"]
    borders, memberships = tables["borders"], tables["memberships"]
    afghan = sorted(neighbours(borders, "AFG"))
    csto = sorted(set(afghan) & set(members_on(memberships, "CSTO", summit)))
    compared = compare_lengths(borders, "AFG", SOURCES)
    return summit, afghan, csto, compared


def facts(tables: dict) -> dict[str, str]:
    """Every value the borders page states."""
    summit, afghan, csto, compared = _tables(tables)
    article = compared.dropna(subset=["the article"])
    tj = compared.set_index("neighbour").loc["TJK"]
    three = measured_three_ways(tables["borders"], {"ne_10m": load_topology("ne_10m_region"),
                                                    "ne_50m": load_topology("ne_50m_region")})
    row = three.set_index(["iso3_a", "iso3_b"]).loc[("AFG", "TJK")]
    from ..claims import CHECKS
    from ..memberships import status_history

    only, only_why = CHECKS["only_csto_border"](tables)
    length, length_why = CHECKS["tajik_border_length"](tables)
    uzb = status_history(tables["memberships"], "UZB").query("org_id == 'CSTO' and status == 'suspended'")
    return {
        "only_evidence": only_why, "tajik_length": length_why,
        "uzbek_length": CHECKS["uzbek_border_length"](tables)[1],
        "border_claims": border_claims_sentence(only, length),
        "uzb_suspended": long_date(uzb["start"].min()) if len(uzb) else "",
        "summit_day": long_date(summit),
        "n_neighbours": number_word(len(afghan)),
        "csto_neighbours": only_phrase([country_name(c) for c in csto], len(afghan)),
        "n_article_borders": number_word(len(article)),
        "article_borders": join_names(f"{km(v)} for the {adjective(n)}–Afghan border"
                                      for n, v in zip(article["neighbour"], article["the article"])),
        "factbook_tjk": length_figure(tj["the CIA World Factbook"]),
        "ministry_tjk": length_figure(tj["the Tajik foreign ministry"]),
        "article_tjk": km(tj["the article"]),
        "gap_tjk": km(abs(tj["the CIA World Factbook"] - tj["the article"])),
        "measured": measured_sentence(three),
        "tjk_10m": km(row["ne_10m_km"]),
    }


def charts(tables: dict) -> dict:
    """The bloc map, the gaps between the sources' lengths, and the lengths measured on world maps."""
    summit, afghan, csto, compared = _tables(tables)
    memberships, borders, sources = tables["memberships"], tables["borders"], tables["sources"]
    topo = load_topology("ne_50m_region")
    countries, lines, map_data = bloc_map_layers(topo, memberships, borders, "AFG", summit, SHOWN, BOUNDS)
    bloc_map = ChartRecord(
        id=MAP, title=only_members_title("AFG", afghan, csto, "CSTO", summit),
        subtitle=f"Afghanistan's neighbours by their CSTO and SCO status on {long_date(summit)}, and each border by the neighbour's bloc",
        caption=("Countries are shaded by their CSTO and SCO status (muted colour and hatching); Afghanistan's borders are "
                 "drawn by the bloc of the neighbour, the one with a CSTO member widest, and labelled with the CIA World "
                 "Factbook's length. Boundaries: Natural Earth 1:50m, version 4.1.0."),
        description=border_map_description(lines, countries, "AFG", summit),
        source_ids=("natural_earth_4_1_0", "cia_wfb_afg_tjk"), data=map_data)
    tidy = lengths_by_source(borders, "AFG", SOURCES)
    gaps = gaps_from(tidy, "the CIA World Factbook")
    lengths = ChartRecord(
        id=LENGTHS, title=lengths_title(compared, "the article", "the CIA World Factbook", "the Factbook",
                                        {"the Tajik foreign ministry": "the Tajik government"}),
        subtitle="How far the article's and the Tajik foreign ministry's figures for Afghan borders lie from the CIA World Factbook's, in km",
        caption=("Each bar runs from the Factbook's figure (the line at zero) to another source's figure for the same border; "
                 f"its label gives the gap and the figure. Only borders a second source gives a figure for are drawn; the "
                 f"table under the chart lists all {number_word(len(compared))} of Afghanistan's borders with every figure."),
        description=(f"Diverging bars for the {number_word(len(gaps))} figures other sources give for Afghanistan's borders, "
                     "as gaps from the Factbook's. " + lengths_description(compared, {
                         "the CIA World Factbook": "The Factbook", "the Tajik foreign ministry": "The Tajik foreign ministry",
                         "the article": "The article"})),
        source_ids=("cia_wfb_afg_tjk", "trt_2021_csto_dushanbe"), data=gaps)
    three = measured_three_ways(borders, {"ne_10m": load_topology("ne_10m_region"), "ne_50m": topo})
    low, high = three["ne_10m_ratio"].min(), three["ne_10m_ratio"].max()
    ranked = three.sort_values("ne_10m_ratio")
    ratio = ChartRecord(
        id=RATIO,
        title=(f"Measured on a world map, every border is shorter than the Factbook's: {low:.0%}–{high:.0%} of it"
               if (three["ne_10m_ratio"] < 1).all() else
               f"Borders measured on a 1:10m world map run from {low:.0%} to {high:.0%} of the Factbook's lengths"),
        subtitle="Length computed from Natural Earth boundaries at 1:50m and 1:10m on the WGS84 ellipsoid, as a share of the CIA World Factbook's",
        caption=("For each land border the Factbook lists for Afghanistan and the Central Asian states: the length computed on "
                 "the WGS84 ellipsoid from Natural Earth's boundaries, as a share of the Factbook's figure, a filled circle for "
                 "the 1:50m map and an open diamond for the finer 1:10m map. The dashed line marks equality; the axis starts "
                 "near the lowest value, not at zero."),
        description=(f"{measured_sentence(three)} At 1:50m they run from {three['ne_50m_ratio'].min():.0%} to "
                     f"{three['ne_50m_ratio'].max():.0%} of it. Lowest at 1:10m: {ranked['border'].iloc[0]}; "
                     f"highest: {ranked['border'].iloc[-1]}."),
        source_ids=("natural_earth_4_1_0", "cia_wfb_afg_tjk", "cia_wfb_kgz_uzb", "cia_wfb_uzb_kaz", "cia_wfb_tkm_irn"),
        data=three)
    return {
        MAP: publish(border_map(topo, countries, lines, bounds=BOUNDS, focus="AFG"), bloc_map, sources),
        LENGTHS: publish(gap_figure(gaps, "the Factbook", accent="the article"), lengths, sources),
        RATIO: publish(dumbbell_figure(three, "border", "ne_50m_ratio", "ne_10m_ratio", "1:50m map", "1:10m map",
                                       axis_title="share of the Factbook's length", reference=1.0,
                                       reference_label="same as the Factbook"), ratio, sources),
    }


def lengths_table(tables: dict):
    """Afghanistan's land borders, every source's figure side by side."""
    from ..markup import table

    _, _, _, compared = _tables(tables)
    shown = compared.drop(columns="neighbour").rename(
        columns={"border": "Border", **{c: capital(c.removeprefix("the ")) for c in SOURCES}})
    return table(shown, caption="Afghanistan's land borders in km, by source (a dash: the source gives no figure)",
                 empty="–")


def measured_table(tables: dict):
    """The borders measured three ways, in km."""
    from ..markup import table

    three = measured_three_ways(tables["borders"], {"ne_10m": load_topology("ne_10m_region"),
                                                    "ne_50m": load_topology("ne_50m_region")})
    shown = three[["border", "article_km", "factbook_km", "ne_10m_km", "ne_50m_km"]].round(
        {"ne_10m_km": 0, "ne_50m_km": 0}).rename(columns={
        "border": "Border", "article_km": "Article", "factbook_km": "Factbook", "ne_10m_km": "1:10m map",
        "ne_50m_km": "1:50m map"})
    return table(shown, caption="Land borders measured three ways, in km (map lengths to the whole km; a dash: the "
                                "article gives no figure)",
                 empty="–")
