import { z } from "zod";

/** An input error or warning as JSON (see `InputError` in errors.ts). */
export const InputErrorSchema = z.object({
  code: z.string(),
  file: z.string(),
  row: z.number().int().positive().optional(),
  column: z.string().optional(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  message: z.string(),
});
