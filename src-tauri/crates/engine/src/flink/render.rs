//! The job graph outside the app: as indented text for a terminal, as Graphviz DOT, and as
//! a self-contained SVG laid out left to right (layers by longest path from the sources,
//! order within a layer by the mean position of the inputs).

use std::collections::HashMap;
use std::fmt::Write as _;

use super::model::{GraphVertex, JobGraph};

const COLUMN: f64 = 280.0;
const ROW: f64 = 96.0;
const BOX_W: f64 = 220.0;
const BOX_H: f64 = 64.0;
const MARGIN: f64 = 24.0;

/// `vertex → (layer, row)`: a layered left-to-right placement.
pub fn layered_positions(graph: &JobGraph) -> HashMap<&str, (usize, usize)> {
    // Vertices are in topological order, so one pass gives the longest path.
    let mut layer: HashMap<&str, usize> = HashMap::new();
    for vertex in &graph.vertices {
        let depth = graph
            .edges
            .iter()
            .filter(|e| e.target == vertex.id)
            .filter_map(|e| layer.get(e.source.as_str()).map(|l| l + 1))
            .max()
            .unwrap_or(0);
        layer.insert(vertex.id.as_str(), depth);
    }
    let layers = layer.values().copied().max().map_or(0, |m| m + 1);
    let mut rows: HashMap<&str, usize> = HashMap::new();
    for l in 0..layers {
        let mut members: Vec<(&str, f64, usize)> = graph
            .vertices
            .iter()
            .enumerate()
            .filter(|(_, v)| layer[v.id.as_str()] == l)
            .map(|(i, v)| {
                let inputs: Vec<f64> = graph
                    .edges
                    .iter()
                    .filter(|e| e.target == v.id)
                    .filter_map(|e| rows.get(e.source.as_str()).map(|&r| r as f64))
                    .collect();
                let centre = if inputs.is_empty() {
                    i as f64
                } else {
                    inputs.iter().sum::<f64>() / inputs.len() as f64
                };
                (v.id.as_str(), centre, i)
            })
            .collect();
        members.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.2.cmp(&b.2)));
        for (row, (id, _, _)) in members.into_iter().enumerate() {
            rows.insert(id, row);
        }
    }
    graph.vertices.iter().map(|v| (v.id.as_str(), (layer[v.id.as_str()], rows[v.id.as_str()]))).collect()
}

/// The graph as text: one line per vertex in topological order, its chained operators
/// indented under it, and where its output goes.
pub fn to_text(graph: &JobGraph) -> String {
    let mut out = format!("{} ({}) — {}\n", graph.job.name, graph.job.id, graph.job.state);
    let names: HashMap<&str, &str> =
        graph.vertices.iter().map(|v| (v.id.as_str(), v.name.as_str())).collect();
    for vertex in &graph.vertices {
        let _ = writeln!(
            out,
            "[{}] {}  ×{}{}",
            short(&vertex.id),
            vertex.name,
            vertex.parallelism,
            status(vertex)
        );
        for op in vertex.operators.iter().filter(|o| o.depth > 0) {
            let _ = writeln!(out, "    {}+- {}", "   ".repeat(op.depth as usize - 1), op.name);
        }
        for edge in graph.edges.iter().filter(|e| e.source == vertex.id) {
            let target = names.get(edge.target.as_str()).copied().unwrap_or(&edge.target);
            let _ = writeln!(out, "    --{}--> [{}] {}", edge.ship_strategy, short(&edge.target), target);
        }
    }
    out
}

pub fn to_dot(graph: &JobGraph) -> String {
    let mut out = format!(
        "digraph \"{}\" {{\n  rankdir=LR;\n  node [shape=box, style=rounded];\n",
        escape(&graph.job.name)
    );
    for vertex in &graph.vertices {
        let ops: Vec<String> = vertex.operators.iter().map(|o| escape(&o.name)).collect();
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\\nparallelism {}\"];",
            vertex.id,
            ops.join("\\n+- "),
            vertex.parallelism
        );
    }
    for edge in &graph.edges {
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"];",
            edge.source,
            edge.target,
            escape(&edge.ship_strategy)
        );
    }
    out.push_str("}\n");
    out
}

pub fn to_svg(graph: &JobGraph) -> String {
    let positions = layered_positions(graph);
    let corner = |id: &str| {
        let (layer, row) = positions.get(id).copied().unwrap_or((0, 0));
        (MARGIN + layer as f64 * COLUMN, MARGIN + row as f64 * ROW)
    };
    let width = positions.values().map(|p| p.0).max().map_or(0.0, |m| (m + 1) as f64 * COLUMN) + 2.0 * MARGIN;
    let height = positions.values().map(|p| p.1).max().map_or(0.0, |m| (m + 1) as f64 * ROW) + 2.0 * MARGIN;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n<title>{}</title>\n",
        xml(&graph.job.name)
    );
    for edge in &graph.edges {
        let (sx, sy) = corner(&edge.source);
        let (tx, ty) = corner(&edge.target);
        let (x1, y1, x2, y2) = (sx + BOX_W, sy + BOX_H / 2.0, tx, ty + BOX_H / 2.0);
        let mid = (x1 + x2) / 2.0;
        let _ = writeln!(
            out,
            "<path d=\"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}\" fill=\"none\" stroke=\"#8a94a6\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#5b6475\" font-size=\"10\">{}</text>",
            mid,
            (y1 + y2) / 2.0 - 4.0,
            xml(&edge.ship_strategy)
        );
    }
    for vertex in &graph.vertices {
        let (x, y) = corner(&vertex.id);
        let _ = writeln!(
            out,
            "<g><rect x=\"{x}\" y=\"{y}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"8\" fill=\"#f4f6fa\" stroke=\"#3b82f6\"/><text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text><text x=\"{}\" y=\"{}\" fill=\"#5b6475\">parallelism {} · {} operator{}</text></g>",
            x + 10.0,
            y + 24.0,
            xml(&truncate(&vertex.name, 30)),
            x + 10.0,
            y + 46.0,
            vertex.parallelism,
            vertex.operators.len(),
            if vertex.operators.len() == 1 { "" } else { "s" }
        );
    }
    out.push_str("</svg>\n");
    out
}

fn status(vertex: &GraphVertex) -> String {
    vertex.status.as_ref().map(|s| format!("  {s}")).unwrap_or_default()
}

fn short(id: &str) -> &str {
    &id[..id.len().min(8)]
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
