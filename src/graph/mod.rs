//! Graph: the actor network built from aggregated edges, selection of the part a reader wants,
//! and analytics — weighted degree, weighted PageRank, communities (Louvain), shortest paths.
//!
//! Input: a [`Store`] and a [`Selection`], or [`EdgeRow`]s. Output: [`RelationGraph`] (a
//! petgraph `DiGraph` whose node and edge order is deterministic) with per-node analytics.
//! Entry points: [`select`], [`RelationGraph::from_edges`], [`shortest_paths`].

mod analytics;

pub use analytics::{louvain, pagerank, pagerank_edges};

use crate::store::{ActorRow, EdgeFilter, EdgeRow, Store, StoreError};
use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum GraphError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("unknown actor {0:?}: no code, name or alias matches (try `geokg actors`)")]
    UnknownActor(String),
    #[error("ambiguous actor {query:?}: {candidates} (name one by its code or full name)")]
    AmbiguousActor { query: String, candidates: String },
}

/// An actor node.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeData {
    /// Stable identifier: `code|name` (or the code or country when grouped).
    pub key: String,
    pub name: String,
    pub code: String,
    pub kind: String,
    pub country: Option<String>,
    /// Store ids of the actors this node stands for.
    pub actors: Vec<i64>,
    pub degree: u64,
    pub pagerank: f64,
    pub community: usize,
    /// A seed of the selection (`--actor`).
    pub seed: bool,
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
    /// Store ids of one source and one target actor, to look up evidence.
    pub source_actor: i64,
    pub target_actor: i64,
}

/// The directed, weighted actor graph.
#[derive(Debug, Clone, Default)]
pub struct RelationGraph {
    pub graph: DiGraph<NodeData, EdgeData>,
}

/// How to merge actors into nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum GroupBy {
    /// One node per canonical actor (name and code).
    #[default]
    Actor,
    /// One node per actor code ("AFGGOV" for the Taliban and Kabul alike).
    Code,
    /// One node per country (IGOs and groups without a country keep their code).
    Country,
}

/// Which part of the graph to draw or analyse.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Actors named by code, name or alias; with `hops`, their neighbourhood.
    pub actors: Vec<String>,
    pub hops: usize,
    pub filter: EdgeFilter,
    /// Drop edges with fewer distinct events.
    pub min_count: u64,
    /// Keep the N most central actors (most events, then weighted PageRank; seeds always kept).
    pub top: Option<usize>,
    /// Keep the N edges with most events.
    pub max_edges: Option<usize>,
    pub group_by: GroupBy,
    /// Fetch an evidence sentence for every edge.
    pub evidence: bool,
    /// Find communities in the selected graph (degree and PageRank are always computed).
    pub communities: bool,
}

/// The node an actor falls in: (key, name, code, kind). Keys are stable across databases:
/// `CODE|Name` per actor, the code or the country when grouped.
fn node_key(a: &ActorRow, group_by: GroupBy) -> (String, String, String, String) {
    match group_by {
        GroupBy::Actor => (
            format!("{}|{}", a.code, a.name),
            a.name.clone(),
            a.code.clone(),
            a.kind.clone(),
        ),
        GroupBy::Code if !a.code.is_empty() => (
            a.code.clone(),
            a.code.clone(),
            a.code.clone(),
            a.kind.clone(),
        ),
        GroupBy::Country => match &a.country {
            Some(c) => (c.clone(), c.clone(), c.clone(), "country".to_string()),
            None => (
                format!("{}|{}", a.code, a.name),
                a.name.clone(),
                a.code.clone(),
                a.kind.clone(),
            ),
        },
        GroupBy::Code => (
            format!("|{}", a.name),
            a.name.clone(),
            String::new(),
            a.kind.clone(),
        ),
    }
}

/// A node's centrality, computed from per-pair event counts without building the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedNode {
    pub key: String,
    pub name: String,
    pub code: String,
    /// Store ids of the actors the node stands for.
    pub actors: Vec<i64>,
    /// Distinct events sent plus received.
    pub degree: u64,
    pub pagerank: f64,
}

/// Degree and weighted PageRank of every node of the graph selected by `filter`, `among` and
/// `min_count` (the same numbers the built graph has), sorted by key; with the number of typed
/// edges. Reads only ids and counts, so it ranks a million events in well under a second.
pub fn rank_nodes(
    store: &Store,
    filter: &EdgeFilter,
    among: Option<&[i64]>,
    min_count: u64,
    group_by: GroupBy,
) -> Result<(Vec<RankedNode>, u64), GraphError> {
    let (pairs, typed) = store.pair_weights(filter, among, min_count.max(1))?;
    let mut ids: Vec<i64> = pairs.iter().flat_map(|p| [p.0, p.1]).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut nodes: BTreeMap<String, RankedNode> = BTreeMap::new();
    for actor in store.actors_by_id(&ids)? {
        let (key, name, code, _) = node_key(&actor, group_by);
        nodes
            .entry(key)
            .or_insert_with_key(|key| RankedNode {
                key: key.clone(),
                name,
                code,
                actors: Vec::new(),
                degree: 0,
                pagerank: 0.0,
            })
            .actors
            .push(actor.id);
    }
    let mut node_of: FxHashMap<i64, usize> = FxHashMap::default();
    for (i, node) in nodes.values().enumerate() {
        node_of.extend(node.actors.iter().map(|&a| (a, i)));
    }
    let edges: Vec<(usize, usize, f64)> = pairs
        .iter()
        .filter_map(|&(s, t, w)| Some((*node_of.get(&s)?, *node_of.get(&t)?, w as f64)))
        .collect();
    let mut degree = vec![0u64; nodes.len()];
    for &(s, t, w) in &edges {
        degree[s] += w as u64;
        degree[t] += w as u64;
    }
    let ranks = pagerank_edges(nodes.len(), &edges, 0.85, 100, 1e-10);
    let ranked = nodes
        .into_values()
        .enumerate()
        .map(|(i, mut n)| {
            n.degree = degree[i];
            n.pagerank = ranks[i];
            n
        })
        .collect();
    Ok((ranked, typed))
}

impl RelationGraph {
    /// Builds the graph: nodes sorted by key, edges in (source, target, type) order, and
    /// computes degree, PageRank and communities.
    pub fn from_edges(rows: &[EdgeRow]) -> RelationGraph {
        let mut graph = RelationGraph::build(rows, GroupBy::Actor, &[]);
        graph.find_communities();
        graph
    }

    fn build(rows: &[EdgeRow], group_by: GroupBy, seeds: &[i64]) -> RelationGraph {
        let key_of = |a: &ActorRow| node_key(a, group_by);
        let mut nodes: BTreeMap<String, NodeData> = BTreeMap::new();
        for row in rows {
            for actor in [&row.source, &row.target] {
                let (key, name, code, kind) = key_of(actor);
                let node = nodes.entry(key.clone()).or_insert_with(|| NodeData {
                    key,
                    name,
                    code,
                    kind,
                    country: actor.country.clone(),
                    actors: Vec::new(),
                    degree: 0,
                    pagerank: 0.0,
                    community: 0,
                    seed: false,
                });
                if !node.actors.contains(&actor.id) {
                    node.actors.push(actor.id);
                }
                node.seed |= seeds.contains(&actor.id);
            }
        }
        // Grouped nodes take the name of their best-known member.
        if group_by != GroupBy::Actor {
            for node in nodes.values_mut() {
                node.actors.sort_unstable();
            }
        }
        let mut graph = DiGraph::with_capacity(nodes.len(), rows.len());
        let mut index: HashMap<String, NodeIndex> = HashMap::new();
        for (key, node) in nodes {
            index.insert(key, graph.add_node(node));
        }
        // Merge rows that land on the same (source node, target node, type).
        let mut merged: BTreeMap<(NodeIndex, NodeIndex, String), EdgeData> = BTreeMap::new();
        for row in rows {
            let s = index[&key_of(&row.source).0];
            let t = index[&key_of(&row.target).0];
            let edge = merged
                .entry((s, t, row.plover.clone()))
                .or_insert_with(|| EdgeData {
                    plover: row.plover.clone(),
                    quad_class: row.quad_class,
                    count: 0,
                    documents: 0,
                    first_date: None,
                    last_date: None,
                    mean_goldstein: 0.0,
                    evidence: row.evidence.clone(),
                    source_actor: row.source.id,
                    target_actor: row.target.id,
                });
            let total = edge.count + row.count;
            edge.mean_goldstein = if total > 0 {
                (edge.mean_goldstein * edge.count as f64 + row.mean_goldstein * row.count as f64)
                    / total as f64
            } else {
                0.0
            };
            edge.count = total;
            edge.documents += row.documents;
            edge.first_date = min_date(edge.first_date.take(), row.first_date.clone());
            edge.last_date = max_date(edge.last_date.take(), row.last_date.clone());
            if edge.evidence.is_empty() {
                edge.evidence = row.evidence.clone();
            }
        }
        for ((s, t, _), edge) in merged {
            graph.add_edge(s, t, edge);
        }
        let mut built = RelationGraph { graph };
        built.rank();
        built
    }

    /// Degree, PageRank and communities of the current graph.
    pub fn analyse(&mut self) {
        self.rank();
        self.find_communities();
    }

    /// Degree and PageRank of the current graph (what selection by centrality needs).
    fn rank(&mut self) {
        let degree = self.weighted_degree();
        let ranks = pagerank(self, 0.85, 100, 1e-10);
        for (i, node) in self.graph.node_weights_mut().enumerate() {
            node.degree = degree[i];
            node.pagerank = ranks[i];
        }
    }

    /// Louvain communities of the current graph.
    pub fn find_communities(&mut self) {
        let communities = louvain(self);
        for (i, node) in self.graph.node_weights_mut().enumerate() {
            node.community = communities[i];
        }
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

    /// Keeps the `n` edges with most events (ties: most articles, then order), and drops the
    /// nodes left without edges.
    fn keep_strongest_edges(&mut self, n: usize) {
        if self.graph.edge_count() <= n {
            return;
        }
        let mut ranked: Vec<_> = self.graph.edge_indices().collect();
        ranked.sort_by(|a, b| {
            let (ea, eb) = (&self.graph[*a], &self.graph[*b]);
            eb.count
                .cmp(&ea.count)
                .then(eb.documents.cmp(&ea.documents))
                .then(a.cmp(b))
        });
        let keep: BTreeSet<_> = ranked.into_iter().take(n).collect();
        let mut linked = vec![false; self.graph.node_count()];
        for &e in &keep {
            let (s, t) = self.graph.edge_endpoints(e).unwrap_or_default();
            linked[s.index()] = true;
            linked[t.index()] = true;
        }
        self.graph = self.graph.filter_map(
            |i, n| (linked[i.index()] || n.seed).then(|| n.clone()),
            |i, e| keep.contains(&i).then(|| e.clone()),
        );
        self.rank();
    }
}

pub(crate) fn min_date(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

pub(crate) fn max_date(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The store ids of the actors a user named: by code, name or alias; a clear error when a
/// name matches nothing or several different actors.
pub fn resolve_actor(store: &Store, query: &str) -> Result<Vec<ActorRow>, GraphError> {
    let (found, exact) = store.find_actors(query)?;
    if found.is_empty() {
        return Err(GraphError::UnknownActor(query.to_string()));
    }
    // An exact code, name or alias may stand for several actors (a code is shared by the
    // Taliban and Kabul); a partial match must name one.
    let distinct_names: BTreeSet<&str> = found.iter().map(|a| a.name.as_str()).collect();
    if !exact && distinct_names.len() > 1 {
        let candidates = found
            .iter()
            .take(8)
            .map(|a| {
                format!(
                    "{} ({})",
                    a.name,
                    if a.code.is_empty() { "-" } else { &a.code }
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        return Err(GraphError::AmbiguousActor {
            query: query.to_string(),
            candidates,
        });
    }
    Ok(found)
}

/// Selects, builds and analyses the graph a reader asked for.
pub fn select(store: &Store, selection: &Selection) -> Result<RelationGraph, GraphError> {
    let mut seeds: Vec<i64> = Vec::new();
    for name in &selection.actors {
        seeds.extend(resolve_actor(store, name)?.into_iter().map(|a| a.id));
    }
    seeds.sort_unstable();
    seeds.dedup();
    let min_count = selection.min_count.max(1);
    let mut among: Option<Vec<i64>> = None;
    if !seeds.is_empty() {
        let mut nodes: BTreeSet<i64> = seeds.iter().copied().collect();
        let mut frontier: Vec<i64> = seeds.clone();
        for _ in 0..selection.hops {
            if frontier.is_empty() {
                break;
            }
            let next: Vec<i64> = store
                .neighbours(&frontier, &selection.filter)?
                .into_iter()
                .filter(|id| nodes.insert(*id))
                .collect();
            frontier = next;
        }
        among = Some(nodes.into_iter().collect());
    }
    // The N most central nodes (seeds always), ranked on counts alone before anything is built.
    if let Some(top) = selection.top.filter(|&t| t > 0) {
        let (ranked, _) = rank_nodes(
            store,
            &selection.filter,
            among.as_deref(),
            min_count,
            selection.group_by,
        )?;
        if ranked.len() > top {
            let is_seed = |n: &RankedNode| n.actors.iter().any(|a| seeds.contains(a));
            let seed_nodes: Vec<&RankedNode> = ranked.iter().filter(|n| is_seed(n)).collect();
            let mut others: Vec<&RankedNode> = ranked.iter().filter(|n| !is_seed(n)).collect();
            // Most events first: PageRank alone would keep the actors acted upon and drop
            // the ones acting, cutting the edges a reader wants to see.
            others.sort_by(|a, b| {
                b.degree
                    .cmp(&a.degree)
                    .then(b.pagerank.total_cmp(&a.pagerank))
                    .then(a.key.cmp(&b.key))
            });
            let mut keep: Vec<i64> = seed_nodes
                .iter()
                .chain(others.iter().take(top.saturating_sub(seed_nodes.len())))
                .flat_map(|n| n.actors.iter().copied())
                .collect();
            keep.sort_unstable();
            among = Some(keep);
        }
    }
    let rows: Vec<EdgeRow> = store
        .filtered_edges(&selection.filter, among.as_deref())?
        .into_iter()
        .filter(|r| r.count >= min_count)
        .collect();
    let mut graph = RelationGraph::build(&rows, selection.group_by, &seeds);
    if let Some(max) = selection.max_edges {
        graph.keep_strongest_edges(max);
    }
    if selection.communities {
        graph.find_communities();
    }
    if selection.evidence {
        for e in graph.graph.edge_indices().collect::<Vec<_>>() {
            let data = &graph.graph[e];
            if data.evidence.is_empty() {
                let text = store
                    .evidence(data.source_actor, data.target_actor, &data.plover)?
                    .unwrap_or_default();
                graph.graph[e].evidence = text;
            }
        }
    }
    Ok(graph)
}

/// One hop of a path: the actors, the event type, how many events and one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Hop {
    pub from: ActorRow,
    pub to: ActorRow,
    pub plover: String,
    pub count: u64,
    pub forward: bool,
    pub evidence: String,
}

/// The shortest chains of counted events between two actors (edges followed in either
/// direction unless `directed`), at most `max_paths` of them, at most `max_hops` long.
pub fn shortest_paths(
    store: &Store,
    from: &[i64],
    to: &[i64],
    filter: &EdgeFilter,
    max_hops: usize,
    max_paths: usize,
    directed: bool,
) -> Result<Vec<Vec<Hop>>, GraphError> {
    // Breadth-first from `from`, recording every parent at the previous level.
    let targets: BTreeSet<i64> = to.iter().copied().collect();
    let mut level: BTreeMap<i64, usize> = from.iter().map(|&id| (id, 0)).collect();
    let mut parents: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    let mut frontier: Vec<i64> = from.to_vec();
    let mut found = from.iter().any(|id| targets.contains(id));
    let mut depth = 0;
    while !found && depth < max_hops && !frontier.is_empty() {
        depth += 1;
        let in_frontier: BTreeSet<i64> = frontier.iter().copied().collect();
        let mut next = BTreeSet::new();
        for (source, target) in store.touching_pairs(&frontier, filter)? {
            for (a, b, forward) in [(source, target, true), (target, source, false)] {
                if (directed && !forward) || !in_frontier.contains(&a) {
                    continue;
                }
                match level.get(&b) {
                    Some(&l) if l < depth => continue,
                    Some(_) => {}
                    None => {
                        level.insert(b, depth);
                    }
                }
                parents.entry(b).or_default().insert(a);
                next.insert(b);
            }
        }
        found = next.iter().any(|id| targets.contains(id));
        frontier = next.into_iter().collect();
    }
    if !found {
        return Ok(Vec::new());
    }
    // Walk back from each reached target to a source.
    let mut chains: Vec<Vec<i64>> = targets
        .iter()
        .filter(|t| level.get(t) == Some(&depth))
        .map(|&t| vec![t])
        .collect();
    for _ in 0..depth {
        let mut longer = Vec::new();
        for chain in chains {
            let last = *chain.last().unwrap_or(&0);
            for parent in parents.get(&last).into_iter().flatten() {
                let mut c = chain.clone();
                c.push(*parent);
                longer.push(c);
                if longer.len() >= max_paths * 4 {
                    break;
                }
            }
        }
        chains = longer;
    }
    chains.truncate(max_paths);
    let mut paths = Vec::new();
    for chain in chains {
        let ids: Vec<i64> = chain.into_iter().rev().collect();
        let actors: HashMap<i64, ActorRow> = store
            .actors_by_id(&ids)?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
        let mut hops = Vec::new();
        for pair in ids.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let edges = store.filtered_edges(filter, Some(&[a, b]))?;
            let best = edges
                .iter()
                .filter(|e| {
                    (e.source.id == a && e.target.id == b)
                        || (!directed && e.source.id == b && e.target.id == a)
                })
                .max_by(|x, y| x.count.cmp(&y.count).then(y.plover.cmp(&x.plover)));
            let Some(edge) = best else { continue };
            let evidence = store
                .evidence(edge.source.id, edge.target.id, &edge.plover)?
                .unwrap_or_default();
            hops.push(Hop {
                from: actors[&a].clone(),
                to: actors[&b].clone(),
                plover: edge.plover.clone(),
                count: edge.count,
                forward: edge.source.id == a,
                evidence,
            });
        }
        paths.push(hops);
    }
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: i64, name: &str, code: &str) -> ActorRow {
        ActorRow {
            id,
            name: name.into(),
            code: code.into(),
            kind: "country".into(),
            country: Some(code.get(..3).unwrap_or(code).into()),
        }
    }

    pub(crate) fn edge(s: ActorRow, t: ActorRow, plover: &str, count: u64) -> EdgeRow {
        EdgeRow {
            source: s,
            target: t,
            plover: plover.into(),
            quad_class: 4,
            count,
            documents: 1,
            first_date: Some("2025-01-01".into()),
            last_date: Some("2025-01-02".into()),
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

    #[test]
    fn grouping_by_code_merges_actors_and_edges() {
        let taliban = actor(1, "Taliban", "AFGGOV");
        let kabul = actor(2, "Afghanistan", "AFGGOV");
        let usa = actor(3, "Trump", "USAGOV");
        let rows = vec![
            edge(taliban, usa.clone(), "REJECT", 2),
            edge(kabul, usa, "REJECT", 1),
        ];
        let g = RelationGraph::build(&rows, GroupBy::Code, &[]);
        assert_eq!(g.node_count(), 2);
        assert_eq!(g.edge_count(), 1);
        let e = g.graph.edge_indices().next().unwrap();
        assert_eq!(g.graph[e].count, 3);
        let by_country = RelationGraph::build(&rows_for_country(), GroupBy::Country, &[]);
        assert_eq!(by_country.node_count(), 2);
    }

    fn rows_for_country() -> Vec<EdgeRow> {
        vec![
            edge(
                actor(1, "Russia", "RUS"),
                actor(2, "Ukraine", "UKRMIL"),
                "ASSAULT",
                1,
            ),
            edge(
                actor(3, "Kremlin", "RUSGOV"),
                actor(4, "Kyiv", "UKRGOV"),
                "THREATEN",
                1,
            ),
        ]
    }

    #[test]
    fn keep_strongest_edges_drops_weak_edges_and_lonely_nodes() {
        let (a, b, c) = (
            actor(1, "A", "AAA"),
            actor(2, "B", "BBB"),
            actor(3, "C", "CCC"),
        );
        let rows = vec![edge(a.clone(), b, "ASSAULT", 5), edge(a, c, "ASSAULT", 1)];
        let mut g = RelationGraph::from_edges(&rows);
        g.keep_strongest_edges(1);
        assert_eq!(g.edge_count(), 1);
        assert_eq!(g.node_count(), 2);
    }

    /// A store holding the events of `text` (dated 2025-03-01).
    fn store_of(text: &str) -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let doc = crate::model::Document::new(
            text.to_string(),
            crate::model::DocumentMeta {
                date: chrono::NaiveDate::from_ymd_opt(2025, 3, 1),
                ..Default::default()
            },
        );
        let extraction = crate::extract::Extractor::builtin().extract(&doc);
        store.insert(&doc, &extraction).unwrap();
        store
    }

    fn ids(store: &Store, name: &str) -> Vec<i64> {
        resolve_actor(store, name)
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect()
    }

    #[test]
    fn shortest_path_follows_a_chain_in_either_direction() {
        let store = store_of(
            "Russia attacked Ukraine. Poland criticised Ukraine. Poland met Germany. \
             Germany praised France.",
        );
        let (from, to) = (ids(&store, "Russia"), ids(&store, "France"));
        let filter = EdgeFilter::default();
        let paths = shortest_paths(&store, &from, &to, &filter, 6, 3, false).unwrap();
        assert_eq!(paths.len(), 1);
        let chain: Vec<(&str, &str, bool)> = paths[0]
            .iter()
            .map(|h| (h.to.name.as_str(), h.plover.as_str(), h.forward))
            .collect();
        assert_eq!(
            chain,
            [
                ("Ukraine", "ASSAULT", true),
                ("Poland", "ACCUSE", false),
                ("Germany", "CONSULT", true),
                ("France", "SUPPORT", true),
            ]
        );
        assert_eq!(paths[0][0].evidence, "Russia attacked Ukraine.");
        // Following edge directions only, Ukraine is a dead end.
        assert!(shortest_paths(&store, &from, &to, &filter, 6, 3, true)
            .unwrap()
            .is_empty());
        // Nor is France within two hops.
        assert!(shortest_paths(&store, &from, &to, &filter, 2, 3, false)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn k_hop_selection_stops_at_the_horizon() {
        let store =
            store_of("Russia attacked Ukraine. Poland criticised Ukraine. Poland met Germany.");
        let select_hops = |hops| {
            let selection = Selection {
                actors: vec!["Russia".into()],
                hops,
                ..Selection::default()
            };
            let g = select(&store, &selection).unwrap();
            let mut names: Vec<String> = g.graph.node_weights().map(|n| n.name.clone()).collect();
            names.sort();
            names
        };
        assert_eq!(select_hops(1), ["Russia", "Ukraine"]);
        assert_eq!(select_hops(2), ["Poland", "Russia", "Ukraine"]);
        assert_eq!(select_hops(3), ["Germany", "Poland", "Russia", "Ukraine"]);
    }

    #[test]
    fn weighted_degree_counts_events_both_ways() {
        let (a, b, c) = (
            actor(1, "A", "AAA"),
            actor(2, "B", "BBB"),
            actor(3, "C", "CCC"),
        );
        let rows = vec![
            edge(a.clone(), b.clone(), "ASSAULT", 3),
            edge(b.clone(), a.clone(), "ACCUSE", 2),
            edge(c, a, "AID", 1),
        ];
        let g = RelationGraph::from_edges(&rows);
        // Nodes in key order: A, B, C.
        assert_eq!(g.weighted_degree(), [6, 5, 1]);
    }

    #[test]
    fn ranking_on_counts_agrees_with_the_built_graph() {
        let store = store_of(
            "Russia attacked Ukraine. Russia attacked Ukraine again on Monday. Poland \
             criticised Russia. Poland met Germany. Germany praised Poland. France urged Russia \
             to stop.",
        );
        let (ranked, typed) =
            rank_nodes(&store, &EdgeFilter::default(), None, 1, GroupBy::Actor).unwrap();
        let graph = select(&store, &Selection::default()).unwrap();
        assert_eq!(typed as usize, graph.edge_count());
        let built: Vec<(String, u64, String)> = graph
            .graph
            .node_weights()
            .map(|n| (n.key.clone(), n.degree, format!("{:.9}", n.pagerank)))
            .collect();
        let counted: Vec<(String, u64, String)> = ranked
            .iter()
            .map(|n| (n.key.clone(), n.degree, format!("{:.9}", n.pagerank)))
            .collect();
        assert_eq!(built, counted);
        // Top 3 keeps the seed and the two actors in most events (Russia in 4, Poland in 3);
        // Ukraine and Germany (2 each) go.
        let top = select(
            &store,
            &Selection {
                actors: vec!["France".into()],
                hops: 3,
                top: Some(3),
                ..Selection::default()
            },
        )
        .unwrap();
        let names: Vec<&str> = top.graph.node_weights().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["France", "Poland", "Russia"]);
    }
}
