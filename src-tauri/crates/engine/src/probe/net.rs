//! The first two steps of every probe: resolve the host name, then open a TCP connection.
//! Doing them ourselves lets a failure say "DNS" or "refused" instead of a client's
//! generic transport error.

use std::time::Duration;

use tokio::net::TcpStream;

use super::{FailureKind, ProbeFailure};

pub(crate) const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

pub(crate) async fn connect(host: &str, port: u16) -> Result<TcpStream, ProbeFailure> {
    let addrs: Vec<_> =
        match tokio::time::timeout(CONNECT_TIMEOUT, tokio::net::lookup_host((host, port))).await {
            Ok(Ok(addrs)) => addrs.collect(),
            Ok(Err(err)) => {
                return Err(ProbeFailure::new(
                    FailureKind::Dns,
                    format!(
                        "Cannot resolve the host name '{host}' ({err}). Check the spelling, your DNS or VPN."
                    ),
                ))
            }
            Err(_) => {
                return Err(ProbeFailure::new(
                    FailureKind::Dns,
                    format!(
                        "Resolving '{host}' took longer than {} s. Check your DNS or VPN.",
                        CONNECT_TIMEOUT.as_secs()
                    ),
                ))
            }
        };
    let mut last = None;
    for addr in &addrs {
        match tokio::time::timeout(CONNECT_TIMEOUT, TcpStream::connect(addr)).await {
            Ok(Ok(stream)) => return Ok(stream),
            Ok(Err(err)) if err.kind() == std::io::ErrorKind::ConnectionRefused => {
                last = Some(ProbeFailure::new(
                    FailureKind::Refused,
                    format!(
                        "Nothing is listening on {host}:{port} (connection refused). Is the service running, and is this its port?"
                    ),
                ));
            }
            Ok(Err(err)) => {
                last = Some(ProbeFailure::new(
                    FailureKind::Refused,
                    format!("Cannot connect to {host}:{port} ({addr}): {err}."),
                ));
            }
            Err(_) => {
                last = Some(ProbeFailure::new(
                    FailureKind::Timeout,
                    format!(
                        "{host}:{port} did not accept a connection within {} s: a firewall may drop the packets, or the host is down.",
                        CONNECT_TIMEOUT.as_secs()
                    ),
                ));
            }
        }
    }
    Err(last.unwrap_or_else(|| {
        ProbeFailure::new(FailureKind::Dns, format!("The host name '{host}' resolved to no address."))
    }))
}
