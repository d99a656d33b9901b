//! A minimal blocking HTTP/1.1 client over `std::net` (one request per
//! connection), enough for loopback tests and load generators.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct HttpAnswer {
    pub status: u16,
    /// Header lines, lower-cased names.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// From sending the request to the first byte of the answer.
    pub time_to_first_byte: Duration,
}

impl HttpAnswer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(header_name, _)| header_name == name).map(|(_, value)| value.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

#[derive(Debug)]
pub enum HttpClientError {
    Io(std::io::Error),
    Malformed(String),
}

impl std::fmt::Display for HttpClientError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Io(error) => write!(formatter, "http i/o error: {error}"),
            Self::Malformed(message) => write!(formatter, "malformed http answer: {message}"),
        }
    }
}

impl std::error::Error for HttpClientError {}

impl From<std::io::Error> for HttpClientError {
    fn from(error: std::io::Error) -> Self {
        Self::Io(error)
    }
}

/// Sends one request and reads the whole answer (the server closes the connection).
pub fn http_request(
    address: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<HttpAnswer, HttpClientError> {
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    let started = Instant::now();
    stream.write_all(request.as_bytes())?;
    stream.write_all(body)?;
    let mut first_byte = [0_u8; 1];
    stream.read_exact(&mut first_byte)?;
    let time_to_first_byte = started.elapsed();
    let mut raw = first_byte.to_vec();
    stream.read_to_end(&mut raw)?;
    let mut answer = parse_answer(&raw)?;
    answer.time_to_first_byte = time_to_first_byte;
    Ok(answer)
}

fn parse_answer(raw: &[u8]) -> Result<HttpAnswer, HttpClientError> {
    let header_end = raw
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .ok_or_else(|| HttpClientError::Malformed("no end of headers".into()))?;
    let head = String::from_utf8_lossy(&raw[..header_end]);
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| HttpClientError::Malformed(format!("bad status line {status_line:?}")))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let raw_body = &raw[header_end + 4..];
    let is_chunked = headers.iter().any(|(name, value)| name == "transfer-encoding" && value.contains("chunked"));
    let body = if is_chunked { decode_chunked(raw_body)? } else { raw_body.to_vec() };
    Ok(HttpAnswer { status, headers, body, time_to_first_byte: Duration::ZERO })
}

fn decode_chunked(mut raw: &[u8]) -> Result<Vec<u8>, HttpClientError> {
    let mut body = Vec::new();
    loop {
        let line_end = raw
            .windows(2)
            .position(|window| window == b"\r\n")
            .ok_or_else(|| HttpClientError::Malformed("bad chunk header".into()))?;
        let size_text = String::from_utf8_lossy(&raw[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| HttpClientError::Malformed(format!("bad chunk size {size_text:?}")))?;
        raw = &raw[line_end + 2..];
        if size == 0 {
            return Ok(body);
        }
        if raw.len() < size + 2 {
            return Err(HttpClientError::Malformed("truncated chunk".into()));
        }
        body.extend_from_slice(&raw[..size]);
        raw = &raw[size + 2..];
    }
}
