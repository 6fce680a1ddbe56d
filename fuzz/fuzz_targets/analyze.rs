//! Bytes → discover → parse → extract → link → rules → reports, on a small project
//! whose socket.io server and clients give the fuzzed file something to link with.
//!
//! Input layout: the first byte picks the fuzzed file's kind (see `KINDS`); the rest
//! is that file's bytes (given as an editor's unsaved buffer, so they go through the
//! same binary and UTF-8 checks as a file on disk). When the rest contains `SPLIT`,
//! what follows it replaces a second file: `other.rs`, or `other.ts` when the first
//! file is Rust, so one input can wire a TS client to a Rust server or the reverse.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

const SPLIT: &[u8] = b"\n//@@wirelint-fuzz-split@@\n";
const KINDS: [&str; 9] = [
    "ts", "tsx", "js", "d.ts", "vue", "svelte", "rs", "mjs", "cts",
];

const SERVER_TS: &str = r#"import { Server } from "socket.io";
const io = new Server(3000);
const chat = io.of("/chat");
chat.use((socket, next) => next());
io.on("connection", (socket) => {
  socket.on("room:join", (room: string, ack: (ok: boolean) => void) => {
    socket.join(room);
    ack(true);
  });
  socket.on("message:send", async (text: string) => {
    socket.broadcast.emit("message:new", { text });
  });
  socket.emit("hello", 1, 2);
});
"#;

const CLIENT_TS: &str = r#"import { io } from "socket.io-client";
const socket = io("http://localhost:3000");
socket.on("message:new", (message: { text: string }) => console.log(message.text));
socket.emit("room:join", "general", (ok: boolean) => console.log(ok));
export async function send(text: string) {
  await socket.emitWithAck("message:send", text);
}
"#;

const SERVER_RS: &str = r#"use socketioxide::{extract::{AckSender, Data, SocketRef}, SocketIo};
#[derive(serde::Deserialize)]
struct Move { x: f64, y: f64 }
async fn on_connect(socket: SocketRef) {
    socket.on("cursor:move", async |Data(m): Data<Move>, ack: AckSender| {
        ack.send(&(m.x + m.y)).ok();
    });
    socket.emit("hello", &1).ok();
}
fn main() {
    let (_layer, io) = SocketIo::new_layer();
    io.ns("/", on_connect);
}
"#;

const OTHER_TS: &str = r#"import { io } from "socket.io-client";
const socket = io();
socket.emit("cursor:move", { x: 1, y: 2 });
"#;

/// The companion project, written once per fuzzing process.
fn root() -> &'static PathBuf {
    static ROOT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &ROOT
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            let root = dir.path().canonicalize().expect("tempdir path");
            for (rel, text) in [
                ("server/index.ts", SERVER_TS),
                ("client/app.ts", CLIENT_TS),
                ("server-rs/src/main.rs", SERVER_RS),
                ("fuzz/other.rs", SERVER_RS),
                ("fuzz/other.ts", OTHER_TS),
            ] {
                let path = root.join(rel);
                std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
                std::fs::write(path, text).expect("write");
            }
            (dir, root)
        })
        .1
}

fn split(bytes: &[u8]) -> (&[u8], Option<&[u8]>) {
    match bytes.windows(SPLIT.len()).position(|w| w == SPLIT) {
        Some(at) => (&bytes[..at], Some(&bytes[at + SPLIT.len()..])),
        None => (bytes, None),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let kind = KINDS[selector as usize % KINDS.len()];
    let (first, second) = split(rest);
    let root = root();
    let mut options = wirelint::Options {
        stdin: Some((root.join(format!("fuzz/input.{kind}")), first.to_vec())),
        ..Default::default()
    };
    if let Some(second) = second {
        let other = if kind == "rs" {
            "fuzz/other.ts"
        } else {
            "fuzz/other.rs"
        };
        options.overlay.insert(
            root.join(other),
            String::from_utf8_lossy(second).into_owned(),
        );
    }
    let analysis =
        wirelint::analyze_with(std::slice::from_ref(root), &options).expect("the project exists");
    // The library turns a front-end panic into a diagnostic; for the fuzzer it is a crash.
    assert!(
        !analysis.had_internal_error(),
        "a front-end crashed: {:?}",
        analysis
            .diagnostics
            .iter()
            .map(|d| &d.message)
            .collect::<Vec<_>>()
    );
    // Reports turn spans into lines and columns on the fuzzed text.
    let _ = wirelint::report::human::render(&analysis, false);
    let _ = wirelint::report::json::render(&analysis, &root.display().to_string());
    let _ = wirelint::report::sarif::render(&analysis);
    let _ = wirelint::report::compact::render(&analysis);
});
