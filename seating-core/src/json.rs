//! Pretty JSON text from compact JSON text.
//!
//! `serde_json::to_string_pretty` instantiates every `Serialize` impl a second time (for its
//! pretty formatter), next to the compact copy the JS API and autosave use; in the web
//! page's WASM that doubles the serialisation code of the scenario and plan types. So the
//! documents are written compact once and re-indented here, byte for byte as serde_json's
//! `PrettyFormatter` writes them: two-space indent, `": "` after keys, `[]` and `{}` for
//! empty containers.

/// Re-indents compact JSON (as `serde_json::to_string` writes it: no white space outside
/// strings) the way `serde_json::to_string_pretty` would have written the same value.
pub(crate) fn pretty(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut start = 0; // start of the bytes not yet copied to `out`
    let mut i = 0;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // Skip the string, escapes included; its bytes are copied as they are.
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                continue;
            }
            b'{' | b'[' => {
                out.push_str(&compact[start..=i]);
                if matches!(bytes.get(i + 1), Some(b'}' | b']')) {
                    out.push(bytes[i + 1] as char);
                    i += 2;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                    i += 1;
                }
            }
            b'}' | b']' => {
                out.push_str(&compact[start..i]);
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(bytes[i] as char);
                i += 1;
            }
            b',' => {
                out.push_str(&compact[start..=i]);
                newline(&mut out, depth);
                i += 1;
            }
            b':' => {
                out.push_str(&compact[start..=i]);
                out.push(' ');
                i += 1;
            }
            _ => {
                i += 1;
                continue;
            }
        }
        start = i;
    }
    out.push_str(&compact[start.min(compact.len())..]);
    out
}

#[cfg(test)]
mod tests {
    use super::pretty;
    use serde_json::{json, Value};

    fn same_as_serde(v: &Value) {
        let compact = serde_json::to_string(v).unwrap();
        assert_eq!(pretty(&compact), serde_json::to_string_pretty(v).unwrap(), "for {compact}");
    }

    #[test]
    fn matches_serde_json_pretty_formatter() {
        same_as_serde(&json!(null));
        same_as_serde(&json!(12.5));
        same_as_serde(&json!("a \"quoted\" {[,:]} \\ string\n"));
        same_as_serde(&json!([]));
        same_as_serde(&json!({}));
        same_as_serde(&json!([[], {}, [[]], {"a": {}}]));
        same_as_serde(&json!({"format": "seating/1", "people": [
            {"id": "p1", "name": "王建国", "rank": 1, "tags": [], "note": "a:b,c\\"},
            {"id": "p2", "name": "李\u{1}", "rank": null, "x": -1e-7}
        ], "hall": {"rows": 8, "aisles": [5, 15]}}));
    }

    #[test]
    fn scenario_and_plan_documents_match_serde_json() {
        for text in
            [include_str!("../../examples/hall-congress.json"), include_str!("../../examples/banquet.json")]
        {
            let s = crate::Scenario::from_json(text).unwrap();
            let p = crate::plan(&s);
            assert_eq!(s.to_json(), serde_json::to_string_pretty(&s).unwrap());
            assert_eq!(p.to_json(), serde_json::to_string_pretty(&p).unwrap());
        }
    }
}
