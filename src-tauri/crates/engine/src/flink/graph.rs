//! The job graph: vertices and edges from `/jobs/:jid/plan` (inputs with their ship
//! strategy, and the chained operators its HTML-ish `description` lists), joined with
//! `/jobs/:jid` for names, status and task counts. Vertices come in topological order.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

use super::client::{id_segment, FlinkClient};
use super::cluster::{parse_job_summary, task_counts};
use super::json::{count, field, flag, list, text};
use super::model::{ChainedOperator, GraphEdge, GraphVertex, JobGraph};
use crate::error::{Error, Result};

impl FlinkClient {
    pub async fn job_graph(&self, job: &str) -> Result<JobGraph> {
        let job = id_segment("job", job)?;
        let (detail_path, plan_path) = (format!("jobs/{job}"), format!("jobs/{job}/plan"));
        let (detail, plan) = tokio::try_join!(self.get(&detail_path), self.get(&plan_path))?;
        build_graph(&detail, &plan)
    }
}

pub(crate) fn build_graph(detail: &Value, plan: &Value) -> Result<JobGraph> {
    let plan = field(plan, &["plan"]).unwrap_or(plan);
    let nodes = field(plan, &["nodes"])
        .and_then(Value::as_array)
        .ok_or_else(|| Error::unavailable("Flink's job plan has no nodes."))?;
    let details: HashMap<String, &Value> =
        list(detail, &["vertices"]).iter().filter_map(|v| text(v, &["id"]).map(|id| (id, v))).collect();

    let mut vertices = Vec::with_capacity(nodes.len());
    let mut edges = Vec::new();
    for node in nodes {
        let Some(id) = text(node, &["id"]) else { continue };
        let vertex_detail = details.get(&id).copied();
        let name = vertex_detail
            .and_then(|d| text(d, &["name"]))
            .or_else(|| text(node, &["description"]).map(|d| chained_operators(&d, "")[0].name.clone()))
            .unwrap_or_else(|| id.clone());
        let description = text(node, &["description"]).unwrap_or_default();
        for input in list(node, &["inputs"]) {
            let Some(source) = text(input, &["id"]) else { continue };
            edges.push(GraphEdge {
                source,
                target: id.clone(),
                ship_strategy: text(input, &["ship_strategy", "ship-strategy"])
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "UNKNOWN".into()),
                exchange: text(input, &["exchange"]),
            });
        }
        vertices.push(GraphVertex {
            operators: chained_operators(&description, &name),
            parallelism: count(node, &["parallelism"])
                .or_else(|| vertex_detail.and_then(|d| count(d, &["parallelism"])))
                .unwrap_or(1),
            max_parallelism: vertex_detail.and_then(|d| count(d, &["maxParallelism", "max-parallelism"])),
            status: vertex_detail.and_then(|d| text(d, &["status"])),
            tasks: task_counts(vertex_detail.and_then(|d| field(d, &["tasks"]))),
            is_source: list(node, &["inputs"]).is_empty(),
            is_sink: false,
            name,
            id,
        });
    }
    let fed: BTreeSet<&str> = edges.iter().map(|e| e.source.as_str()).collect();
    for vertex in &mut vertices {
        vertex.is_sink = !fed.contains(vertex.id.as_str());
    }
    let vertices = topological(vertices, &edges);
    Ok(JobGraph {
        job: parse_job_summary(detail),
        job_type: text(detail, &["job-type", "jobType", "job_type"]).or_else(|| text(plan, &["type"])),
        is_stoppable: flag(detail, &["isStoppable", "is-stoppable"]),
        vertices,
        edges,
    })
}

/// Sources first, each vertex after its inputs (Kahn's algorithm, ties by plan order);
/// vertices on a cycle (never in a valid plan) keep their place at the end.
fn topological(vertices: Vec<GraphVertex>, edges: &[GraphEdge]) -> Vec<GraphVertex> {
    let index: HashMap<&str, usize> = vertices.iter().enumerate().map(|(i, v)| (v.id.as_str(), i)).collect();
    let mut indegree = vec![0usize; vertices.len()];
    let mut outputs: Vec<Vec<usize>> = vec![Vec::new(); vertices.len()];
    for edge in edges {
        if let (Some(&s), Some(&t)) = (index.get(edge.source.as_str()), index.get(edge.target.as_str())) {
            indegree[t] += 1;
            outputs[s].push(t);
        }
    }
    // Flink lists plan nodes sinks first: take the highest ready index so ties keep
    // source-to-sink order.
    let mut ready: BTreeSet<usize> = (0..vertices.len()).filter(|&i| indegree[i] == 0).collect();
    let mut order = Vec::with_capacity(vertices.len());
    while let Some(i) = ready.pop_last() {
        order.push(i);
        for &t in &outputs[i] {
            indegree[t] -= 1;
            if indegree[t] == 0 {
                ready.insert(t);
            }
        }
    }
    let placed: BTreeSet<usize> = order.iter().copied().collect();
    order.extend((0..vertices.len()).filter(|i| !placed.contains(i)));
    let mut slots: Vec<Option<GraphVertex>> = vertices.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// The operators of a chain from a plan description such as
/// `"validate-order<br/>+- event-time-watermarks<br/>"` (nested chains indent `+-` by
/// three spaces per level). Falls back to the vertex name split on `" -> "`.
pub(crate) fn chained_operators(description: &str, vertex_name: &str) -> Vec<ChainedOperator> {
    let normalized = description.replace("<br/>", "\n").replace("<br>", "\n").replace("<br />", "\n");
    let mut operators = Vec::new();
    for line in normalized.lines() {
        let line = decode_entities(line);
        let trimmed = line.trim_start();
        if trimmed.trim().is_empty() {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let (depth, name) = match trimmed.strip_prefix("+-") {
            Some(rest) => (1 + indent / 3, rest.trim()),
            None => (0, trimmed.trim()),
        };
        if !name.is_empty() {
            operators.push(ChainedOperator { name: name.to_string(), depth: depth as u32 });
        }
    }
    if operators.is_empty() {
        let name = if vertex_name.is_empty() { "(unnamed)" } else { vertex_name };
        operators = name
            .split(" -> ")
            .enumerate()
            .map(|(i, part)| ChainedOperator { name: part.trim().to_string(), depth: u32::from(i > 0) })
            .collect();
    }
    operators
}

fn decode_entities(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_nest_by_indent_and_decode_entities() {
        let ops = chained_operators("a &amp; b<br/>+- c<br/>   +- d &lt;x&gt;<br/>", "ignored");
        let got: Vec<(&str, u32)> = ops.iter().map(|o| (o.name.as_str(), o.depth)).collect();
        assert_eq!(got, vec![("a & b", 0), ("c", 1), ("d <x>", 2)]);
    }

    #[test]
    fn an_empty_description_falls_back_to_the_vertex_name() {
        let ops = chained_operators("", "Source: x -> Map -> Sink: y");
        let got: Vec<(&str, u32)> = ops.iter().map(|o| (o.name.as_str(), o.depth)).collect();
        assert_eq!(got, vec![("Source: x", 0), ("Map", 1), ("Sink: y", 1)]);
    }
}
