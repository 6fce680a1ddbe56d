const paused = new Set<number>();

export const monitors = {
    async pause(id: number): Promise<void> {
        if (paused.has(id)) throw new Error(`monitor ${id} is already paused`);
        paused.add(id);
    },
};
