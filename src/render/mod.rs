//! Render: the relation graph as DOT, SVG and PNG (laid out in-process by graphviz-pure, so no
//! system Graphviz is needed), node-link JSON (D3, Cytoscape, networkx), GraphML (Gephi, yEd)
//! and CSV. Output is deterministic: the same graph and options give the same bytes.
//!
//! Input: [`RelationGraph`] and [`ReportOptions`]. Output: bytes. Entry point: [`render`].

mod dot;

pub use dot::{dot_label, dot_quote, node_style, quad_colour, quad_name, to_dot};

use crate::graph::RelationGraph;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum RenderError {
    #[error("graph layout failed: {0}")]
    Layout(String),
    #[error("unknown layout engine {0:?} (use dot, neato, fdp, sfdp, circo, twopi)")]
    Engine(String),
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Dot,
    Svg,
    Png,
    Json,
    Graphml,
    Csv,
}

impl Format {
    /// The format a file name asks for, by its extension.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "dot" | "gv" => Some(Format::Dot),
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            "json" => Some(Format::Json),
            "graphml" => Some(Format::Graphml),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// Formats drawn for a reader (kept small by default).
    pub fn is_drawing(self) -> bool {
        matches!(self, Format::Dot | Format::Svg | Format::Png)
    }
}

/// How to draw and describe the graph.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub title: String,
    /// What was selected and the date range, under the title.
    pub subtitle: String,
    pub directed: bool,
    /// One edge per pair of actors listing its types (else one edge per type).
    pub merge_types: bool,
    pub legend: bool,
    pub left_to_right: bool,
    /// Layout engine; `None` picks by size (dot for small graphs, sfdp for large ones).
    pub engine: Option<String>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            title: "geokg relation graph".into(),
            subtitle: String::new(),
            directed: true,
            merge_types: true,
            legend: true,
            left_to_right: true,
            engine: None,
        }
    }
}

/// Layered `dot` is best up to a few dozen actors; beyond that it gets slow (minutes for
/// hundreds of labelled edges) and `sfdp` draws in milliseconds.
pub fn pick_engine(graph: &RelationGraph) -> &'static str {
    if graph.node_count() <= 60 && graph.edge_count() <= 150 {
        "dot"
    } else {
        "sfdp"
    }
}

/// The graph in `format`.
pub fn render(
    graph: &RelationGraph,
    format: Format,
    options: &ReportOptions,
) -> Result<Vec<u8>, RenderError> {
    match format {
        Format::Dot => Ok(to_dot(graph, options).into_bytes()),
        Format::Svg | Format::Png => {
            let engine = options
                .engine
                .as_deref()
                .unwrap_or_else(|| pick_engine(graph));
            layout(&to_dot(graph, options), engine, format == Format::Png)
        }
        Format::Json => Ok(to_json(graph, options).into_bytes()),
        Format::Graphml => Ok(to_graphml(graph, options).into_bytes()),
        Format::Csv => Ok(edges_csv(graph).into_bytes()),
    }
}

/// Lays DOT out with `engine` and renders SVG (or PNG from it), in-process.
pub fn layout(dot: &str, engine: &str, png: bool) -> Result<Vec<u8>, RenderError> {
    if !matches!(
        engine,
        "dot" | "neato" | "fdp" | "sfdp" | "circo" | "twopi" | "osage" | "patchwork"
    ) {
        return Err(RenderError::Engine(engine.to_string()));
    }
    let svg = graphviz_pure::render_dot(dot, engine, "svg")
        .map_err(|e| RenderError::Layout(e.to_string()))?
        .into_output();
    if png {
        graphviz_pure_raster::rasterize(&svg, graphviz_pure_raster::RasterFormat::Png, false)
            .map(|r| r.into_output())
            .map_err(|e| RenderError::Layout(e.to_string()))
    } else {
        Ok(svg.into_bytes())
    }
}

fn round(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

/// Node-link JSON (the shape of `data/graph.schema.json`): D3, Cytoscape and networkx's
/// `node_link_graph` read it.
pub fn to_json(graph: &RelationGraph, options: &ReportOptions) -> String {
    use serde_json::{json, Value};
    let g = &graph.graph;
    let nodes: Vec<Value> = g
        .node_weights()
        .map(|n| {
            json!({
                "id": n.key,
                "name": n.name,
                "code": n.code,
                "kind": n.kind,
                "country": n.country,
                "degree": n.degree,
                "pagerank": round(n.pagerank, 6),
                "community": n.community,
                "seed": n.seed,
            })
        })
        .collect();
    let links: Vec<Value> = g
        .edge_indices()
        .filter_map(|e| {
            let (s, t) = g.edge_endpoints(e)?;
            let d = &g[e];
            Some(json!({
                "source": g[s].key,
                "target": g[t].key,
                "type": d.plover,
                "quad_class": d.quad_class,
                "count": d.count,
                "documents": d.documents,
                "first_date": d.first_date,
                "last_date": d.last_date,
                "mean_goldstein": round(d.mean_goldstein, 3),
                "evidence": d.evidence,
            }))
        })
        .collect();
    let value = json!({
        "directed": options.directed,
        "multigraph": true,
        "graph": {
            "title": options.title,
            "selection": options.subtitle,
            "nodes": g.node_count(),
            "edges": g.edge_count(),
        },
        "nodes": nodes,
        "links": links,
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// Escapes text for XML attribute values and content.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// GraphML for Gephi, yEd and Cytoscape, with every attribute declared.
pub fn to_graphml(graph: &RelationGraph, options: &ReportOptions) -> String {
    use std::fmt::Write;
    let g = &graph.graph;
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    let keys = [
        ("name", "node", "string"),
        ("code", "node", "string"),
        ("kind", "node", "string"),
        ("country", "node", "string"),
        ("degree", "node", "long"),
        ("pagerank", "node", "double"),
        ("community", "node", "int"),
        ("type", "edge", "string"),
        ("quad_class", "edge", "int"),
        ("count", "edge", "long"),
        ("documents", "edge", "long"),
        ("first_date", "edge", "string"),
        ("last_date", "edge", "string"),
        ("mean_goldstein", "edge", "double"),
        ("evidence", "edge", "string"),
    ];
    for (name, domain, kind) in keys {
        let _ = writeln!(
            out,
            "  <key id=\"{name}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
        );
    }
    let _ = writeln!(
        out,
        "  <graph id=\"{}\" edgedefault=\"{}\">",
        xml_escape(&options.title),
        if options.directed {
            "directed"
        } else {
            "undirected"
        }
    );
    for i in g.node_indices() {
        let n = &g[i];
        let _ = writeln!(out, "    <node id=\"n{}\">", i.index());
        for (key, value) in [
            ("name", n.name.clone()),
            ("code", n.code.clone()),
            ("kind", n.kind.clone()),
            ("country", n.country.clone().unwrap_or_default()),
            ("degree", n.degree.to_string()),
            ("pagerank", format!("{:.6}", n.pagerank)),
            ("community", n.community.to_string()),
        ] {
            let _ = writeln!(
                out,
                "      <data key=\"{key}\">{}</data>",
                xml_escape(&value)
            );
        }
        out.push_str("    </node>\n");
    }
    for e in g.edge_indices() {
        let Some((s, t)) = g.edge_endpoints(e) else {
            continue;
        };
        let d = &g[e];
        let _ = writeln!(
            out,
            "    <edge id=\"e{}\" source=\"n{}\" target=\"n{}\">",
            e.index(),
            s.index(),
            t.index()
        );
        for (key, value) in [
            ("type", d.plover.clone()),
            ("quad_class", d.quad_class.to_string()),
            ("count", d.count.to_string()),
            ("documents", d.documents.to_string()),
            ("first_date", d.first_date.clone().unwrap_or_default()),
            ("last_date", d.last_date.clone().unwrap_or_default()),
            ("mean_goldstein", format!("{:.3}", d.mean_goldstein)),
            ("evidence", d.evidence.clone()),
        ] {
            let _ = writeln!(
                out,
                "      <data key=\"{key}\">{}</data>",
                xml_escape(&value)
            );
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Edges as CSV, one row per (source, target, type).
pub fn edges_csv(graph: &RelationGraph) -> String {
    let g = &graph.graph;
    let mut out = String::from(
        "source,source_code,target,target_code,type,quad_class,count,documents,first_date,last_date,mean_goldstein,evidence\n",
    );
    for e in g.edge_indices() {
        let Some((s, t)) = g.edge_endpoints(e) else {
            continue;
        };
        let d = &g[e];
        let row = [
            g[s].name.clone(),
            g[s].code.clone(),
            g[t].name.clone(),
            g[t].code.clone(),
            d.plover.clone(),
            d.quad_class.to_string(),
            d.count.to_string(),
            d.documents.to_string(),
            d.first_date.clone().unwrap_or_default(),
            d.last_date.clone().unwrap_or_default(),
            format!("{:.3}", d.mean_goldstein),
            d.evidence.clone(),
        ];
        push_csv_row(&mut out, &row);
    }
    out
}

fn push_csv_row(out: &mut String, row: &[String]) {
    for (i, field) in row.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(field));
    }
    out.push('\n');
}

/// Nodes as CSV with their analytics.
pub fn nodes_csv(graph: &RelationGraph) -> String {
    let mut out = String::from("id,name,code,kind,country,degree,pagerank,community\n");
    for n in graph.graph.node_weights() {
        let row = [
            n.key.clone(),
            n.name.clone(),
            n.code.clone(),
            n.kind.clone(),
            n.country.clone().unwrap_or_default(),
            n.degree.to_string(),
            format!("{:.6}", n.pagerank),
            n.community.to_string(),
        ];
        push_csv_row(&mut out, &row);
    }
    out
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
            evidence: "They \"attacked\" <it> & left.".into(),
        }])
    }

    const HOSTILE_A: &str = r#"The "Free" <Army> & {Front}"#;
    const HOSTILE_B: &str = r"Back\Slash -> digraph { node [label=x] }; </svg>";

    #[test]
    fn hostile_names_survive_dot_and_svg() {
        let g = graph_with_names(HOSTILE_A, HOSTILE_B);
        let svg =
            String::from_utf8(render(&g, Format::Svg, &ReportOptions::default()).unwrap()).unwrap();
        assert!(svg.contains("&lt;Army&gt;"), "{svg}");
        assert!(svg.contains("&amp;"));
        assert!(svg.contains("Back\\Slash"));
        assert_eq!(svg.matches("</svg>").count(), 1);
        // Two actor nodes plus the legend's.
        assert!(svg.matches("class=\"node\"").count() >= 2);
    }

    #[test]
    fn hostile_names_survive_graphml_and_json() {
        let g = graph_with_names(HOSTILE_A, HOSTILE_B);
        let xml = to_graphml(&g, &ReportOptions::default());
        assert!(xml.contains("The &quot;Free&quot; &lt;Army&gt; &amp; {Front}"));
        assert!(!xml.contains("</svg>"));
        assert_eq!(xml.matches("<node ").count(), 2);
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&g, &ReportOptions::default())).unwrap();
        assert_eq!(json["nodes"][1]["name"], HOSTILE_A);
        let csv = edges_csv(&g);
        assert!(csv.contains("\"The \"\"Free\"\" <Army> & {Front}\""));
    }

    #[test]
    fn render_rejects_unknown_engine() {
        assert!(matches!(
            layout("digraph{}", "bogus", false),
            Err(RenderError::Engine(_))
        ));
    }

    #[test]
    fn format_from_path_reads_extensions() {
        assert_eq!(
            Format::from_path(std::path::Path::new("a.graphml")),
            Some(Format::Graphml)
        );
        assert_eq!(
            Format::from_path(std::path::Path::new("a.PNG")),
            Some(Format::Png)
        );
        assert_eq!(Format::from_path(std::path::Path::new("a.txt")), None);
    }
}
