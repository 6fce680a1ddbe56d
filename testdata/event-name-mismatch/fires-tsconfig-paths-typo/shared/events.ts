export const TASK_ASSIGN = "task:assign";
export const TASK_ASSIGNED = "task:assigned";
export const TASK_CLOSE = "task:clsoe";
