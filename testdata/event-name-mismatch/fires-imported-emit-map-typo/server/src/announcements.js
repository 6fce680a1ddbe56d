// fires: the key "maintenance:scheduled" of the announcement map is emitted by the broadcaster, but clients listen for "maintenance:schedule"
export const announcements = {
  "maintenance:scheduled": { at: "02:00", minutes: 30 },
  "release:notes": { version: "2.4.0" },
};
