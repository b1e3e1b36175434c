import type { ChildProcess } from 'node:child_process';

export function freePort(): Promise<number>;
export function startStandIn(options: { folder: string; port: number; inMemory: boolean }): Promise<{
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
  output: () => string;
}>;
export function ensureAdmin(url: string, name: string, password: string): Promise<boolean>;
