// silent: the mapped promises stay pending on purpose; the race settles through the fallback pushed beside them
"use strict";

exports.firstSatisfies = (promises, predicate) => {
  const candidates = promises.map(
    (p) => new Promise((resolve, reject) => p.then((v) => predicate(v) && resolve(v), reject)));
  candidates.push(Promise.all(promises).then(() => undefined));
  return Promise.race(candidates);
};
