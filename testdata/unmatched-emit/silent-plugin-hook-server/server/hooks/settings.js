"use strict";

let current = {};
exports.read = () => current;
exports.write = (next) => {
  current = next;
};
