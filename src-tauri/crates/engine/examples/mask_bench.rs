//! In-process benchmark of the masking stage (docs/benchmarks.md, "Masking overhead"):
//! RECORDS synthetic web-shop events like `tests/bench/consume_vs_kcat.py`'s (compact JSON
//! of ~300 B with a customer name and e-mail address), each decoded, masked or not, and
//! written as a JSON line — what `streamlens consume --format jsonl` does per record,
//! without the broker. Runs ROUNDS rounds alternating unmasked (developer) and masked by
//! the built-in policy (support) and prints one JSON object with ns per record.
//!
//!   cargo run --release -p streamlens-engine --example mask_bench -- [RECORDS] [ROUNDS]

use std::time::Instant;

use streamlens_engine::access::policy::MaskingPolicy;
use streamlens_engine::browse::decode_stage::TopicDecoders;
use streamlens_engine::browse::export::ExportFormat;
use streamlens_engine::browse::mask::MaskStage;
use streamlens_engine::browse::record::{MessageRecord, TimestampKind};
use streamlens_engine::browse::DecodeStage;
use streamlens_engine::mask::{Masker, PseudonymKey};

const FIRST: [&str; 8] = ["Ana", "Chloé", "Dmitri", "José", "Léa", "Oliver", "Priya", "Tomás"];
const LAST: [&str; 8] = ["Brown", "Dubois", "Fernández", "Müller", "O'Connor", "Patel", "Rossi", "Tanaka"];

/// A small deterministic generator (xorshift), so both roles read the same records.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[(self.next() % list.len() as u64) as usize]
    }
}

fn message(rng: &mut Rng, i: u64) -> (Vec<u8>, Vec<u8>) {
    let (first, last) = (rng.pick(&FIRST), rng.pick(&LAST));
    let items: Vec<String> = (0..1 + rng.next() % 3)
        .map(|_| {
            let sku = 1000 + rng.next() % 8000;
            format!(
                r#"{{"sku":"SKU-{sku}","qty":{},"price":{}.{:02}}}"#,
                1 + rng.next() % 4,
                rng.next() % 250,
                rng.next() % 100
            )
        })
        .collect();
    let value = format!(
        r#"{{"event_id":"{:016x}","type":"{}","at":"2026-11-30T12:{:02}:{:02}.{:03}Z","customer":{{"id":"C-{:06}","name":"{first} {last}","email":"{}.{}@example.com","country":"DE"}},"items":[{}],"total":{}.{:02},"currency":"EUR","synthetic":true}}"#,
        rng.next(),
        rng.pick(&["created", "paid", "shipped", "cancelled"]),
        i % 60,
        (i / 60) % 60,
        i % 1000,
        rng.next() % 50_000,
        first.to_lowercase(),
        last.to_lowercase().replace('\'', ""),
        items.join(","),
        rng.next() % 1000,
        rng.next() % 100,
    );
    (format!("O-{i:08}").into_bytes(), value.into_bytes())
}

fn run(messages: &[(Vec<u8>, Vec<u8>)], mask: &mut MaskStage) -> (f64, usize, usize) {
    let mut decode = DecodeStage::new(None, TopicDecoders::default(), true);
    let writer = ExportFormat::Jsonl.writer("bench");
    let mut out = String::with_capacity(1 << 20);
    let (mut bytes, mut with_at) = (0, 0);
    let started = Instant::now();
    for (i, (key, value)) in messages.iter().enumerate() {
        let record = MessageRecord {
            partition: 0,
            offset: i as i64,
            timestamp: Some(1_764_500_000_000 + i as i64),
            timestamp_kind: TimestampKind::CreateTime,
            key: decode.key(Some(key)),
            value: decode.value(Some(value)),
            headers: Vec::new(),
            size_bytes: (key.len() + value.len()) as u32,
        };
        let record = mask.apply(record, &decode);
        writer.write(&mut out, &record);
        if out.len() > 1 << 19 {
            bytes += out.len();
            with_at += out.lines().filter(|l| l.contains('@')).count();
            out.clear();
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    bytes += out.len();
    with_at += out.lines().filter(|l| l.contains('@')).count();
    (elapsed * 1e9 / messages.len() as f64, bytes, with_at)
}

/// One piece of the masked path alone (PART=mask|bare|key|validate|gen), for
/// `perf stat -e instructions:u` when the machine is too busy for clocks.
fn part(messages: &[(Vec<u8>, Vec<u8>)], part: &str) -> usize {
    use streamlens_engine::mask::{find_all, Detector};
    let texts: Vec<&str> = messages.iter().filter_map(|(_, v)| std::str::from_utf8(v).ok()).collect();
    let policy = |text: &str| toml::from_str::<MaskingPolicy>(text).unwrap_or_default();
    let masker = |policy: MaskingPolicy| Masker::new(&policy, "bench", PseudonymKey::new(b"bench".to_vec()));
    let started = Instant::now();
    let result = match part {
        "mask" | "bare" => {
            let mut masker = match part {
                "mask" => masker(MaskingPolicy::default()),
                _ => masker(policy("builtin_rule = false")),
            }
            .unwrap_or_else(|e| panic!("{e}"));
            texts.iter().map(|t| masker.mask_json(t, &[], &mut Vec::new()).map_or(0, |m| m.len())).sum()
        }
        "gen" => 0,
        "key" => messages
            .iter()
            .filter_map(|(k, _)| std::str::from_utf8(k).ok())
            .map(|k| find_all(k, &Detector::ALL).len())
            .sum(),
        _ => texts.iter().filter(|t| serde_json::from_str::<serde::de::IgnoredAny>(t).is_ok()).count(),
    };
    eprintln!("{part}: {:.0} ns per record", started.elapsed().as_nanos() as f64 / texts.len() as f64);
    result
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let records: u64 = args.get(1).map_or(Ok(200_000), |a| a.parse())?;
    let rounds: usize = args.get(2).map_or(Ok(3), |a| a.parse())?;
    let mut rng = Rng(0x5eed);
    let messages: Vec<_> = (0..records).map(|i| message(&mut rng, i)).collect();
    let mean = messages.iter().map(|(_, v)| v.len()).sum::<usize>() / messages.len();
    if let Ok(name) = std::env::var("PART") {
        println!("{}", part(&messages, &name));
        return Ok(());
    }
    let (mut plain, mut masked) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let (ns, _, at) = run(&messages, &mut MaskStage::Unmasked);
        assert_eq!(at as u64, records, "the unmasked run shows every address");
        plain.push(ns);
        let masker = Masker::new(&MaskingPolicy::default(), "bench", PseudonymKey::new(b"bench".to_vec()))?;
        let (ns, _, at) = run(&messages, &mut MaskStage::masked(masker, "support", true));
        assert_eq!(at, 0, "the masked run shows no address");
        masked.push(ns);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (plain, masked) = (median(&mut plain), median(&mut masked));
    println!(
        "{}",
        serde_json::json!({
            "records": records, "rounds": rounds, "value_bytes_mean": mean,
            "ns_per_record_unmasked": plain.round(), "ns_per_record_masked": masked.round(),
            "mask_ns_per_record": (masked - plain).round(),
            "overhead_pct_of_this_loop": ((masked / plain - 1.0) * 1000.0).round() / 10.0,
        })
    );
    Ok(())
}
