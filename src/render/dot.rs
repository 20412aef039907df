//! DOT for Graphviz: nodes shaped and coloured by actor kind and sized by centrality, edges
//! coloured by quad class, as wide as their event count, labelled with type and count, with
//! the evidence sentence as tooltip; a legend and a title. Every string is escaped.

use super::ReportOptions;
use crate::graph::{max_date, min_date, RelationGraph};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::BTreeMap;

/// Quotes a string for DOT: every character that could end the string or start an escape
/// is escaped, so no name can break the file.
pub fn dot_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A quoted label of several lines (joined with DOT's `\n` escape).
pub fn dot_label(lines: &[&str]) -> String {
    let quoted: Vec<String> = lines
        .iter()
        .map(|l| {
            let q = dot_quote(l);
            q[1..q.len() - 1].to_string()
        })
        .collect();
    format!("\"{}\"", quoted.join("\\n"))
}

fn attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), Id::Escaped(dot_quote(value)))
}

fn raw_attr(key: &str, quoted: String) -> Attribute {
    Attribute(Id::Plain(key.to_string()), Id::Escaped(quoted))
}

fn node_id(name: &str) -> NodeId {
    NodeId(Id::Escaped(dot_quote(name)), None)
}

/// Fill colour and shape by actor kind.
pub fn node_style(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "country" => ("#dbe9f6", "box"),
        "government" => ("#9ecae1", "box"),
        "military" => ("#a1d99b", "hexagon"),
        "armed_group" => ("#fc9272", "octagon"),
        "opposition" => ("#fdd0a2", "ellipse"),
        "igo" => ("#dadaeb", "doubleoctagon"),
        "ngo" => ("#e5f5e0", "ellipse"),
        "media" => ("#fff7bc", "note"),
        "person" => ("#f0f0f0", "ellipse"),
        _ => ("#ffffff", "ellipse"),
    }
}

/// Edge colour by GDELT quad class: cooperation green/blue, conflict orange/red.
pub fn quad_colour(quad_class: u8) -> &'static str {
    match quad_class {
        1 => "#2b8cbe",
        2 => "#31a354",
        3 => "#e6550d",
        4 => "#de2d26",
        _ => "#636363",
    }
}

pub fn quad_name(quad_class: u8) -> &'static str {
    match quad_class {
        1 => "verbal cooperation",
        2 => "material cooperation",
        3 => "verbal conflict",
        4 => "material conflict",
        _ => "other",
    }
}

/// An edge as drawn: one or several event types between a pair of nodes.
struct DrawnEdge {
    from: usize,
    to: usize,
    /// (type, count, quad class), most events first.
    types: Vec<(String, u64, u8)>,
    documents: u64,
    first: Option<String>,
    last: Option<String>,
    evidence: Vec<String>,
}

/// "1 event", "3 events".
fn counted(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// An actor kind as a reader would write it.
fn kind_label(kind: &str) -> String {
    match kind {
        "igo" => "IGO".to_string(),
        "ngo" => "NGO".to_string(),
        other => other.replace('_', " "),
    }
}

/// The graph as DOT source (deterministic: same graph, same bytes).
pub fn to_dot(graph: &RelationGraph, options: &ReportOptions) -> String {
    let g = &graph.graph;
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", if options.left_to_right { "LR" } else { "TB" }),
            attr("fontname", "Helvetica"),
            attr("fontsize", "16"),
            attr("labelloc", "t"),
            raw_attr("label", dot_label(&[&options.title, &options.subtitle])),
            attr("overlap", "false"),
            attr("splines", "true"),
            attr("outputorder", "edgesfirst"),
            attr("pad", "0.3"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", "Helvetica"),
            attr("style", "filled"),
            attr("color", "#4d4d4d"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "9"),
            attr("arrowsize", "0.7"),
        ])),
    ];
    let max_rank = g
        .node_weights()
        .map(|n| n.pagerank)
        .fold(0.0f64, f64::max)
        .max(1e-12);
    for index in g.node_indices() {
        let node = &g[index];
        let (fill, shape) = node_style(&node.kind);
        let share = (node.pagerank / max_rank).sqrt();
        let label = if node.code.is_empty() || node.code == node.name {
            dot_label(&[&node.name])
        } else {
            dot_label(&[&node.name, &node.code])
        };
        let tooltip = format!(
            "{} ({}) — {}; {}; PageRank {:.3}; community {}",
            node.name,
            if node.code.is_empty() {
                "uncoded"
            } else {
                &node.code
            },
            kind_label(&node.kind),
            counted(node.degree, "event"),
            node.pagerank,
            node.community + 1
        );
        let mut attributes = vec![
            raw_attr("label", label),
            attr("shape", shape),
            attr("fillcolor", fill),
            attr("fontsize", &format!("{:.0}", 10.0 + 8.0 * share)),
            attr(
                "margin",
                &format!("{:.2},{:.2}", 0.08 + 0.12 * share, 0.04 + 0.06 * share),
            ),
            attr("tooltip", &tooltip),
        ];
        if node.seed {
            attributes.push(attr("penwidth", "2.5"));
        }
        stmts.push(Stmt::Node(Node {
            id: node_id(&format!("n{}", index.index())),
            attributes,
        }));
    }
    for edge in drawn_edges(graph, options) {
        let total: u64 = edge.types.iter().map(|(_, c, _)| c).sum();
        let quad = edge.types[0].2;
        let label = edge
            .types
            .iter()
            .map(|(t, c, _)| format!("{t} ×{c}"))
            .collect::<Vec<_>>()
            .join("\n");
        let dates = match (&edge.first, &edge.last) {
            (Some(a), Some(b)) if a != b => format!(", {a} to {b}"),
            (Some(a), _) => format!(", {a}"),
            _ => String::new(),
        };
        let mut tooltip = format!(
            "{} — {} in {}{}.",
            edge.types
                .iter()
                .map(|(t, c, _)| format!("{t} ×{c}"))
                .collect::<Vec<_>>()
                .join(", "),
            counted(total, "event"),
            counted(edge.documents, "article"),
            dates,
        );
        if !edge.evidence.is_empty() {
            tooltip.push(' ');
            tooltip.push_str(&edge.evidence.join(" | "));
        }
        stmts.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(
                Vertex::N(node_id(&format!("n{}", edge.from))),
                Vertex::N(node_id(&format!("n{}", edge.to))),
            ),
            attributes: vec![
                raw_attr("label", dot_label(&label.lines().collect::<Vec<_>>())),
                attr("color", quad_colour(quad)),
                attr("fontcolor", quad_colour(quad)),
                attr(
                    "penwidth",
                    &format!("{:.1}", 1.0 + (total as f64).ln_1p() * 1.5),
                ),
                attr("tooltip", &tooltip),
                attr("labeltooltip", &tooltip),
            ],
        }));
    }
    if options.legend && g.node_count() > 0 {
        stmts.push(legend(graph, options));
    }
    let dot = if options.directed {
        Graph::DiGraph {
            id: Id::Plain("geokg".to_string()),
            strict: false,
            stmts,
        }
    } else {
        Graph::Graph {
            id: Id::Plain("geokg".to_string()),
            strict: false,
            stmts,
        }
    };
    let mut ctx = PrinterContext::default();
    let mut text = dot.print(&mut ctx);
    text.push('\n');
    text
}

/// Edges as drawn: merged per node pair (and direction, when directed) when asked, so a report
/// graph shows one line per relationship with its types listed.
fn drawn_edges(graph: &RelationGraph, options: &ReportOptions) -> Vec<DrawnEdge> {
    let g = &graph.graph;
    let mut drawn: BTreeMap<(usize, usize, String), DrawnEdge> = BTreeMap::new();
    for e in g.edge_indices() {
        let Some((s, t)) = g.edge_endpoints(e) else {
            continue;
        };
        let data = &g[e];
        let (mut a, mut b) = (s.index(), t.index());
        if !options.directed && a > b {
            std::mem::swap(&mut a, &mut b);
        }
        let key_type = if options.merge_types {
            String::new()
        } else {
            data.plover.clone()
        };
        let edge = drawn.entry((a, b, key_type)).or_insert_with(|| DrawnEdge {
            from: a,
            to: b,
            types: Vec::new(),
            documents: 0,
            first: None,
            last: None,
            evidence: Vec::new(),
        });
        match edge.types.iter_mut().find(|(t, _, _)| *t == data.plover) {
            Some(existing) => existing.1 += data.count,
            None => edge
                .types
                .push((data.plover.clone(), data.count, data.quad_class)),
        }
        edge.documents += data.documents;
        edge.first = min_date(edge.first.take(), data.first_date.clone());
        edge.last = max_date(edge.last.take(), data.last_date.clone());
        if !data.evidence.is_empty() && edge.evidence.len() < 3 {
            edge.evidence.push(data.evidence.clone());
        }
    }
    let mut edges: Vec<DrawnEdge> = drawn.into_values().collect();
    for edge in &mut edges {
        edge.types.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    }
    edges
}

/// A legend cluster: the actor kinds and quad classes present in the graph.
fn legend(graph: &RelationGraph, options: &ReportOptions) -> Stmt {
    let g = &graph.graph;
    let mut kinds: Vec<&str> = g.node_weights().map(|n| n.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut quads: Vec<u8> = g.edge_weights().map(|e| e.quad_class).collect();
    quads.sort_unstable();
    quads.dedup();
    // One plain node holding an HTML-like table: compact wherever the layout puts it.
    let mut rows = String::from(
        "<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"10\"><B>Legend</B></FONT></TD></TR>",
    );
    let line = if options.directed {
        "——→"
    } else {
        "———"
    };
    for quad in quads.iter().rev() {
        let colour = quad_colour(*quad);
        rows.push_str(&format!(
            "<TR><TD><FONT POINT-SIZE=\"14\" COLOR=\"{colour}\">{line}</FONT></TD>\
             <TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"{colour}\">{}</FONT></TD></TR>",
            quad_name(*quad)
        ));
    }
    for kind in &kinds {
        let (fill, _) = node_style(kind);
        rows.push_str(&format!(
            "<TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"24\" HEIGHT=\"12\" BGCOLOR=\"{fill}\" \
             BORDER=\"1\" COLOR=\"#4d4d4d\"></TD>\
             <TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">{}</FONT></TD></TR>",
            html_escape(&kind_label(kind))
        ));
    }
    rows.push_str(
        "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"#636363\">\
         node size: PageRank · edge width: events</FONT></TD></TR>",
    );
    Stmt::Node(Node {
        id: node_id("legend"),
        attributes: vec![
            attr("shape", "plaintext"),
            attr("style", ""),
            Attribute(
                Id::Plain("label".to_string()),
                Id::Html(format!(
                    "<<TABLE BORDER=\"1\" COLOR=\"#bdbdbd\" CELLBORDER=\"0\" \
                     CELLSPACING=\"3\" CELLPADDING=\"1\">{rows}</TABLE>>"
                )),
            ),
        ],
    })
}

/// Escapes text for an HTML-like label.
fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_quote_escapes_quotes_and_backslashes() {
        assert_eq!(dot_quote(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(dot_quote("x\ny"), "\"x y\"");
        assert_eq!(dot_label(&["a\"", "b"]), "\"a\\\"\\nb\"");
    }
}
