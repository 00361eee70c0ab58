import type { webApi } from '@slack/bolt';
import type { Engine } from '../core/engine.js';
import type { Scheduler } from '../digest/scheduler.js';
import type { KnowledgeHolder } from '../knowledge/reloader.js';
import type { CurationStore } from '../store/curation-store.js';
import type { DigestStore } from '../store/digest-store.js';
import type { ForgetReport, Workspace } from '../store/workspaces.js';
import type { Conversations } from './conversations.js';
import type { EventDedupe } from './dedupe.js';

export interface DigestDeps {
  store: DigestStore;
  scheduler: Scheduler;
  now: () => Date;
}

/** The curators' loop: votes, the log of unanswered questions, the report and reloads. */
export interface CurationDeps {
  store: CurationStore;
  now: () => Date;
  /** Whether a user may see the report (and, with `mayReload`, reload the knowledge). */
  isCurator: (userId: string, client: webApi.WebClient) => Promise<boolean>;
  /** Whether a curator may reload the knowledge, which every workspace the bot serves answers from. */
  mayReload: (userId: string, client: webApi.WebClient) => Promise<boolean>;
  knowledge: KnowledgeHolder;
}

/** What the listeners are given; built once by the composition root, or by a test. */
export interface SlackDeps {
  /** The current engine; a getter, so knowledge can be swapped without rebuilding the app. */
  engine: () => Engine;
  dedupe: EventDedupe;
  /** What each person last asked about, for reading follow-ups ("and Germany?"). */
  conversations: Conversations;
  /** Daily digests; absent when the app runs without a database. */
  digest?: DigestDeps;
  /** Feedback, question log, report and reload; absent when the app runs without a database. */
  curation?: CurationDeps;
  /** Deletes a workspace's installation and data (app_uninstalled, tokens_revoked). */
  forgetWorkspace?: (workspace: Workspace) => Promise<ForgetReport>;
}
