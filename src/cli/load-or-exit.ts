import type { Knowledge, SentenceCoverage } from '../core/knowledge/types.js';
import { KnowledgeError, loadKnowledge } from '../knowledge/load.js';

/**
 * Loads the knowledge from `dir`, else KNOWLEDGE_DIR as the bot does, else the bundled folder; or
 * prints every problem with file and line and exits 1.
 */
export function loadOrExit(dir: string | undefined = process.env.KNOWLEDGE_DIR || undefined): {
  knowledge: Knowledge;
  coverage: SentenceCoverage[];
} {
  try {
    return loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) {
      console.error(
        `nato-bot cannot start: the ${error.message}\nFix the file and run "npm run knowledge:check".`,
      );
      process.exit(1);
    }
    throw error;
  }
}
