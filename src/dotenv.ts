import { existsSync } from 'node:fs';

/**
 * Imported first by `npm start` and every terminal script, so that all of them read `.env` in the
 * working folder alike (KNOWLEDGE_DIR, DATABASE_URL…); variables already set in the environment win.
 */
if (existsSync('.env')) process.loadEnvFile('.env');
