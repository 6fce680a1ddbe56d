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
