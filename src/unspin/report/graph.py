"""The actor/accusation graph of a report, with networkx: GraphML (Gephi, yEd, networkx) and
node-link JSON files, and the drawing the HTML report shows.

Nodes are the report's entities (name, type, aliases, labels, mention count); an edge
`accuses` runs from accuser to accused with the allegation and cue, an edge `denies` from
the denier back to the accuser of what it denies. An accusation with no accuser in the text
starts from the node `unknown`.
"""

from __future__ import annotations

import json
import math
from typing import Any

import networkx as nx

from unspin.article import Article
from unspin.report.labels import label_summary

UNKNOWN = "unknown"
_SIZE = 420  # the drawing's width and height, in SVG units
_RADIUS = 120
_SIDE = 4.0  # how far an arrow runs beside the straight line between two actors


def actor_graph(report: dict[str, Any]) -> nx.MultiDiGraph:
    """Every entity as a node; accusations and denials as edges (attributes are strings
    and numbers only, as GraphML requires)."""
    graph = nx.MultiDiGraph(article=report["article"]["id"])
    for entity in report["entities"]:
        graph.add_node(
            entity["id"],
            name=entity["name"],
            type=entity["type"],
            aliases="; ".join(entity["aliases"]),
            labels=label_summary(entity),
            mentions=len(entity["mentions"]),
        )
    for index, accusation in enumerate(report["accusations"]):
        accuser = _node(graph, accusation["accuser"])
        allegation = accusation["allegation"]["text"] if accusation.get("allegation") else ""
        graph.add_edge(
            accuser,
            _node(graph, accusation["accused"]),
            kind="accuses",
            accusation=index,
            cue=accusation["cue"]["text"] if accusation["cue"] else "",
            allegation=allegation,
            evidence=len(accusation["evidence"]),
            confidence=float(accusation["confidence"]),
        )
        for denial in accusation["denials"]:
            graph.add_edge(
                _node(graph, denial["by"]),
                accuser,
                kind="denies",
                accusation=index,
                cue=denial["text"],
                allegation=allegation,
                evidence=0,
                confidence=float(accusation["confidence"]),
            )
    return graph


def _node(graph: nx.MultiDiGraph, entity: str | None) -> str:
    if entity is None:
        if UNKNOWN not in graph:
            graph.add_node(
                UNKNOWN,
                name="(no accuser named)",
                type="unknown",
                aliases="",
                labels="",
                mentions=0,
            )
        return UNKNOWN
    return entity


def render_graphml(article: Article) -> str:
    return "\n".join(nx.generate_graphml(actor_graph(article.to_dict()))) + "\n"


def render_graph_json(article: Article) -> str:
    data = nx.node_link_data(actor_graph(article.to_dict()), edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def drawing(report: dict[str, Any]) -> dict[str, Any] | None:
    """Positions for the HTML report's SVG: the actors in accusations or denials on a circle,
    with arrows between them; None when there is nothing to draw."""
    graph = actor_graph(report)
    involved = sorted({n for edge in graph.edges for n in edge[:2]}, key=_order(graph))
    if not involved:
        return None
    places = _circle(len(involved))
    at = dict(zip(involved, places, strict=True))
    nodes = [
        {"id": n, "x": at[n][0], "y": at[n][1], **_label_place(at[n]), **graph.nodes[n]}
        for n in involved
    ]
    edges = [
        {"kind": d["kind"], "line": _shortened(at[a], at[b]), "title": _title(graph, a, b, d)}
        for a, b, d in graph.edges(data=True)
        if a != b
    ]
    return {"size": _SIZE, "nodes": nodes, "edges": edges}


def _order(graph: nx.MultiDiGraph) -> Any:
    return lambda node: (node == UNKNOWN, -graph.degree(node), str(node))


def _circle(count: int) -> list[tuple[float, float]]:
    centre = _SIZE / 2
    if count == 1:
        return [(centre, centre)]
    return [
        (
            round(centre + _RADIUS * math.cos(2 * math.pi * k / count - math.pi / 2), 1),
            round(centre + _RADIUS * math.sin(2 * math.pi * k / count - math.pi / 2), 1),
        )
        for k in range(count)
    ]


def _label_place(point: tuple[float, float]) -> dict[str, Any]:
    """Where an actor's name goes: outside the circle of actors, away from the middle."""
    centre = _SIZE / 2
    dx, dy = point[0] - centre, point[1] - centre
    length = math.hypot(dx, dy) or 1.0
    x, y = point[0] + 24 * dx / length, point[1] + 24 * dy / length + 4
    anchor = "start" if dx > 10 else "end" if dx < -10 else "middle"
    return {"lx": round(x, 1), "ly": round(y, 1), "anchor": anchor}


def _shortened(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, ...]:
    """The segment from a to b, pulled back at both ends so the arrow stops at the circles."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    pull = min(22.0, length / 3)
    ux, uy = dx / length, dy / length
    side_x, side_y = -uy * _SIDE, ux * _SIDE  # to the right: arrows both ways stay apart
    return (
        round(a[0] + ux * pull + side_x, 1),
        round(a[1] + uy * pull + side_y, 1),
        round(b[0] - ux * pull + side_x, 1),
        round(b[1] - uy * pull + side_y, 1),
    )


def _title(graph: nx.MultiDiGraph, a: str, b: str, data: dict[str, Any]) -> str:
    who, whom = graph.nodes[a]["name"], graph.nodes[b]["name"]
    if data["kind"] == "denies":
        return f"{who} denies ({data['cue']}) what {whom} alleged: {data['allegation']}"
    return f"{who} accuses {whom} ({data['cue']}): {data['allegation']}"
