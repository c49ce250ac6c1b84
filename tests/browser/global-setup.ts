import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dist = resolve('dist');
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error('dist/ is missing: run `vite build` before the browser tests (npm test does).');
  const server = await startServer(dist);
  project.provide('baseUrl', server.url);
  return () => server.close();
}
