//! `wirelint trace` on the sample app.

use crate::wirelint;

#[test]
fn trace_marks_where_message_new_stalls() {
    let output = wirelint()
        .args(["trace", "message:new", "testdata/chatlite"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1), "a stalled event exits 1");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.contains("client emits \"message:new\""));
    assert!(text.contains("did you mean \"message:create\"?"));
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
    assert_eq!(step["status"], "broken");
    assert_eq!(step["file"], "testdata/chatlite/server/src/socket.ts");
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
