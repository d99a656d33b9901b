//! Step `decompress_body`: gunzip when the body is gzip, within the size limit.

use std::io::Read;

use flate2::read::GzDecoder;

use crate::{IngestLimits, IngestRejection, RejectionKind};

const STEP: &str = "decompress_body";
const GZIP_MAGIC_BYTES: [u8; 2] = [0x1f, 0x8b];

/// Returns the JSON bytes of the body, decompressed when it is gzip.
pub fn decompress_body(body: &[u8], declared_gzip: bool, limits: &IngestLimits) -> Result<Vec<u8>, IngestRejection> {
    if body.len() > limits.payload_bytes_max {
        return Err(payload_too_large(limits));
    }
    let looks_like_gzip = body.starts_with(&GZIP_MAGIC_BYTES);
    if !declared_gzip && !looks_like_gzip {
        return Ok(body.to_vec());
    }
    if !looks_like_gzip {
        return Err(IngestRejection::new(
            RejectionKind::CorruptGzip,
            STEP,
            "the body is declared gzip but does not start with the gzip header",
        ));
    }
    let read_limit = limits.payload_bytes_max as u64 + 1;
    let mut decoder = GzDecoder::new(body).take(read_limit);
    let mut decompressed = Vec::new();
    if let Err(error) = decoder.read_to_end(&mut decompressed) {
        return Err(IngestRejection::new(
            RejectionKind::CorruptGzip,
            STEP,
            format!("the gzip body could not be decompressed: {error}"),
        ));
    }
    if decompressed.len() > limits.payload_bytes_max {
        return Err(payload_too_large(limits));
    }
    Ok(decompressed)
}

fn payload_too_large(limits: &IngestLimits) -> IngestRejection {
    IngestRejection::new(
        RejectionKind::PayloadTooLarge,
        STEP,
        format!(
            "the body is larger than the limit of {} bytes (ingest.payload_bytes_max); send smaller batches",
            limits.payload_bytes_max
        ),
    )
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::{Compression, write::GzEncoder};

    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn plain_body_passes_through() {
        let output = decompress_body(b"{}", false, &IngestLimits::default()).unwrap();
        assert_eq!(output, b"{}");
    }

    #[test]
    fn gzip_is_detected_without_the_header() {
        let output = decompress_body(&gzip(b"{\"a\":1}"), false, &IngestLimits::default()).unwrap();
        assert_eq!(output, b"{\"a\":1}");
    }

    #[test]
    fn corrupt_gzip_is_rejected() {
        let mut body = gzip(b"{\"a\":1}");
        let middle = body.len() / 2;
        body.truncate(middle);
        let rejection = decompress_body(&body, true, &IngestLimits::default()).unwrap_err();
        assert_eq!(rejection.kind, RejectionKind::CorruptGzip);
    }

    #[test]
    fn decompression_bomb_is_too_large() {
        let limits = IngestLimits { payload_bytes_max: 1000, ..IngestLimits::default() };
        let body = gzip(&vec![b' '; 100_000]);
        assert!(body.len() < 1000);
        let rejection = decompress_body(&body, true, &limits).unwrap_err();
        assert_eq!(rejection.kind, RejectionKind::PayloadTooLarge);
        assert!(rejection.message.contains("1000 bytes"));
    }
}
