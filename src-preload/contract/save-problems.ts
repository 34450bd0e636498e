import { z } from 'zod';

/** Files main could not save (History, Last used times): what, and why. The data is kept in memory and saved again. */
export const SaveProblemSchema = z.object({
  /** The file's name in the data folder, e.g. `history.json`. */
  file: z.string(),
  /** A sentence: what could not be saved, why, and that it is retried. */
  message: z.string(),
});
export type SaveProblem = z.infer<typeof SaveProblemSchema>;

export const SaveProblemsEventSchema = z.object({ problems: z.array(SaveProblemSchema) });
export type SaveProblemsEvent = z.infer<typeof SaveProblemsEventSchema>;
