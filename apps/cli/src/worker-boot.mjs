// Bootstrap for pool workers: registers tsx so the worker can load the workspace's
// TypeScript sources (the CLI runs from source), then loads worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
