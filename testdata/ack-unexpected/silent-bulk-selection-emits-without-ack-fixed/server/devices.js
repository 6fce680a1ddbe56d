const table = new Map();

exports.devices = {
    async setEnabled(id, enabled) {
        const device = table.get(id) || { id };
        table.set(id, { ...device, enabled });
    },
    async list() {
        return Object.fromEntries(table);
    },
};
