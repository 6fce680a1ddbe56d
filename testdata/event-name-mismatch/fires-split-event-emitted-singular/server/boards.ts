const order: string[] = [];
const lanes = new Map<string, number[]>();

export const boards = {
  sortBoards(next: string[]) {
    order.splice(0, order.length, ...next);
  },
  sortLanes(board: string, next: number[]) {
    lanes.set(board, next);
  },
};
