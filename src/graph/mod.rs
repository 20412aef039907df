//! Graph: the actor network built from aggregated edges, with analytics.
//!
//! Input: [`EdgeRow`]s from the store. Output: [`RelationGraph`] (a petgraph `DiGraph` whose
//! node and edge order is deterministic). Entry point: [`RelationGraph::from_edges`].

use crate::store::EdgeRow;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeMap;

/// An actor node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeData {
    /// Stable identifier: `code|name`.
    pub key: String,
    pub name: String,
    pub code: String,
    pub kind: String,
    pub country: Option<String>,
}

/// Counted events of one PLOVER type from one actor to another.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeData {
    pub plover: String,
    pub quad_class: u8,
    /// Distinct events.
    pub count: u64,
    /// Articles reporting them.
    pub documents: u64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub mean_goldstein: f64,
    pub evidence: String,
}

/// The directed, weighted actor graph.
#[derive(Debug, Clone, Default)]
pub struct RelationGraph {
    pub graph: DiGraph<NodeData, EdgeData>,
}

impl RelationGraph {
    /// Builds the graph: nodes sorted by key, edges in (source, target, type) order.
    pub fn from_edges(rows: &[EdgeRow]) -> RelationGraph {
        let mut nodes: BTreeMap<String, NodeData> = BTreeMap::new();
        for row in rows {
            for actor in [&row.source, &row.target] {
                let key = format!("{}|{}", actor.code, actor.name);
                nodes.entry(key.clone()).or_insert_with(|| NodeData {
                    key,
                    name: actor.name.clone(),
                    code: actor.code.clone(),
                    kind: actor.kind.clone(),
                    country: actor.country.clone(),
                });
            }
        }
        let mut graph = DiGraph::with_capacity(nodes.len(), rows.len());
        let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
        for (key, node) in nodes {
            index.insert(key, graph.add_node(node));
        }
        let mut sorted: Vec<&EdgeRow> = rows.iter().collect();
        sorted.sort_by(|a, b| {
            let ka = (
                format!("{}|{}", a.source.code, a.source.name),
                format!("{}|{}", a.target.code, a.target.name),
                &a.plover,
            );
            let kb = (
                format!("{}|{}", b.source.code, b.source.name),
                format!("{}|{}", b.target.code, b.target.name),
                &b.plover,
            );
            ka.cmp(&kb)
        });
        for row in sorted {
            let s = index[&format!("{}|{}", row.source.code, row.source.name)];
            let t = index[&format!("{}|{}", row.target.code, row.target.name)];
            graph.add_edge(
                s,
                t,
                EdgeData {
                    plover: row.plover.clone(),
                    quad_class: row.quad_class,
                    count: row.count,
                    documents: row.documents,
                    first_date: row.first_date.clone(),
                    last_date: row.last_date.clone(),
                    mean_goldstein: row.mean_goldstein,
                    evidence: row.evidence.clone(),
                },
            );
        }
        RelationGraph { graph }
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Weighted degree (sum of event counts in and out) of every node, by node index.
    pub fn weighted_degree(&self) -> Vec<u64> {
        let mut degree = vec![0; self.graph.node_count()];
        for e in self.graph.edge_indices() {
            let (s, t) = self.graph.edge_endpoints(e).unwrap_or_default();
            let w = self.graph[e].count;
            degree[s.index()] += w;
            degree[t.index()] += w;
        }
        degree
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ActorRow;

    fn actor(id: i64, name: &str, code: &str) -> ActorRow {
        ActorRow {
            id,
            name: name.into(),
            code: code.into(),
            kind: "country".into(),
            country: Some(code.into()),
        }
    }

    fn edge(s: ActorRow, t: ActorRow, plover: &str, count: u64) -> EdgeRow {
        EdgeRow {
            source: s,
            target: t,
            plover: plover.into(),
            quad_class: 4,
            count,
            documents: 1,
            first_date: None,
            last_date: None,
            mean_goldstein: -10.0,
            evidence: String::new(),
        }
    }

    #[test]
    fn from_edges_orders_nodes_and_edges_deterministically() {
        let (a, b, c) = (
            actor(1, "A", "AAA"),
            actor(2, "B", "BBB"),
            actor(3, "C", "CCC"),
        );
        let rows = vec![
            edge(c.clone(), a.clone(), "ASSAULT", 2),
            edge(a.clone(), b.clone(), "REJECT", 1),
        ];
        let g = RelationGraph::from_edges(&rows);
        let names: Vec<&str> = g.graph.node_weights().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "C"]);
        let first = g.graph.edge_indices().next().unwrap();
        assert_eq!(g.graph[first].plover, "REJECT");
        assert_eq!(g.weighted_degree(), vec![3, 1, 2]);
    }

    #[test]
    fn every_edge_endpoint_is_a_node() {
        let rows = vec![edge(
            actor(1, "A", "AAA"),
            actor(1, "A", "AAA"),
            "ASSAULT",
            1,
        )];
        let g = RelationGraph::from_edges(&rows);
        assert_eq!(g.node_count(), 1);
        assert_eq!(g.edge_count(), 1);
    }
}
