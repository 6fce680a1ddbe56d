const rows = new Map([[1, { id: 1, mfaEnabled: false }]]);

exports.findUser = async (id) => rows.get(id) || { id, mfaEnabled: false };
