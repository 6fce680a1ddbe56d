#!/usr/bin/env bash
# Seeds fuzz/corpus/analyze from testdata: each file prefixed with the byte that
# selects its kind in fuzz_targets/analyze.rs (KINDS), so the fuzzer starts from real
# socket.io code parsed as what it is. The corpus is not committed.
set -euo pipefail
cd "$(dirname "$0")"
out=corpus/analyze
mkdir -p "$out"
selector() {
  case "$1" in
    *.d.ts) echo 3 ;; *.ts) echo 0 ;; *.tsx) echo 1 ;; *.js) echo 2 ;; *.vue) echo 4 ;;
    *.svelte) echo 5 ;; *.rs) echo 6 ;; *.mjs) echo 7 ;; *.cts) echo 8 ;; *) return 1 ;;
  esac
}
n=0
while IFS= read -r -d '' file; do
  s=$(selector "$file") || continue
  name=$(printf '%s' "$file" | sha1sum | cut -c1-16)
  { printf "\\x$(printf %02x "$s")"; cat "$file"; } >"$out/$name"
  n=$((n + 1))
done < <(find ../testdata -type f -print0)


# One client and one server of a case, joined as the target splits them: wiring across
# the two front-ends from the first run on.
split=$'\n//@@wirelint-fuzz-split@@\n'
for case in ../testdata/*/*/; do
  rs=$(find "$case" -name '*.rs' | sort | head -1)
  ts=$(find "$case" -name '*.ts' | sort | head -1)
  [ -n "$rs" ] && [ -n "$ts" ] || continue
  name=pair-$(printf '%s' "$case" | sha1sum | cut -c1-16)
  { printf '\x00'; cat "$ts"; printf '%s' "$split"; cat "$rs"; } >"$out/$name"
  n=$((n + 1))
done
echo "seeded $n inputs into fuzz/$out" >&2
