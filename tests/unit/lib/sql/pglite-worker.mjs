// The lab's PostgreSQL in a Node worker thread, for the time-limit tests (the browser uses a Web Worker).
import { parentPort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { serve } from '../../../../src/lib/sql/worker-engine.ts';

if (parentPort === null) throw new Error('run me as a worker');
const port = parentPort;
serve(new PGlite(), { send: (m) => port.postMessage(m), onMessage: (cb) => port.on('message', cb) });
