import { ProvisionError } from '../../sync/provisionProgram';

/**
 * The sentence for a failed step of setting up sync. The provisioning steps say their own (a
 * ProvisionError is written for the coordinator); what is left is the browser refusing to keep
 * the connection, or something unforeseen.
 */
export function setUpFailureMessage(error: unknown): string {
  if (error instanceof ProvisionError) return error.message;
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return 'This browser would not keep the connection to the server (its storage is full or refused). Free some space or allow this site to store data, then try again; the server’s steps already done stay done.';
  }
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `Something unexpected went wrong${detail}. Steps already done stay done: try again, and if it happens again, tell whoever runs the program’s server.`;
}
