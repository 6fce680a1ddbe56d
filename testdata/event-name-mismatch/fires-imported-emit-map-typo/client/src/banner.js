import { io } from "socket.io-client";

const socket = io("http://localhost:3000");
const banner = document.getElementById("banner");

socket.on("maintenance:schedule", ({ at, minutes }) => {
  banner.textContent = `Maintenance at ${at} for ${minutes} minutes`;
});
socket.on("release:notes", ({ version }) => {
  banner.textContent = `Version ${version} is out`;
});
