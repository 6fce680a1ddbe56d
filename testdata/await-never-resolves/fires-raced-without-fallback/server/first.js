// fires: with no fallback beside the mapped promises, a race where no value passes the test never settles
"use strict";

exports.firstSatisfies = (promises, predicate) => {
  const candidates = promises.map(
    (p) => new Promise((resolve, reject) => p.then((v) => predicate(v) && resolve(v), reject)));
  return Promise.race(candidates);
};
