//! `wirelint trace` on the sample app.

use crate::{wirelint, write};

#[test]
fn trace_marks_where_message_new_stalls() {
    let output = wirelint()
        .args(["trace", "message:new", "testdata/chatlite"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1), "a stalled event exits 1");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.contains("client emits \"message:new\""));
    assert!(text.contains("rename the emitted \"message:new\" to \"message:create\""));
    assert!(text.contains("<- the message stalls here"));
    assert!(text.contains("+  socket.emit(\"message:create\""));
    assert!(text.contains("How to verify"));
    insta::assert_snapshot!("trace_chatlite_message_new", text);
}

#[test]
fn trace_json_is_the_same_as_data() {
    let output = wirelint()
        .args([
            "trace",
            "message:new",
            "--format",
            "json",
            "testdata/chatlite",
        ])
        .output()
        .expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["event"], "message:new");
    let stall = doc["stall"].as_u64().expect("a stall");
    let step = &doc["steps"][(stall - 1) as usize];
    // No handler receives it: the step is missing, with no location of its own.
    assert_eq!(step["status"], "missing");
    assert!(step.get("file").is_none(), "{step}");
    assert_eq!(step["direction"], "client → server");
    assert!(
        doc["patch"]
            .as_str()
            .is_some_and(|p| p.contains("message:create"))
    );
}

#[test]
fn a_wired_event_traces_clean() {
    let output = wirelint()
        .args(["trace", "conversation:join", "testdata/chatlite"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.contains("ack `callback` answers the caller"));
    assert!(text.contains("nothing stalls"));
}

#[test]
fn an_unknown_event_lists_close_names() {
    let output = wirelint()
        .args(["trace", "mesage:new", "testdata/chatlite"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("did you mean \"message:new\""), "{stderr}");
}

#[test]
fn a_missing_handler_is_missing_and_later_steps_are_grouped_by_direction() {
    let output = wirelint()
        .args(["trace", "message:new", "testdata/chatlite"])
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(
        text.contains("[MISSING] server handler for \"message:new\" (nowhere in this project)"),
        "{text}"
    );
    // The server's own "message:new" to the clients is another path, under its heading.
    let client_to_server = text.find("client → server:").expect("a heading");
    let server_to_client = text.find("server → client:").expect("a heading");
    assert!(client_to_server < server_to_client, "{text}");
    // The test it proposes declares what it uses.
    assert!(text.contains("const port = "), "{text}");
    assert!(text.contains("const payload = {}; // fill in"), "{text}");
}

#[test]
fn several_namespaces_ask_for_one_and_steps_are_not_repeated() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "client/src/index.ts",
        "import { io } from \"socket.io-client\";\nconst chat = io(\"http://localhost:3000/chat\");\nconst admin = io(\"http://localhost:3000/admin\");\nchat.emit(\"hello\", 1);\nchat.emit(\"hello\", 2);\nadmin.emit(\"hello\", 3);\n",
    );
    write(
        dir.path(),
        "server/src/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server(3000);\nio.of(\"/chat\").on(\"connection\", (socket) => {\n  socket.on(\"hello\", (n: number) => console.log(n));\n});\nio.of(\"/admin\").on(\"connection\", (socket) => {\n  socket.on(\"hello\", (n: number) => console.log(n));\n});\n",
    );
    let project = dir.path().to_str().expect("utf-8 path");
    let output = wirelint()
        .args(["trace", "hello", project])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("\"/admin\", \"/chat\""), "{stderr}");
    assert!(stderr.contains("--namespace"), "{stderr}");

    let output = wirelint()
        .args(["trace", "hello", "--namespace", "/chat", project])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).expect("utf-8");
    // Two emits reach one handler: the handler is one step.
    assert_eq!(
        text.matches("server handler for \"hello\" runs").count(),
        1,
        "{text}"
    );
}

#[test]
fn graph_and_trace_accept_no_cache_as_check_does() {
    // Users paste `check`'s flags; these commands keep no cache, so it changes nothing.
    let traced = wirelint()
        .args(["trace", "--no-cache", "message:new", "testdata/chatlite"])
        .output()
        .expect("runs");
    assert_eq!(
        traced.status.code(),
        Some(1),
        "it stalls, as without the flag"
    );
    let graphed = wirelint()
        .args(["graph", "--no-cache", "testdata/chatlite"])
        .output()
        .expect("runs");
    assert_eq!(graphed.status.code(), Some(0));
}

#[test]
fn a_nest_handler_is_traced_by_its_gateway_method_and_its_returns() {
    let output = wirelint()
        .args([
            "trace",
            "room:join",
            "testdata/ack-not-on-all-paths/fires-nest-handler-returns-nothing",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1), "a stalled event exits 1");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.contains("server handler `RoomsGateway.join` for \"room:join\" runs"));
    assert!(text.contains("returns `undefined` here: a returned `undefined` sends no ack"));
    assert!(text.contains("the returned value answers the caller as the ack"));
    let graph = wirelint()
        .args([
            "graph",
            "--format",
            "mermaid",
            "testdata/ack-not-on-all-paths/fires-nest-handler-returns-nothing",
        ])
        .output()
        .expect("runs");
    let graph = String::from_utf8(graph.stdout).expect("utf-8");
    assert!(graph.contains("rooms.gateway.ts:19 RoomsGateway.join\"]"));
}

/// The NestJS sample reports its four seeded bugs, and the findings that follow from them.
#[test]
fn the_nest_chat_sample_reports_its_seeded_bugs() {
    let output = wirelint()
        .args([
            "check",
            "--no-cache",
            "--format",
            "compact",
            "testdata/nest-chat",
        ])
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    for seeded in [
        "error [ack-not-on-all-paths] the client waits for an ack on \"message:send\"",
        "error [event-name-mismatch] \"typing:shown\"",
        "error [nest-ack-parameter] `ack` is not the ack",
        "warning [gateway-not-provided] no `@Module` lists `ReportsGateway`",
    ] {
        assert!(text.contains(seeded), "missing: {seeded}\n{text}");
    }
    insta::assert_snapshot!("check_nest_chat", text);
}

/// `trace` on the Tauri sample: its text, and whether it stalls.
fn trace_tauri(name: &str, dir: &str) -> (Option<i32>, String) {
    let output = wirelint()
        .args(["trace", name, "--no-cache", dir])
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    (output.status.code(), text)
}

#[test]
fn a_tauri_invoke_is_traced_to_its_command_its_channel_and_back() {
    let (code, text) = trace_tauri("export_notes", "testdata/tauri-notes");
    assert_eq!(code, Some(0), "{text}");
    for step in [
        "trace of the Tauri command \"export_notes\"",
        "webview → Rust core:",
        "the webview invokes \"export_notes\" and awaits the result (testdata/tauri-notes/src/components/ExportButton.tsx:24:11)",
        "registered in a live `generate_handler!` (testdata/tauri-notes/src-tauri/src/lib.rs:33:13)",
        "the command `fn export_notes` runs (async: off the main thread) (testdata/tauri-notes/src-tauri/src/commands/export.rs:17:14)",
        "`onProgress` → `on_progress`",
        "Rust core → webview:",
        "`on_progress.send(..)` sends a message on the Channel (testdata/tauri-notes/src-tauri/src/commands/export.rs:30:13)",
        "streams messages through Channel `onProgress` → `onProgress.onmessage` (testdata/tauri-notes/src/components/ExportButton.tsx:23:5)",
        "resolves the invoke with `String`",
        "an `Err` rejects it with the serialized `String`, thrown at the webview's `await`",
        "tauri::test::get_ipc_response",
    ] {
        assert!(text.contains(step), "{step}\n{text}");
    }
    // Tauri's words, never Socket.IO's.
    for word in ["namespace", "ack", "server", "client", "socket"] {
        assert!(!text.contains(word), "{word}\n{text}");
    }
    insta::assert_snapshot!("trace_tauri_export_notes", text);
}

#[test]
fn a_tauri_invoke_stalls_where_check_reports_it() {
    // Through the `call` wrapper, a snake_case key the command reads as `userId`.
    let (code, text) = trace_tauri("list_notes", "testdata/tauri-notes");
    assert_eq!(code, Some(1));
    assert!(text.contains("through the wrapper's invoke, which awaits the result"));
    assert!(text.contains(
        "[BROKEN] the argument object (testdata/tauri-notes/src/api/commands.ts:19:10)  <- the message stalls here"
    ));
    assert!(text.contains("+  return call<Note[]>(\"list_notes\", { userId: user_id });"));
    // A command no live `generate_handler!` lists: missing, with check's reason.
    let (code, text) = trace_tauri("archive_note", "testdata/tauri-notes");
    assert_eq!(code, Some(1));
    assert!(text.contains("[MISSING] the command \"archive_note\" in a live `generate_handler!`"));
    assert!(text.contains("Command archive_note not found"));
    // The second `get_theme` of the live list is never reached.
    let (code, text) = trace_tauri("get_theme", "testdata/tauri-notes");
    assert_eq!(code, Some(1));
    assert!(text.contains("[BROKEN] registered in a live `generate_handler!` (testdata/tauri-notes/src-tauri/src/lib.rs:36:13)"));
    // A plain function where the command takes a Channel.
    let (code, text) = trace_tauri(
        "backup",
        "testdata/command-args-mismatch/fires-function-for-a-channel",
    );
    assert_eq!(code, Some(1));
    assert!(text.contains("JSON, which drops functions"), "{text}");
}

#[test]
fn a_tauri_event_is_traced_in_tauri_words_and_as_json() {
    let (code, text) = trace_tauri("note-saved", "testdata/tauri-notes");
    assert_eq!(code, Some(0));
    assert!(text.contains("trace of the Tauri event \"note-saved\""));
    assert!(text.contains("Rust core → webview:"));
    assert!(text.contains("the Rust core emits \"note-saved\""));
    assert!(text.contains("the webview listens for \"note-saved\" and runs the listener"));
    for word in ["namespace", "server", "client", "handler"] {
        assert!(!text.contains(word), "{word}\n{text}");
    }
    let output = wirelint()
        .args([
            "trace",
            "app-ready",
            "--format",
            "json",
            "--no-cache",
            "testdata/tauri-notes",
        ])
        .output()
        .expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(doc["transport"], "Tauri event");
    assert_eq!(doc["namespace"], serde_json::Value::Null);
    assert_eq!(doc["steps"][0]["direction"], "webview → Rust core");
    assert_eq!(
        doc["steps"][1]["file"],
        "testdata/tauri-notes/src-tauri/src/lib.rs"
    );
}

#[test]
fn graph_draws_tauri_commands_and_events() {
    let graph = |format: &str| {
        let output = wirelint()
            .args([
                "graph",
                "--format",
                format,
                "--no-cache",
                "testdata/tauri-notes",
            ])
            .output()
            .expect("runs");
        String::from_utf8(output.stdout).expect("utf-8")
    };
    let dot = graph("dot");
    assert!(dot.contains("label=\"command export_notes (webview to Rust core)\""));
    assert!(dot.contains(
        "\"testdata/tauri-notes/src/components/ExportButton.tsx:24\" -> e6 [label=\"webview invoke\"];"
    ));
    assert!(dot.contains(
        "e6 -> \"testdata/tauri-notes/src-tauri/src/lib.rs:33 → fn at testdata/tauri-notes/src-tauri/src/commands/export.rs:17\" [label=\"Rust core command\"];"
    ));
    assert!(dot.contains("label=\"event note-saved (Rust core to webview)\""));
    assert!(dot.contains("[label=\"webview listener\"]"));
    assert!(!dot.contains("client") && !dot.contains("server"), "{dot}");
    let json: serde_json::Value = serde_json::from_str(&graph("json")).expect("json");
    let events = json["events"].as_array().expect("events");
    let export = events
        .iter()
        .find(|e| e["event"] == "export_notes")
        .expect("export_notes");
    assert_eq!(export["transport"], "tauri-command");
    assert_eq!(
        export["handlers"][0]["command"]["file"],
        "testdata/tauri-notes/src-tauri/src/commands/export.rs"
    );
    let saved = events
        .iter()
        .find(|e| e["event"] == "note-saved")
        .expect("note-saved");
    assert_eq!(saved["transport"], "tauri-event");
}

#[test]
fn a_name_computed_at_runtime_on_the_other_end_is_no_stall() {
    // The core emits names it computes (`notify(app, kind)`): check reports neither end,
    // so trace shows no stall on either.
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "src/App.ts",
        "import { listen, emit } from \"@tauri-apps/api/event\";\nlisten(\"profile-changed\", () => {});\nemit(\"window-shown\");\n",
    );
    write(
        dir.path(),
        "src-tauri/src/lib.rs",
        "use tauri::{AppHandle, Emitter, Listener};\n\npub fn notify(app: &AppHandle, kind: &str) {\n    app.emit(kind, ()).ok();\n}\n\npub fn follow(app: &AppHandle, kind: String) {\n    app.listen(kind, |_| {});\n}\n",
    );
    let project = dir.path().to_str().expect("utf-8 path");
    let checked = wirelint()
        .args(["check", "--no-cache", "--format", "compact", project])
        .output()
        .expect("runs");
    let checked = String::from_utf8(checked.stdout).expect("utf-8");
    assert!(!checked.contains("unmatched"), "{checked}");
    for (name, step) in [
        (
            "profile-changed",
            "[ok] webview listener for \"profile-changed\": no emit here names it, but it may come from code not seen here",
        ),
        (
            "window-shown",
            "[ok] no Rust core listener names \"window-shown\", but one whose name is not known here may take it\n",
        ),
    ] {
        let output = wirelint()
            .args(["trace", name, "--no-cache", project])
            .output()
            .expect("runs");
        let text = String::from_utf8(output.stdout).expect("utf-8");
        assert_eq!(output.status.code(), Some(0), "{text}");
        assert!(text.contains(step), "{text}");
    }
}
