import { runSyncWhileConnected } from './syncRunner';

// Imported by main.tsx once the first screen shows its data: starting it on import keeps that
// import as small as the first screen's JavaScript can afford.
runSyncWhileConnected();
