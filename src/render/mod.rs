//! Render: the relation graph as DOT, SVG and PNG (laid out in-process by graphviz-pure, so no
//! system Graphviz is needed).
//!
//! Input: [`RelationGraph`] and [`DotOptions`]. Output: text or bytes. Entry points:
//! [`to_dot`], [`render`].

use crate::graph::RelationGraph;
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum RenderError {
    #[error("graph layout failed: {0}")]
    Layout(String),
    #[error("unknown layout engine {0:?} (use dot, neato, fdp, sfdp, circo, twopi)")]
    Engine(String),
}

/// How to draw the graph.
#[derive(Debug, Clone)]
pub struct DotOptions {
    pub title: Option<String>,
    /// Left-to-right layout (better for wide graphs).
    pub rankdir_lr: bool,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            title: None,
            rankdir_lr: true,
        }
    }
}

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

fn attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), Id::Escaped(dot_quote(value)))
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

/// The graph as DOT source (deterministic: same graph, same bytes).
pub fn to_dot(graph: &RelationGraph, options: &DotOptions) -> String {
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", if options.rankdir_lr { "LR" } else { "TB" }),
            attr("fontname", "Helvetica"),
            attr("labelloc", "t"),
            attr("label", options.title.as_deref().unwrap_or("")),
            attr("overlap", "false"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "11"),
            attr("style", "filled"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "9"),
        ])),
    ];
    for index in graph.graph.node_indices() {
        let node = &graph.graph[index];
        let (fill, shape) = node_style(&node.kind);
        let label = if node.code.is_empty() {
            dot_label(&[&node.name])
        } else {
            dot_label(&[&node.name, &node.code])
        };
        stmts.push(Stmt::Node(Node {
            id: NodeId(Id::Escaped(dot_quote(&format!("n{}", index.index()))), None),
            attributes: vec![
                Attribute(Id::Plain("label".into()), Id::Escaped(label)),
                attr("shape", shape),
                attr("fillcolor", fill),
                attr("tooltip", &format!("{} ({})", node.name, node.kind)),
            ],
        }));
    }
    for e in graph.graph.edge_indices() {
        let (s, t) = graph.graph.edge_endpoints(e).unwrap_or_default();
        let data = &graph.graph[e];
        let width = 1.0 + (data.count as f64).ln_1p() * 1.5;
        let tooltip = format!(
            "{} events in {} articles{}: {}",
            data.count,
            data.documents,
            data.last_date
                .as_deref()
                .map(|d| format!(", last {d}"))
                .unwrap_or_default(),
            data.evidence
        );
        stmts.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(
                    Id::Escaped(dot_quote(&format!("n{}", s.index()))),
                    None,
                )),
                Vertex::N(NodeId(
                    Id::Escaped(dot_quote(&format!("n{}", t.index()))),
                    None,
                )),
            ),
            attributes: vec![
                attr("label", &format!("{} ×{}", data.plover, data.count)),
                attr("color", quad_colour(data.quad_class)),
                attr("fontcolor", quad_colour(data.quad_class)),
                attr("penwidth", &format!("{width:.1}")),
                attr("tooltip", &tooltip),
            ],
        }));
    }
    let dot = Graph::DiGraph {
        id: Id::Plain("geokg".to_string()),
        strict: false,
        stmts,
    };
    let mut ctx = PrinterContext::default();
    let mut text = dot.print(&mut ctx);
    text.push('\n');
    text
}

/// Lays DOT out with `engine` and renders it as `svg` (text) or `png` (bytes), in-process.
pub fn render(dot: &str, engine: &str, format: &str) -> Result<Vec<u8>, RenderError> {
    if !matches!(
        engine,
        "dot" | "neato" | "fdp" | "sfdp" | "circo" | "twopi" | "osage" | "patchwork"
    ) {
        return Err(RenderError::Engine(engine.to_string()));
    }
    let svg = graphviz_pure::render_dot(dot, engine, "svg")
        .map_err(|e| RenderError::Layout(e.to_string()))?
        .into_output();
    match format {
        "png" => {
            graphviz_pure_raster::rasterize(&svg, graphviz_pure_raster::RasterFormat::Png, false)
                .map(|r| r.into_output())
                .map_err(|e| RenderError::Layout(e.to_string()))
        }
        _ => Ok(svg.into_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{ActorRow, EdgeRow};

    fn graph_with_names(a: &str, b: &str) -> RelationGraph {
        let actor = |id, name: &str| ActorRow {
            id,
            name: name.into(),
            code: "USA".into(),
            kind: "country".into(),
            country: None,
        };
        RelationGraph::from_edges(&[EdgeRow {
            source: actor(1, a),
            target: actor(2, b),
            plover: "ASSAULT".into(),
            quad_class: 4,
            count: 2,
            documents: 1,
            first_date: Some("2025-01-01".into()),
            last_date: Some("2025-01-02".into()),
            mean_goldstein: -10.0,
            evidence: "They \"attacked\" <it>.".into(),
        }])
    }

    #[test]
    fn dot_quote_escapes_quotes_and_backslashes() {
        assert_eq!(dot_quote(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(dot_quote("x\ny"), "\"x y\"");
    }

    #[test]
    fn hostile_names_survive_dot_and_svg() {
        let g = graph_with_names(
            r#"The "Free" <Army> & {Front}"#,
            r"Back\Slash -> digraph { }",
        );
        let dot = to_dot(&g, &DotOptions::default());
        let svg = String::from_utf8(render(&dot, "dot", "svg").unwrap()).unwrap();
        assert!(svg.contains("&lt;Army&gt;"), "{svg}");
        assert!(svg.contains("&amp;"));
        assert!(svg.contains("Back\\Slash"));
        assert_eq!(svg.matches("<g id=\"node").count(), 2);
    }

    #[test]
    fn render_rejects_unknown_engine() {
        assert!(matches!(
            render("digraph{}", "bogus", "svg"),
            Err(RenderError::Engine(_))
        ));
    }
}
