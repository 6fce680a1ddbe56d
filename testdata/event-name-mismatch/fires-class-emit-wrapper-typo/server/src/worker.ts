import { JobController } from "./jobs/controller";

const controller = new JobController("jobs");

export async function runJob(jobId: string, steps: Array<() => Promise<void>>): Promise<void> {
  for (let i = 0; i < steps.length; i++) {
    await steps[i]();
    controller.onProgress(jobId, Math.round(((i + 1) / steps.length) * 100));
  }
  controller.onDone(jobId);
}
