import { z } from 'zod';
import { sideSchema } from './side';

export const characteristicIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'A characteristic id is lower-case letters, digits and dashes.')
  // Scores and comments are kept in objects keyed by these ids: a key every object already has
  // ("constructor") would read as that built-in, not as a characteristic.
  .refine(
    (id) => !(id in Object.prototype),
    'A characteristic id cannot be the name of a built-in property of JavaScript objects.',
  );

export const scoreSchema = z
  .number({ error: 'Choose a score from 1 to 5.' })
  .int('Choose a whole score from 1 to 5.')
  .min(1, 'Scores go from 1 to 5.')
  .max(5, 'Scores go from 1 to 5.');

export type Score = 1 | 2 | 3 | 4 | 5;
export const SCALE: readonly Score[] = [1, 2, 3, 4, 5];

/**
 * A quality of the relationship that both partners rate. Built-in ones live below; a program can
 * add its own later as more records of the same shape, which is why scores are keyed by id.
 */
export const characteristicSchema = z.object({
  id: characteristicIdSchema,
  name: z.string().min(1).max(60),
  definition: z.string().min(1).max(400),
  /** One label per point of the 1–5 scale, lowest first. */
  scaleLabels: z.tuple([z.string(), z.string(), z.string(), z.string(), z.string()]),
  prompts: z.record(sideSchema, z.string().min(1).max(300)),
  builtIn: z.boolean(),
});

export type Characteristic = z.infer<typeof characteristicSchema>;

export const builtInCharacteristics: readonly Characteristic[] = [
  {
    id: 'trust',
    name: 'Trust',
    definition:
      'Confidence that your partner has your interests at heart and will do what they say, enough to raise difficult or sensitive matters.',
    scaleLabels: ['Guarded', 'Cautious', 'Growing', 'Solid', 'Complete'],
    prompts: {
      mentor:
        'How far do you trust your mentee to be open with you, and how far do you think they can trust you with what matters to them?',
      mentee:
        'How confident are you that your mentor has your interests at heart, so that you can bring them the issues that really matter?',
    },
    builtIn: true,
  },
  {
    id: 'non-judgment',
    name: 'Non-judgment',
    definition:
      'Ideas and choices are met with curiosity rather than approval or disapproval; the mentee can take their own direction.',
    scaleLabels: ['Judged', 'Often judged', 'Sometimes judged', 'Mostly free', 'Completely free'],
    prompts: {
      mentor:
        'How well did you keep your own preferences out of it, responding with curiosity instead of approval or disapproval?',
      mentee:
        'How free did you feel to share ideas, and to choose a direction your mentor might not take, without feeling judged?',
    },
    builtIn: true,
  },
  {
    id: 'competence',
    name: 'Competence',
    definition:
      'The knowledge and skill each partner brings to the subject at hand, and how well it is used for the mentee.',
    scaleLabels: ['Out of depth', 'Uneven', 'Adequate', 'Strong', 'Exceptional'],
    prompts: {
      mentor: 'How well did your knowledge and preparation meet what your mentee actually needed?',
      mentee: 'How useful and well-founded was what your mentor offered on the matters you brought?',
    },
    builtIn: true,
  },
  {
    id: 'integrity',
    name: 'Integrity',
    definition: 'Being consistent and dependable: doing what was agreed, keeping confidences, and being honest.',
    scaleLabels: ['Unreliable', 'Inconsistent', 'Mostly reliable', 'Reliable', 'Completely dependable'],
    prompts: {
      mentor: 'How consistently did you follow through on what you agreed, and keep what was shared in confidence?',
      mentee: 'How consistently does your mentor follow through, keep confidences and act as they say they will?',
    },
    builtIn: true,
  },
  {
    id: 'fairness',
    name: 'Fairness',
    definition:
      'Each partner weighs the other’s interests and not only their own; time and effort are given in good faith.',
    scaleLabels: ['One-sided', 'Uneven', 'Balanced at times', 'Mostly balanced', 'Fully mutual'],
    prompts: {
      mentor: 'How well did you put your mentee’s interests ahead of anything you might gain from the relationship?',
      mentee: 'How fairly does your mentor treat you, looking out for your interests rather than their own?',
    },
    builtIn: true,
  },
];

export function characteristicById(id: string): Characteristic | undefined {
  return builtInCharacteristics.find((characteristic) => characteristic.id === id);
}

export function characteristicName(id: string): string {
  return characteristicById(id)?.name ?? id;
}
