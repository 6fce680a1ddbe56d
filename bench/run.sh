#!/usr/bin/env bash
# Benchmarks wirelint on real code from the package registries, side by side with the
# parser floor (a parse-only pass in the same process layout) and with ESLint.
#
#   bench/run.sh [WORKDIR]     (default: /tmp/wirelint-bench; corpora are kept there)
#
# Needs cargo, npm, hyperfine (installed with apt-get when missing) and GNU time.
# Results: WORKDIR/results/*.md (hyperfine tables), WORKDIR/results/rss.txt and
# WORKDIR/results/divan.txt (benches/pipeline.rs). Last it
# sweeps the corpora with the ignored test `sweep_real_code`, and fails if that fails.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-/tmp/wirelint-bench}"
results="$work/results"
mkdir -p "$work" "$results"
cd "$work"

if ! command -v hyperfine >/dev/null; then
  apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi
cargo build --release --locked --quiet --manifest-path "$root/Cargo.toml"
wl="$root/target/release/wirelint"

# NAME@VERSION DIR: the package's published source, unpacked.
fetch() {
  [ -d "$2" ] && return
  mkdir -p "$2"
  (cd "$2" && npm pack "$1" --silent >/dev/null && tar xzf ./*.tgz && rm ./*.tgz)
}
fetch uptime-kuma@2.0.0-dev.0 uptime-kuma
fetch ep_etherpad-lite@1.8.14 etherpad
fetch typescript@5.6.3 typescript
# Pinned: the newest `typescript` (7.x) ships a native compiler and no JavaScript, which
# would silently make this a different, much smaller corpus.
if [ ! -d stack/node_modules ]; then
  mkdir -p stack
  (cd stack && npm init -y >/dev/null &&
    npm install --silent --ignore-scripts socket.io@4.8.4 socket.io-client@4.8.4 \
      express@5.3.0 react@19.3.1 react-dom@19.3.1 typescript@5.6.3)
fi

# The sample app copied N times, each copy an app of its own: its events carry the
# app's prefix (`app7:message:new`), as independent apps in one monorepo would.
for n in 1 10 100 1000; do
  d="scale-$n"
  [ -d "$d" ] && continue
  for i in $(seq 1 "$n"); do
    mkdir -p "$d/app$i"
    cp -r "$root/testdata/chatlite/." "$d/app$i/"
    find "$d/app$i" -name '*.ts*' -exec sed -i \
      -e "s/\"\([a-z]*:[a-z]*\)\"/\"app$i:\1\"/g" -e "s/\"typing\"/\"app$i:typing\"/g" {} +
  done
done

# ESLint with @typescript-eslint/parser and one cheap rule, on the same files.
if [ ! -d eslint/node_modules ]; then
  mkdir -p eslint
  (cd eslint && npm init -y >/dev/null &&
    npm install --silent --ignore-scripts eslint@9 @typescript-eslint/parser@8 typescript)
fi
# The config sits at the root of the corpora: ESLint 9 ignores files outside its config
# file's directory (silently, with --no-warn-ignored), and would measure nothing.
cat > eslint.config.mjs <<'JS'
import tsParser from "./eslint/node_modules/@typescript-eslint/parser/dist/index.js";
export default [
  { ignores: ["**/node_modules/**", "**/dist/**", "**/build/**", "**/*.min.js"] },
  {
    files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"],
    languageOptions: { parser: tsParser, sourceType: "module" },
    rules: { "no-debugger": "error" },
  },
];
JS
eslint="$work/eslint/node_modules/.bin/eslint -c $work/eslint.config.mjs --no-warn-ignored"

# `check --no-cache` is a cold run; `check` with its cache warmed by hyperfine's warmup
# runs is a warm one (nothing changed since the last run). Caches live outside the corpora.
echo "## parser floor vs check, cold and warm" >&2
for corpus in uptime-kuma/package etherpad/package typescript/package/lib/typescript.js; do
  name=$(echo "$corpus" | tr '/' '_')
  hyperfine --warmup 3 --runs 30 -N -i \
    --export-markdown "$results/floor-$name.md" \
    "$wl parse-floor $corpus" \
    "$wl check --no-cache --format json $corpus" \
    "$wl check --cache-dir $work/cache/$name --format json $corpus" || true
done
hyperfine --warmup 1 --runs 5 -N -i --export-markdown "$results/floor-node_modules.md" \
  "$wl parse-floor --no-ignore stack/node_modules" \
  "$wl check --no-cache --format json --no-ignore stack/node_modules" \
  "$wl check --cache-dir $work/cache/node_modules --format json --no-ignore stack/node_modules" || true

echo "## ESLint side by side" >&2
for corpus in uptime-kuma/package etherpad/package; do
  name=$(echo "$corpus" | tr '/' '_')
  hyperfine --warmup 1 --runs 5 -i --export-markdown "$results/eslint-$name.md" \
    "$eslint $corpus" \
    "$wl check --no-cache --format json $corpus" || true
done

echo "## scaling" >&2
: > "$results/rss.txt"
for n in 1 10 100 1000; do
  hyperfine --warmup 1 --runs 5 -i -N --export-markdown "$results/scale-$n.md" \
    "$wl check --no-cache --format json scale-$n" \
    "$wl check --cache-dir $work/cache/scale-$n --format json scale-$n" || true
  /usr/bin/time -f "scale-$n: %e s, %M KB peak RSS" "$wl" check --no-cache --format json \
    "scale-$n" >/dev/null 2>>"$results/rss.txt" || true
  "$wl" check --no-cache --timings --format json "scale-$n" >/dev/null 2>>"$results/rss.txt" || true
done
for corpus in uptime-kuma/package etherpad/package typescript/package/lib/typescript.js; do
  /usr/bin/time -f "$corpus: %e s, %M KB peak RSS" "$wl" check --no-cache --format json \
    "$corpus" >/dev/null 2>>"$results/rss.txt" || true
done
/usr/bin/time -f "node_modules: %e s, %M KB peak RSS" "$wl" check --no-cache --no-ignore \
  --format json stack/node_modules >/dev/null 2>>"$results/rss.txt" || true
"$wl" check --no-cache --no-ignore --timings --format json stack/node_modules \
  >/dev/null 2>>"$results/rss.txt" || true

# Phase by phase, in process (benches/pipeline.rs), on the first real app.
echo "## divan" >&2
WIRELINT_BENCH_CORPUS="$work/uptime-kuma/package" cargo bench --locked --quiet \
  --manifest-path "$root/Cargo.toml" --bench pipeline | tee "$results/divan.txt"

# Real code nobody wrote for wirelint: no crash, no internal error, and every file that
# does not parse reported (tests/it/robustness.rs, `sweep_real_code`). Last, so that a
# failure still leaves the timings above; it fails the script.
echo "## sweep" >&2
for corpus in stack/node_modules eslint/node_modules uptime-kuma etherpad typescript; do
  WIRELINT_SWEEP_DIR="$work/$corpus" cargo test --release --locked --quiet \
    --manifest-path "$root/Cargo.toml" --test it -- --ignored sweep --nocapture
done

cat "$results"/*.md "$results/rss.txt" "$results/divan.txt"
