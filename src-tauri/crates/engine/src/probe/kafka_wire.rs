//! A minimal Kafka wire check: send an ApiVersions v0 request on a fresh TCP connection
//! and look at what comes back. It tells a Kafka broker from a TLS listener, an HTTP
//! server or something else, before librdkafka's retries blur the answer.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const API_VERSIONS_KEY: i16 = 18;
const CORRELATION_ID: i32 = 0x5354_524C; // "STRL"
const CLIENT_ID: &[u8] = b"streamlens-probe";
const READ_TIMEOUT: Duration = Duration::from_secs(5);

/// What answered on the port.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum WireAnswer {
    /// A Kafka broker; the number of APIs it advertised.
    Kafka { api_count: usize },
    /// A TLS server (it sent a TLS alert record in reply to plaintext).
    Tls,
    /// An HTTP server.
    Http,
    /// It closed the connection without a word.
    Closed,
    /// It said nothing within the timeout.
    Silent,
    /// It answered with bytes that are not a Kafka response.
    Other,
}

pub(crate) fn api_versions_request() -> Vec<u8> {
    let mut body = Vec::with_capacity(32);
    body.extend_from_slice(&API_VERSIONS_KEY.to_be_bytes());
    body.extend_from_slice(&0i16.to_be_bytes()); // api version 0: every broker answers it
    body.extend_from_slice(&CORRELATION_ID.to_be_bytes());
    body.extend_from_slice(&(CLIENT_ID.len() as i16).to_be_bytes());
    body.extend_from_slice(CLIENT_ID);
    let mut frame = Vec::with_capacity(body.len() + 4);
    frame.extend_from_slice(&(body.len() as i32).to_be_bytes());
    frame.extend_from_slice(&body);
    frame
}

/// Classifies the first bytes a server sent back in reply to [`api_versions_request`].
pub(crate) fn classify(reply: &[u8]) -> WireAnswer {
    if reply.is_empty() {
        return WireAnswer::Closed;
    }
    if reply.starts_with(b"HTTP/") {
        return WireAnswer::Http;
    }
    // A TLS record: content type alert (21) or handshake (22), then version 3.x.
    if reply.len() >= 2 && matches!(reply[0], 21 | 22) && reply[1] == 3 {
        return WireAnswer::Tls;
    }
    if reply.len() < 14 {
        return WireAnswer::Other;
    }
    let size = i32::from_be_bytes([reply[0], reply[1], reply[2], reply[3]]);
    let correlation = i32::from_be_bytes([reply[4], reply[5], reply[6], reply[7]]);
    if correlation != CORRELATION_ID || !(10..=1 << 20).contains(&size) {
        return WireAnswer::Other;
    }
    // error_code (i16) then the api array length (i32).
    let count = i32::from_be_bytes([reply[10], reply[11], reply[12], reply[13]]);
    WireAnswer::Kafka { api_count: usize::try_from(count).unwrap_or(0) }
}

pub(crate) async fn check(stream: &mut TcpStream) -> WireAnswer {
    if stream.write_all(&api_versions_request()).await.is_err() {
        return WireAnswer::Closed;
    }
    let mut reply = [0u8; 64];
    let mut filled = 0;
    // Enough bytes to classify: 14 for a Kafka header, fewer for the others.
    while filled < 14 {
        match tokio::time::timeout(READ_TIMEOUT, stream.read(&mut reply[filled..])).await {
            Ok(Ok(0)) | Ok(Err(_)) => break,
            Ok(Ok(n)) => filled += n,
            Err(_) if filled == 0 => return WireAnswer::Silent,
            Err(_) => break,
        }
    }
    classify(&reply[..filled])
}

/// Asks the port a minimal HTTP question on a fresh connection: some HTTP servers wait
/// silently for a line end that a Kafka request never sends.
pub(crate) async fn answers_http(host: &str, port: u16) -> bool {
    let Ok(Ok(mut stream)) = tokio::time::timeout(READ_TIMEOUT, TcpStream::connect((host, port))).await
    else {
        return false;
    };
    let request = format!("HEAD / HTTP/1.0\r\nHost: {host}\r\n\r\n");
    if stream.write_all(request.as_bytes()).await.is_err() {
        return false;
    }
    let mut reply = [0u8; 5];
    matches!(
        tokio::time::timeout(READ_TIMEOUT, stream.read_exact(&mut reply)).await,
        Ok(Ok(_)) if &reply == b"HTTP/"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_frame_has_its_length_prefix() {
        let frame = api_versions_request();
        let size = i32::from_be_bytes([frame[0], frame[1], frame[2], frame[3]]) as usize;
        assert_eq!(size, frame.len() - 4);
        assert_eq!(&frame[4..6], &18i16.to_be_bytes());
    }

    #[test]
    fn replies_are_told_apart() {
        let mut kafka = Vec::new();
        kafka.extend_from_slice(&100i32.to_be_bytes());
        kafka.extend_from_slice(&CORRELATION_ID.to_be_bytes());
        kafka.extend_from_slice(&0i16.to_be_bytes());
        kafka.extend_from_slice(&3i32.to_be_bytes());
        assert_eq!(classify(&kafka), WireAnswer::Kafka { api_count: 3 });
        assert_eq!(classify(b"HTTP/1.1 400 Bad Request\r\n"), WireAnswer::Http);
        assert_eq!(classify(&[21, 3, 3, 0, 2, 2, 50]), WireAnswer::Tls);
        assert_eq!(classify(b""), WireAnswer::Closed);
        assert_eq!(classify(b"-ERR unknown command 'x'\r\n"), WireAnswer::Other);
        kafka[4] = 0; // wrong correlation id
        assert_eq!(classify(&kafka), WireAnswer::Other);
    }
}
