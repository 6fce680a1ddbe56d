// fires: Ev.Join is "room:joni" (typo); the server handles "room:join"
export enum Ev {
  Join = "room:joni",
  Joined = "room:joined",
}
