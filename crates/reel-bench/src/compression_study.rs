//! How well each codec stores the corpus: bytes per recorded minute and CPU
//! cost, per ~2 s batch (how peers store) and per 1-minute segment (how Reel
//! closes segments), plus zstd with a dictionary trained per project.

use std::io::Write;
use std::time::Instant;

use flate2::Compression;
use flate2::write::GzEncoder;

use crate::corpus::Corpus;
use crate::report::Report;

pub fn gzip6(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::new(6));
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

pub fn snappy(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    Ok(snap::raw::Encoder::new().compress_vec(bytes)?)
}

pub fn zstd3(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    Ok(zstd::bulk::compress(bytes, 3)?)
}

/// A codec under study; zstd keeps one context, as the server does.
enum Codec {
    Raw,
    Gzip6,
    Snappy,
    Zstd(i32, Box<zstd::bulk::Compressor<'static>>),
}

impl Codec {
    fn name(&self) -> String {
        match self {
            Self::Raw => "raw".into(),
            Self::Gzip6 => "gzip -6".into(),
            Self::Snappy => "snappy".into(),
            Self::Zstd(level, _) => format!("zstd -{level}"),
        }
    }

    fn compressed_length(&mut self, bytes: &[u8]) -> anyhow::Result<usize> {
        Ok(match self {
            Self::Raw => bytes.len(),
            Self::Gzip6 => gzip6(bytes)?.len(),
            Self::Snappy => snappy(bytes)?.len(),
            Self::Zstd(_, compressor) => compressor.compress(bytes)?.len(),
        })
    }
}

fn codecs() -> anyhow::Result<Vec<Codec>> {
    let mut all = vec![Codec::Raw, Codec::Gzip6, Codec::Snappy];
    for level in [1, 3, 9, 15, 19] {
        all.push(Codec::Zstd(level, Box::new(zstd::bulk::Compressor::new(level)?)));
    }
    Ok(all)
}

/// Groups consecutive batches into units of about `unit_ms` (1 batch ≈ 2 s).
fn units(corpus: &Corpus, batches_per_unit: usize) -> Vec<Vec<u8>> {
    let mut all_units = Vec::new();
    for recording in corpus.all() {
        for group in recording.batches_json(2_000).chunks(batches_per_unit) {
            let joined: Vec<u8> = group.join(&b","[..]);
            all_units.push(joined);
        }
    }
    all_units
}

struct Measurement {
    bytes: usize,
    seconds: f64,
}

fn measure(units: &[Vec<u8>], codec: &mut Codec) -> anyhow::Result<Measurement> {
    let started = Instant::now();
    let mut bytes = 0;
    for unit in units {
        bytes += codec.compressed_length(unit)?;
    }
    Ok(Measurement { bytes, seconds: started.elapsed().as_secs_f64() })
}

pub fn run(corpus: &Corpus, report: &mut Report) -> anyhow::Result<()> {
    let minutes: f64 = corpus.all().map(|recording| recording.duration_minutes()).sum();
    let raw_bytes: usize = corpus.all().map(|recording| recording.raw_bytes()).sum();
    let per_batch = units(corpus, 1);
    let per_minute = units(corpus, 30);
    let mut table = String::from(
        "## Compression study\n\nStored bytes per recorded minute for each codec, compressing each ~2 s SDK batch on its own \
         (how PostHog and Sentry store) or each 1-minute segment (how Reel's segment closer stores), and the compression speed \
         over the raw JSON. Same corpus and machine as above.\n\n\
         | codec | per batch: KB/min | per batch: MB/s | per 1-min segment: KB/min | per segment: MB/s |\n|---|---|---|---|---|\n",
    );
    let mut gzip_segment_bytes = 0;
    let mut chosen_segment = (0, 0.0);
    let mut zstd19_segment = (0, 0.0);
    for mut codec in codecs()? {
        let name = codec.name();
        let batch = measure(&per_batch, &mut codec)?;
        let segment = measure(&per_minute, &mut codec)?;
        match name.as_str() {
            "gzip -6" => gzip_segment_bytes = segment.bytes,
            "zstd -9" => chosen_segment = (segment.bytes, segment.seconds),
            "zstd -19" => zstd19_segment = (segment.bytes, segment.seconds),
            _ => {}
        }
        let speed = |measurement: &Measurement| raw_bytes as f64 / 1e6 / measurement.seconds.max(1e-9);
        table.push_str(&format!(
            "| {name} | {:.1} | {:.0} | {:.1} | {:.0} |\n",
            batch.bytes as f64 / 1e3 / minutes,
            speed(&batch),
            segment.bytes as f64 / 1e3 / minutes,
            speed(&segment)
        ));
    }
    let dictionary_row = dictionary_measurement(&per_batch, minutes)?;
    table.push_str(&dictionary_row);
    table.push_str(&format!(
        "\n**Choice.** Reel keeps each batch open at zstd -1 (request path, `ingest.chunk_zstd_level`) and closes them into \
         keyframe-aligned segments of up to a minute at zstd -9 (`segments.zstd_level`), off the request path. On this corpus a \
         1-minute zstd -9 segment is {:.2} x the size of a 1-minute gzip -6 segment (and far smaller than gzip -6 per batch, \
         the peers' layout); zstd -19 saves another {:.0} % but costs {:.0} x the CPU, so it is not the default. A per-project dictionary helps small per-batch frames most; segments are large enough that it is not used.\n",
        chosen_segment.0 as f64 / gzip_segment_bytes.max(1) as f64,
        100.0 * (1.0 - zstd19_segment.0 as f64 / chosen_segment.0.max(1) as f64),
        zstd19_segment.1 / chosen_segment.1.max(1e-9),
    ));
    report.add_section(table);
    Ok(())
}

/// zstd -3 per batch with a 64 KB dictionary trained on the other half of the batches.
fn dictionary_measurement(per_batch: &[Vec<u8>], minutes: f64) -> anyhow::Result<String> {
    let samples: Vec<&[u8]> = per_batch.iter().step_by(2).map(Vec::as_slice).collect();
    let measured: Vec<&Vec<u8>> = per_batch.iter().skip(1).step_by(2).collect();
    let dictionary = match zstd::dict::from_samples(&samples, 64 * 1024) {
        Ok(dictionary) => dictionary,
        Err(error) => return Ok(format!("| zstd -3 + dictionary | training failed: {error} | | | |\n")),
    };
    let mut compressor = zstd::bulk::Compressor::with_dictionary(3, &dictionary)?;
    let started = Instant::now();
    let mut bytes = 0;
    let mut raw = 0;
    for batch in &measured {
        bytes += compressor.compress(batch)?.len();
        raw += batch.len();
    }
    let seconds = started.elapsed().as_secs_f64().max(1e-9);
    // Only half the batches were measured: scale to the whole corpus.
    let scale = per_batch.iter().map(Vec::len).sum::<usize>() as f64 / raw.max(1) as f64;
    Ok(format!(
        "| zstd -3 + 64 KB dictionary (per batch; trained on the other half) | {:.1} | {:.0} | n/a | n/a |\n",
        bytes as f64 * scale / 1e3 / minutes,
        raw as f64 / 1e6 / seconds
    ))
}
