//! `cargo xtask serve`: `dist`, then a tiny static file server for `dist/` on 127.0.0.1.
//!
//! GET and HEAD only, one thread per connection, no caching, `..` refused. Enough to open the
//! page in a browser; not meant for anything else.

use anyhow::{Context, Result};
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// Builds `dist/` and serves it until the process is stopped.
pub fn serve(port: u16) -> Result<()> {
    let dist = crate::dist::dist()?;
    let listener = TcpListener::bind(("127.0.0.1", port))
        .with_context(|| format!("cannot listen on 127.0.0.1:{port} (try --port N)"))?;
    println!(
        "serving {} at http://127.0.0.1:{}/ (Ctrl-C to stop)",
        dist.display(),
        listener.local_addr()?.port()
    );
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let dist = dist.clone();
        std::thread::spawn(move || {
            if let Err(e) = handle(stream, &dist) {
                eprintln!("serve: {e:#}");
            }
        });
    }
    Ok(())
}

fn handle(mut stream: TcpStream, dist: &Path) -> Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; nothing in them matters here.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        return respond(&mut stream, "405 Method Not Allowed", "text/plain", b"method not allowed\n", true);
    }
    let body_too = method == "GET";
    match resolve(dist, target) {
        Some(path) => match fs::read(&path) {
            Ok(bytes) => respond(&mut stream, "200 OK", mime(&path), &bytes, body_too),
            Err(_) => respond(&mut stream, "404 Not Found", "text/plain", b"not found\n", body_too),
        },
        None => respond(&mut stream, "404 Not Found", "text/plain", b"not found\n", body_too),
    }?;
    println!("{method} {target}");
    Ok(())
}

/// Maps a request target to a file under `dist`, or `None` when it would leave `dist`.
fn resolve(dist: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let mut out = dist.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    Some(out)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(stream: &mut TcpStream, status: &str, mime: &str, body: &[u8], body_too: bool) -> Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n\
         Connection: close\r\n\r\n",
        body.len()
    )?;
    if body_too {
        stream.write_all(body)?;
    }
    stream.flush()?;
    Ok(())
}
