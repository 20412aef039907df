//! Analytics on the actor graph: weighted PageRank and Louvain communities. Both iterate in
//! node-index order, so the same graph always gives the same numbers.

use super::RelationGraph;

/// Weighted PageRank: a random walk follows an actor's edges in proportion to their event
/// counts; actors with no outgoing edges spread their rank evenly. Returns ranks by node index
/// (summing to 1).
pub fn pagerank(
    graph: &RelationGraph,
    damping: f64,
    iterations: usize,
    tolerance: f64,
) -> Vec<f64> {
    let g = &graph.graph;
    let edges: Vec<(usize, usize, f64)> = g
        .edge_indices()
        .filter_map(|e| {
            let (s, t) = g.edge_endpoints(e)?;
            Some((s.index(), t.index(), g[e].count as f64))
        })
        .collect();
    pagerank_edges(g.node_count(), &edges, damping, iterations, tolerance)
}

/// Weighted PageRank of `n` nodes joined by `(source, target, weight)` edges (parallel edges
/// add up), by node index.
pub fn pagerank_edges(
    n: usize,
    edges: &[(usize, usize, f64)],
    damping: f64,
    iterations: usize,
    tolerance: f64,
) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    let mut out_weight = vec![0.0f64; n];
    for &(s, _, w) in edges {
        out_weight[s] += w;
    }
    let mut rank = vec![1.0 / n as f64; n];
    let mut next = vec![0.0f64; n];
    for _ in 0..iterations {
        let dangling: f64 = (0..n)
            .filter(|&i| out_weight[i] == 0.0)
            .map(|i| rank[i])
            .sum();
        let base = (1.0 - damping) / n as f64 + damping * dangling / n as f64;
        next.fill(base);
        for &(s, t, w) in edges {
            next[t] += damping * rank[s] * w / out_weight[s];
        }
        let change: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < tolerance {
            break;
        }
    }
    rank
}

/// Communities by the Louvain method (Blondel et al. 2008) on the undirected graph weighted by
/// event counts: nodes move to the neighbouring community that most increases modularity,
/// communities are merged into nodes, and the two steps repeat until nothing moves. Returns a
/// community number by node index, numbered in order of first appearance.
pub fn louvain(graph: &RelationGraph) -> Vec<usize> {
    let g = &graph.graph;
    let n = g.node_count();
    // Undirected adjacency with summed weights (self-loops kept once).
    let mut adjacency: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for e in g.edge_indices() {
        let Some((s, t)) = g.edge_endpoints(e) else {
            continue;
        };
        let w = g[e].count as f64;
        add_weight(&mut adjacency, s.index(), t.index(), w);
        if s != t {
            add_weight(&mut adjacency, t.index(), s.index(), w);
        }
    }
    // membership[original node] = current community
    let mut membership: Vec<usize> = (0..n).collect();
    let mut level_adjacency = adjacency;
    loop {
        let (moved, assignment) = one_level(&level_adjacency);
        if !moved {
            break;
        }
        // Renumber communities 0..k in order of first appearance.
        let mut renumber = vec![usize::MAX; assignment.len()];
        let mut next = 0;
        for &c in &assignment {
            if renumber[c] == usize::MAX {
                renumber[c] = next;
                next += 1;
            }
        }
        for m in membership.iter_mut() {
            *m = renumber[assignment[*m]];
        }
        // Aggregate: one node per community.
        let mut aggregated: Vec<Vec<(usize, f64)>> = vec![Vec::new(); next];
        for (i, neighbours) in level_adjacency.iter().enumerate() {
            for &(j, w) in neighbours {
                add_weight(
                    &mut aggregated,
                    renumber[assignment[i]],
                    renumber[assignment[j]],
                    w,
                );
            }
        }
        if next == level_adjacency.len() {
            break;
        }
        level_adjacency = aggregated;
    }
    // Final numbering by first appearance in node order.
    let mut renumber = std::collections::HashMap::new();
    membership
        .iter()
        .map(|c| {
            let k = renumber.len();
            *renumber.entry(*c).or_insert(k)
        })
        .collect()
}

fn add_weight(adjacency: &mut [Vec<(usize, f64)>], a: usize, b: usize, w: f64) {
    match adjacency[a].iter_mut().find(|(j, _)| *j == b) {
        Some((_, existing)) => *existing += w,
        None => adjacency[a].push((b, w)),
    }
}

/// One pass of local moves; returns whether any node moved and each node's community.
fn one_level(adjacency: &[Vec<(usize, f64)>]) -> (bool, Vec<usize>) {
    let n = adjacency.len();
    let degree: Vec<f64> = adjacency
        .iter()
        .enumerate()
        .map(|(i, a)| {
            a.iter()
                .map(|&(j, w)| if j == i { 2.0 * w } else { w })
                .sum()
        })
        .collect();
    let total: f64 = degree.iter().sum();
    let mut community: Vec<usize> = (0..n).collect();
    if total == 0.0 {
        return (false, community);
    }
    let mut community_degree = degree.clone();
    let mut moved_any = false;
    for _ in 0..100 {
        let mut moved = false;
        for i in 0..n {
            let current = community[i];
            // Weights from i to each neighbouring community.
            let mut links: Vec<(usize, f64)> = Vec::new();
            for &(j, w) in &adjacency[i] {
                if j == i {
                    continue;
                }
                let c = community[j];
                match links.iter_mut().find(|(k, _)| *k == c) {
                    Some((_, sum)) => *sum += w,
                    None => links.push((c, w)),
                }
            }
            community_degree[current] -= degree[i];
            let to_current = links
                .iter()
                .find(|(c, _)| *c == current)
                .map_or(0.0, |(_, w)| *w);
            let gain = |to: f64, c: usize| to - community_degree[c] * degree[i] / total;
            let mut best = current;
            let mut best_gain = gain(to_current, current);
            links.sort_by_key(|(c, _)| *c);
            for &(c, to) in &links {
                let g = gain(to, c);
                if g > best_gain + 1e-12 {
                    best = c;
                    best_gain = g;
                }
            }
            community_degree[best] += degree[i];
            if best != current {
                community[i] = best;
                moved = true;
                moved_any = true;
            }
        }
        if !moved {
            break;
        }
    }
    (moved_any, community)
}

#[cfg(test)]
mod tests {
    use super::super::RelationGraph;
    use super::*;
    use crate::store::{ActorRow, EdgeRow};

    fn graph(pairs: &[(i64, i64, u64)]) -> RelationGraph {
        let actor = |id: i64| ActorRow {
            id,
            name: format!("N{id:02}"),
            code: format!("C{id:02}"),
            kind: "country".into(),
            country: None,
        };
        let rows: Vec<EdgeRow> = pairs
            .iter()
            .map(|&(s, t, count)| EdgeRow {
                source: actor(s),
                target: actor(t),
                plover: "CONSULT".into(),
                quad_class: 1,
                count,
                documents: 1,
                first_date: None,
                last_date: None,
                mean_goldstein: 1.0,
                evidence: String::new(),
            })
            .collect();
        RelationGraph::from_edges(&rows)
    }

    #[test]
    fn pagerank_of_a_symmetric_cycle_is_uniform() {
        let g = graph(&[(1, 2, 1), (2, 3, 1), (3, 1, 1)]);
        let ranks = pagerank(&g, 0.85, 100, 1e-12);
        for r in &ranks {
            assert!((r - 1.0 / 3.0).abs() < 1e-9);
        }
    }

    #[test]
    fn pagerank_favours_the_actor_everyone_acts_on() {
        // 1, 2 and 3 all act on 4; weights count.
        let g = graph(&[(1, 4, 1), (2, 4, 1), (3, 4, 5), (3, 1, 1)]);
        let ranks = pagerank(&g, 0.85, 100, 1e-12);
        let sum: f64 = ranks.iter().sum();
        assert!((sum - 1.0).abs() < 1e-9);
        let top = (0..4)
            .max_by(|&a, &b| ranks[a].total_cmp(&ranks[b]))
            .unwrap();
        assert_eq!(g.graph[petgraph::graph::NodeIndex::new(top)].name, "N04");
    }

    #[test]
    fn louvain_separates_two_cliques_joined_by_one_edge() {
        let mut pairs = Vec::new();
        for (a, b) in [(1, 2), (1, 3), (2, 3), (4, 5), (4, 6), (5, 6)] {
            pairs.push((a, b, 5));
        }
        pairs.push((3, 4, 1));
        let g = graph(&pairs);
        let c = louvain(&g);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[1], c[2]);
        assert_eq!(c[3], c[4]);
        assert_eq!(c[4], c[5]);
        assert_ne!(c[0], c[3]);
        assert_eq!(c, louvain(&g), "deterministic");
    }

    #[test]
    fn louvain_keeps_isolated_pairs_apart() {
        let g = graph(&[(1, 2, 1), (3, 4, 1)]);
        let c = louvain(&g);
        assert_eq!(c, vec![0, 0, 1, 1]);
    }
}
