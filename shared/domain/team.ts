import { z } from 'zod';
import { IdSchema, optionalText, requiredText } from './common';

/** A person at the table. The current user is one of them (AppSettings.currentUserId). */
export const TeamMemberSchema = z.object({
  id: IdSchema,
  name: requiredText(120),
  organisationId: IdSchema.optional(),
  hoursPerWeek: z.number().min(0).max(60).optional(),
  specialism: optionalText(120),
  active: z.boolean().default(true),
  /** Loaded with the example team (never the current user). */
  example: z.boolean().optional(),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

/** Per-installation settings (not the team's composition: see the team settings of the rings feature). */
export const AppSettingsSchema = z.object({
  id: z.literal('app'),
  currentUserId: IdSchema,
  idleMinutes: z.number().int().min(1).max(240).default(5),
  contentProtection: z.boolean().default(false),
});
export type AppSettings = z.infer<typeof AppSettingsSchema>;
