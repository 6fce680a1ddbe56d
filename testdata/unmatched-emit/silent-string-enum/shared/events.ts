// silent: event names from a string enum shared by both sides
export enum Ev {
  Join = "room:join",
  Joined = "room:joined",
}
