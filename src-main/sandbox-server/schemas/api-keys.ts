import { z } from 'zod';

export const createApiKeyBody = z.object(
  {
    name: z
      .string({ error: 'name is required: a descriptive name for the key.' })
      .trim()
      .min(1, { error: 'name must not be empty.' })
      .max(200, { error: 'name must be at most 200 characters.' }),
  },
  { error: 'The body must be a JSON object like {"name": "…"}.' },
);
