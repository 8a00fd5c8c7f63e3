#!/usr/bin/env node
// The `civic` command. Sources are TypeScript, run through tsx's loader: no build step after npm ci.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
