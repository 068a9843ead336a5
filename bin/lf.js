#!/usr/bin/env node
// Launcher for the lf CLI: registers tsx's ESM loader so Node runs the TypeScript sources as they are.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
