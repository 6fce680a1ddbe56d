const installed = [{ name: "ep_headings", version: "1.0.0" }];

exports.installed = async () => installed;
exports.updatable = async () => installed.filter((plugin) => plugin.version !== "1.1.0");
