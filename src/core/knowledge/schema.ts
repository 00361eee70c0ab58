import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens, e.g. "rutte-backers"');
const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')
  // 2024-02-30 has the shape of a date but is none: the date it names must read back the same.
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
  }, 'is not a date in the calendar');

export const sourceSchema = z.strictObject({
  id,
  title: text,
  /** Path of the article's text, relative to the knowledge folder. */
  file: text,
  as_of: isoDate,
  as_of_label: text,
  as_of_detail: text.optional(),
  url: z.url().optional(),
});

export const entityKinds = ['person', 'country', 'organisation', 'outlet', 'event'] as const;

export const entitySchema = z.strictObject({
  id,
  kind: z.enum(entityKinds),
  name: text,
  role: text.optional(),
  country: id.optional(),
  member: z.boolean().optional(),
  /** How a person is referred to, so that "she" in a follow-up is read as her. */
  pronoun: z.enum(['he', 'she']).optional(),
  aliases: z.array(text).min(1, 'give at least one alias (the name as people type it)'),
});

export const factKinds = [
  'backers',
  'backing',
  'statement',
  'context',
  'process',
  'candidates',
  'profile',
  'event',
  'about',
] as const;

export const evidenceSchema = z.strictObject({
  /** Defaults to the file's only source. */
  source: id.optional(),
  quote: text,
});

export const factSchema = z.strictObject({
  id,
  kind: z.enum(factKinds),
  subjects: z.array(id),
  answer: text,
  questions: z.array(text).min(1, 'give at least one example question'),
  keywords: z.array(z.union([text, z.number().transform(String)])).default([]),
  note: text.optional(),
  backing: z.strictObject({ backer: id, candidate: id, said_by: z.array(id).default([]) }).optional(),
  date: z
    .strictObject({ start: isoDate, end: isoDate, label: text })
    .refine((d) => d.start <= d.end, { message: 'start must not be after end', path: ['end'] })
    .optional(),
  evidence: z.array(evidenceSchema).min(1, 'every fact needs at least one evidence quote'),
});

/** A question as people asked it, with the fact that answers it, or "unknown" when none does. */
export const labelledQuestionSchema = z.strictObject({ q: text, expect: id });

/** Questions written together (by one writer, at one time), kept apart so each can be held out. */
export const labelledSetSchema = z.strictObject({
  set: text,
  questions: z.array(labelledQuestionSchema).min(1, 'give at least one question'),
});

export const knowledgeFileSchema = z.strictObject({
  sources: z.array(sourceSchema).default([]),
  entities: z.array(entitySchema).default([]),
  facts: z.array(factSchema).default([]),
  labelled: z.array(labelledSetSchema).default([]),
});

export type SourceInput = z.infer<typeof sourceSchema>;
export type EntityInput = z.infer<typeof entitySchema>;
export type FactInput = z.infer<typeof factSchema>;
export type KnowledgeFileInput = z.infer<typeof knowledgeFileSchema>;
export type EntityKind = (typeof entityKinds)[number];
export type FactKind = (typeof factKinds)[number];
