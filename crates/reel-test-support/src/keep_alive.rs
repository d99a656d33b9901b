//! A persistent HTTP/1.1 connection (keep-alive), as browsers use: requests
//! go one after another over the same socket. Reconnects once if the server
//! closed an idle connection.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use crate::http_client::HttpClientError;

pub struct KeepAliveConnection {
    address: SocketAddr,
    reader: Option<BufReader<TcpStream>>,
}

impl KeepAliveConnection {
    pub fn new(address: SocketAddr) -> Self {
        Self { address, reader: None }
    }

    fn connect(&mut self) -> Result<&mut BufReader<TcpStream>, HttpClientError> {
        if self.reader.is_none() {
            let stream = TcpStream::connect_timeout(&self.address, Duration::from_secs(5))?;
            stream.set_read_timeout(Some(Duration::from_secs(60)))?;
            stream.set_nodelay(true)?;
            self.reader = Some(BufReader::new(stream));
        }
        self.reader.as_mut().ok_or_else(|| HttpClientError::Malformed("no connection".into()))
    }

    /// Sends a POST and returns the status code (the body is read and dropped).
    pub fn post(&mut self, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Result<u16, HttpClientError> {
        match self.try_post(path, headers, body) {
            Ok(status) => Ok(status),
            Err(_) => {
                self.reader = None;
                self.try_post(path, headers, body)
            }
        }
    }

    fn try_post(&mut self, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Result<u16, HttpClientError> {
        let address = self.address;
        let reader = self.connect()?;
        let mut request = format!("POST {path} HTTP/1.1\r\nHost: {address}\r\nContent-Length: {}\r\n", body.len());
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        let stream = reader.get_mut();
        stream.write_all(request.as_bytes())?;
        stream.write_all(body)?;
        let mut status_line = String::new();
        if reader.read_line(&mut status_line)? == 0 {
            return Err(HttpClientError::Malformed("connection closed".into()));
        }
        let status: u16 = status_line
            .split(' ')
            .nth(1)
            .and_then(|code| code.parse().ok())
            .ok_or_else(|| HttpClientError::Malformed(format!("bad status line {status_line:?}")))?;
        let mut content_length = 0_usize;
        let mut closes = false;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line)?;
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                let name = name.trim().to_ascii_lowercase();
                if name == "content-length" {
                    content_length = value.trim().parse().unwrap_or(0);
                } else if name == "connection" && value.trim().eq_ignore_ascii_case("close") {
                    closes = true;
                }
            }
        }
        let mut body_bytes = vec![0_u8; content_length];
        reader.read_exact(&mut body_bytes)?;
        if closes {
            self.reader = None;
        }
        Ok(status)
    }
}
