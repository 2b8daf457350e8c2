//! The Confluent wire format: magic byte 0, a 4-byte big-endian schema id, then the
//! payload — for Protobuf preceded by the message-index array that says which message of
//! the schema file was written.

/// The schema id and what follows it, when `bytes` start with the magic byte.
pub fn confluent_frame(bytes: &[u8]) -> Option<(u32, &[u8])> {
    match bytes {
        [0, a, b, c, d, rest @ ..] => Some((u32::from_be_bytes([*a, *b, *c, *d]), rest)),
        _ => None,
    }
}

/// Frames `body` with the magic byte, `id` and, for Protobuf, the message-index array.
pub fn frame(id: u32, indexes: Option<&[i32]>, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 8);
    out.push(0);
    out.extend(id.to_be_bytes());
    match indexes {
        None => {}
        Some([0]) => out.push(0),
        Some(path) => {
            super::avro_encode::long(&mut out, i64::try_from(path.len()).unwrap_or(0));
            for &index in path {
                super::avro_encode::long(&mut out, i64::from(index));
            }
        }
    }
    out.extend(body);
    out
}

/// Why a payload is not in the wire format, said so a person recognises the data.
pub fn not_framed_reason(bytes: &[u8]) -> String {
    match bytes.first() {
        None => "the payload is empty".into(),
        Some(0) => format!("the payload has only {} bytes, too short for a schema id", bytes.len()),
        Some(&first) => {
            let looks = match first {
                b'{' | b'[' => ": this looks like plain JSON",
                b'"' => ": this looks like a JSON string",
                0x20..=0x7e => ": this looks like text",
                _ => "",
            };
            format!("magic byte {first:#04x}, not 0x00{looks}")
        }
    }
}

/// Splits a Protobuf payload into its message-index path and the message bytes.
/// The single byte 0 is the common shorthand for `[0]`, the first message of the file.
pub fn protobuf_indexes(body: &[u8]) -> Result<(Vec<i32>, &[u8]), String> {
    let mut pos = 0;
    let count = zigzag(body, &mut pos)?;
    if count == 0 {
        return Ok((vec![0], &body[pos..]));
    }
    if !(1..=100).contains(&count) {
        return Err(format!("the Protobuf message-index array claims {count} entries"));
    }
    let mut indexes = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    for _ in 0..count {
        let index = zigzag(body, &mut pos)?;
        indexes.push(
            i32::try_from(index).map_err(|_| format!("Protobuf message index {index} is out of range"))?,
        );
    }
    Ok((indexes, &body[pos..]))
}

fn zigzag(bytes: &[u8], pos: &mut usize) -> Result<i64, String> {
    let mut value: u64 = 0;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*pos).ok_or("the payload ends inside the Protobuf message-index array")?;
        *pos += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            #[allow(clippy::cast_possible_wrap)] // zig-zag decoding reinterprets the bits
            return Ok((value >> 1) as i64 ^ -((value & 1) as i64));
        }
    }
    Err("the Protobuf message-index array holds a varint longer than 10 bytes".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_and_message_indexes_are_read() {
        assert_eq!(confluent_frame(&[0, 0, 0, 1, 2, 9]), Some((258, &[9u8][..])));
        assert_eq!(confluent_frame(&[0, 0, 0]), None);
        assert_eq!(confluent_frame(b"{\"a\":1}"), None);
        assert!(not_framed_reason(b"{\"a\":1}").contains("0x7b, not 0x00: this looks like plain JSON"));
        assert_eq!(protobuf_indexes(&[0, 8, 1]), Ok((vec![0], &[8u8, 1][..])));
        // [1, 2] zig-zag encoded: count 2 -> 4, 1 -> 2, 2 -> 4
        assert_eq!(protobuf_indexes(&[4, 2, 4, 8]), Ok((vec![1, 2], &[8u8][..])));
        assert!(protobuf_indexes(&[4, 2]).is_err());
        assert!(protobuf_indexes(&[0xff]).is_err());
        let framed = frame(258, Some(&[1, 2]), &[8]);
        assert_eq!(
            confluent_frame(&framed).map(|(id, rest)| (id, protobuf_indexes(rest))),
            Some((258, Ok((vec![1, 2], &[8u8][..]))))
        );
        assert_eq!(frame(1, Some(&[0]), &[]), vec![0, 0, 0, 0, 1, 0]);
    }
}
