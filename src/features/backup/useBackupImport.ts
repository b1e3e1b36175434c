import { useCallback, useRef, useState } from 'react';
import type { ImportProgress, ImportSummary } from '../../data/importBackup';
import type { BackupProblem } from '../../domain/backupProblems';
import { importErrorMessage } from '../../data/storageFailureMessage';
import { importInBackground } from './importInBackground';
import { sealNewPrivateWords } from '../../data/appLock';

export type ImportState =
  | { status: 'idle' }
  | { status: 'running'; fileName: string; progress: ImportProgress }
  | { status: 'done'; fileName: string; summary: ImportSummary }
  /** The file was refused: nothing was written. */
  | { status: 'refused'; fileName: string; problems: BackupProblem[]; problemCount: number }
  /** Writing failed and was rolled back. */
  | { status: 'failed'; fileName: string; message: string };

/** Runs one import at a time and keeps what the screen shows about it. */
export function useBackupImport(onImported?: (summary: ImportSummary) => void) {
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const running = useRef(false);

  const start = useCallback(
    async (file: File) => {
      if (running.current) return;
      running.current = true;
      const fileName = file.name;
      setState({ status: 'running', fileName, progress: { phase: 'reading', done: 0, total: 0 } });
      try {
        const result = await importInBackground(file, (progress) =>
          setState({ status: 'running', fileName, progress }),
        );
        if (result.ok) {
          // The file's private words arrived in the clear: with the lock on, they are sealed now.
          await sealNewPrivateWords();
          setState({ status: 'done', fileName, summary: result.summary });
          onImported?.(result.summary);
        } else {
          setState({ status: 'refused', fileName, problems: result.problems, problemCount: result.problemCount });
        }
      } catch (error) {
        setState({ status: 'failed', fileName, message: importErrorMessage(error) });
      } finally {
        running.current = false;
      }
    },
    [onImported],
  );

  return { state, start };
}
