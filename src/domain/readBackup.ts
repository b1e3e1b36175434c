import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupEnvelopeSchema, type BackupEnvelope } from './backupFile';
import { formatCount, issuesToProblems, shown, type BackupProblem } from './backupProblems';

export type BackupReadResult = { ok: true; envelope: BackupEnvelope } | { ok: false; problems: BackupProblem[] };

/**
 * True when JSON text stops inside a string, object or list: the file was cut short rather than
 * written wrong. Only called once parsing has failed.
 */
function endsInsideAValue(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c /* \ */) index++;
      else if (code === 0x22 /* " */) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b /* { */ || code === 0x5b /* [ */) depth++;
    else if (code === 0x7d /* } */ || code === 0x5d /* ] */) depth--;
  }
  return inString || depth > 0;
}

const CHOOSE_EXPORTED_FILE = 'Choose the .json file that Mentorlog exported.';

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: BackupProblem } {
  const start = text.trimStart();
  if (start === '') return { ok: false, problem: { message: `The file is empty. ${CHOOSE_EXPORTED_FILE}` } };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const looksLikeJson = start.startsWith('{') || start.startsWith('[');
    if (looksLikeJson && endsInsideAValue(text)) {
      return {
        ok: false,
        problem: {
          message:
            `The file is cut short: it stops in the middle of the data, after ${formatCount(text.length)} characters. ` +
            'It was probably not downloaded or copied completely. Export it again and import the new file.',
        },
      };
    }
    if (looksLikeJson) {
      // V8 and others say where they stopped; the rest of their message quotes the file.
      const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
      const near = position === undefined ? '' : ` near character ${formatCount(Number(position) + 1)}`;
      return {
        ok: false,
        problem: {
          message: `This file looks like JSON but is damaged${near}, so it cannot be read. Export it again and import the new file.`,
        },
      };
    }
    return {
      ok: false,
      problem: {
        message: `This file is not JSON (it begins ${shown(start.slice(0, 20))}), so it is not a Mentorlog backup. ${CHOOSE_EXPORTED_FILE}`,
      },
    };
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const PROTO = '__proto__';

export const PROTO_KEY_MESSAGE = `is a key that cannot be kept: "${PROTO}" names an object's prototype in JavaScript, so Mentorlog would drop it without a word. Remove it from the file.`;

/** Parses the text and checks everything but the records themselves. */
export function readBackupText(text: string): BackupReadResult {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const value = parsed.value;

  if (!isObject(value) || value.format !== BACKUP_FORMAT) {
    const named =
      isObject(value) && typeof value.format === 'string' ? ` (it says its format is ${shown(value.format)})` : '';
    return {
      ok: false,
      problems: [
        {
          message: `This is a JSON file, but not a Mentorlog backup${named}: it has no "format": "${BACKUP_FORMAT}" header. It may come from another app. ${CHOOSE_EXPORTED_FILE}`,
        },
      ],
    };
  }

  const version = value.formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    const madeBy = typeof value.appVersion === 'string' ? ` by Mentorlog ${shown(value.appVersion)}` : '';
    return {
      ok: false,
      problems: [
        {
          field: 'formatVersion',
          message:
            `This backup was made${madeBy} in backup format version ${version}, which is newer than this copy of Mentorlog ` +
            `can read (up to version ${BACKUP_FORMAT_VERSION}). Update Mentorlog — reload it while online — and import the file again.`,
        },
      ],
    };
  }

  for (const [field, holder] of [
    ['', value],
    ['records.', value.records],
  ] as const) {
    if (isObject(holder) && Object.hasOwn(holder, PROTO))
      return { ok: false, problems: [{ field: `${field}${PROTO}`, message: PROTO_KEY_MESSAGE }] };
  }
  const envelope = backupEnvelopeSchema.safeParse(value);
  if (!envelope.success) return { ok: false, problems: issuesToProblems(envelope.error.issues, value, {}) };
  return { ok: true, envelope: envelope.data };
}
