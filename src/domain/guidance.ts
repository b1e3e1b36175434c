import { z } from 'zod';
import { characteristicIdSchema } from './characteristic';
import { isoDateSchema } from './record';

export const guidanceAudienceSchema = z.enum(['mentor', 'mentee', 'both']);
export type GuidanceAudience = z.infer<typeof guidanceAudienceSchema>;

/** When a card has something to say. */
export const guidanceTriggerSchema = z.enum(['low-score', 'falling-trend', 'perception-gap', 'always']);
export type GuidanceTrigger = z.infer<typeof guidanceTriggerSchema>;

export const guidanceTriggerLabels: Record<GuidanceTrigger, string> = {
  'low-score': 'After a low score',
  'falling-trend': 'When scores are falling',
  'perception-gap': 'When the two of you see it differently',
  always: 'Any time',
};

export const guidanceSourceSchema = z.object({
  contributor: z.string().min(1),
  organisation: z.string().min(1),
  postTitle: z.string().min(1),
  postDate: isoDateSchema,
  /** A work the contributor cites, when the advice comes from it. */
  citedWork: z.string().min(1).optional(),
});

export const guidanceCardSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1).max(100),
  body: z.string().min(1).max(800),
  characteristicIds: z.array(characteristicIdSchema).min(1),
  audience: guidanceAudienceSchema,
  appliesWhen: z.array(guidanceTriggerSchema).min(1),
  source: guidanceSourceSchema,
});

export type GuidanceCard = z.infer<typeof guidanceCardSchema>;
export type GuidanceSource = z.infer<typeof guidanceSourceSchema>;
