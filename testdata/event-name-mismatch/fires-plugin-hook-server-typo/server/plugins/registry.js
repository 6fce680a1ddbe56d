"use strict";

const installed = new Set();
exports.installed = () => [...installed];
exports.install = (name) => installed.add(name);
