// silent: event names from a `const enum` declared in a .d.ts (read for constants only)
export declare const enum Ev {
  Join = "room:join",
  Joined = "room:joined",
}
