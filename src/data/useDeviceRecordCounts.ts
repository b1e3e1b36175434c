import { useLiveQuery } from 'dexie-react-hooks';
import type { BackupTable } from '../domain/backupRecords';
import { countDeviceRecords } from './countDeviceRecords';

/** How many records of each kind this device holds, kept live; undefined until the first count. */
export function useDeviceRecordCounts(): Record<BackupTable, number> | undefined {
  return useLiveQuery(() => countDeviceRecords(), []);
}
