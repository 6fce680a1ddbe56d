#!/usr/bin/env node
// Builds the npm packages of a wirelint release from binaries built by cargo:
//
//   node npm/build.mjs --out DIR [--version X.Y.Z] [--pack] [--all] TARGET=BINARY...
//
// TARGET is a Rust target triple of TARGETS below, or `host` for the platform this
// node runs on (to try a local build). DIR gets `wirelint/` (the launcher package,
// which lists every platform package as an optional dependency) and one
// `cli-<os>-<cpu>[-musl]/` per binary given. With --pack, `npm pack` makes a tarball of
// each in DIR and their paths are printed one a line, the launcher's last: publish them
// in that order. --all fails unless every target has a binary (a release must not list
// a platform package it does not publish). The version defaults to Cargo.toml's.
// .github/workflows/release.yml publishes what this makes.

import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const scope = "@wirelint";

// What the release builds, by Rust target: npm's `os` and `cpu` for it. The package
// name is `cli-<os>-<cpu>` (`-musl` for the static Linux builds, which run on glibc
// systems too, so they declare no `libc`); bin/wirelint derives the same name from
// `process.platform` and `process.arch`.
const TARGETS = {
  "x86_64-unknown-linux-musl": { os: "linux", cpu: "x64", musl: true },
  "aarch64-unknown-linux-musl": { os: "linux", cpu: "arm64", musl: true },
  "x86_64-apple-darwin": { os: "darwin", cpu: "x64" },
  "aarch64-apple-darwin": { os: "darwin", cpu: "arm64" },
  "x86_64-pc-windows-msvc": { os: "win32", cpu: "x64" },
};

function packageDir(target) {
  const { os, cpu, musl } = TARGETS[target];
  return `cli-${os}-${cpu}${musl ? "-musl" : ""}`;
}

function executable(target) {
  return TARGETS[target].os === "win32" ? "wirelint.exe" : "wirelint";
}

function fail(message) {
  process.stderr.write(`build.mjs: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { out: null, version: null, pack: false, all: false, binaries: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--out" || arg === "--version") {
      const value = argv[i + 1];
      if (value === undefined) fail(`${arg} needs a value`);
      args[arg.slice(2)] = value;
      i += 1;
    } else if (arg === "--pack" || arg === "--all") {
      args[arg.slice(2)] = true;
    } else if (arg.includes("=") && !arg.startsWith("-")) {
      const at = arg.indexOf("=");
      args.binaries.push({ target: arg.slice(0, at), binary: arg.slice(at + 1) });
    } else {
      fail(`unexpected argument ${arg}; usage: --out DIR [--version X.Y.Z] [--pack] [--all] TARGET=BINARY...`);
    }
  }
  if (!args.out) fail("--out DIR is required");
  return args;
}

/** The target whose package serves the platform this node runs on. */
function hostTarget() {
  const found = Object.keys(TARGETS).find(
    (target) => TARGETS[target].os === process.platform && TARGETS[target].cpu === process.arch,
  );
  if (!found) fail(`no package is built for ${process.platform}-${process.arch}`);
  return found;
}

/** `version` of Cargo.toml's `[package]` table. */
function cargoVersion() {
  const manifest = readFileSync(join(here, "..", "Cargo.toml"), "utf8");
  const table = manifest.split(/^\[/m).find((part) => part.startsWith("package]"));
  const version = table && /^version\s*=\s*"([^"]+)"/m.exec(table);
  if (!version) fail("no version in Cargo.toml's [package]");
  return version[1];
}

function writeJson(path, value) {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

function launcherPackage(out, version) {
  const dir = join(out, "wirelint");
  mkdirSync(join(dir, "bin"), { recursive: true });
  const template = JSON.parse(readFileSync(join(here, "wirelint", "package.json"), "utf8"));
  template.version = version;
  // Exact versions: the launcher and the binary it runs come from one release.
  template.optionalDependencies = Object.fromEntries(
    Object.keys(TARGETS).map((target) => [`${scope}/${packageDir(target)}`, version]),
  );
  writeJson(join(dir, "package.json"), template);
  copyFileSync(join(here, "wirelint", "README.md"), join(dir, "README.md"));
  const launcher = join(dir, "bin", "wirelint");
  copyFileSync(join(here, "wirelint", "bin", "wirelint"), launcher);
  chmodSync(launcher, 0o755);
  return dir;
}

function platformPackage(out, version, target, binary) {
  const { os, cpu, musl } = TARGETS[target];
  const dir = join(out, packageDir(target));
  mkdirSync(dir, { recursive: true });
  const name = executable(target);
  copyFileSync(binary, join(dir, name));
  chmodSync(join(dir, name), 0o755);
  const template = JSON.parse(readFileSync(join(here, "wirelint", "package.json"), "utf8"));
  writeJson(join(dir, "package.json"), {
    name: `${scope}/${packageDir(target)}`,
    version,
    description: `The ${os} ${cpu}${musl ? " (static, musl)" : ""} binary of wirelint, installed by the wirelint package`,
    homepage: template.homepage,
    repository: template.repository,
    license: template.license,
    os: [os],
    cpu: [cpu],
    files: [name],
    // Yarn's Plug'n'Play must unpack it to disk to run it.
    preferUnplugged: true,
  });
  writeFileSync(
    join(dir, "README.md"),
    `# ${scope}/${packageDir(target)}\n\nThe \`${target}\` binary of wirelint. Install ` +
      "[`wirelint`](https://www.npmjs.com/package/wirelint) instead: it picks the package " +
      "of your platform.\n",
  );
  return dir;
}

function pack(dir, out) {
  // `npm.cmd` on Windows is a batch file, which only a shell runs.
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const printed = execFileSync(npm, ["pack", "--pack-destination", resolve(out), "--json"], {
    cwd: dir,
    encoding: "utf8",
    shell: process.platform === "win32",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [{ filename }] = JSON.parse(printed);
  return join(resolve(out), filename);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const version = args.version ?? cargoVersion();
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) fail(`${version} is not a version`);
  const out = resolve(args.out);
  for (const entry of args.binaries) {
    if (entry.target === "host") entry.target = hostTarget();
    if (!TARGETS[entry.target]) {
      fail(`unknown target ${entry.target}; known: host, ${Object.keys(TARGETS).join(", ")}`);
    }
    if (!existsSync(entry.binary)) fail(`no binary at ${entry.binary}`);
  }
  const given = new Set(args.binaries.map(({ target }) => target));
  const missing = Object.keys(TARGETS).filter((target) => !given.has(target));
  if (args.all && missing.length > 0) fail(`--all: no binary for ${missing.join(", ")}`);
  for (const dir of ["wirelint", ...Object.keys(TARGETS).map(packageDir)]) {
    rmSync(join(out, dir), { recursive: true, force: true });
  }
  const dirs = [
    ...args.binaries.map(({ target, binary }) => platformPackage(out, version, target, binary)),
    launcherPackage(out, version),
  ];
  for (const dir of dirs) {
    process.stdout.write(`${args.pack ? pack(dir, out) : dir}\n`);
  }
}

main();
