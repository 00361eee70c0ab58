import type { Engine } from '../core/engine.js';
import type { Scheduler } from '../digest/scheduler.js';
import type { DigestStore } from '../store/digest-store.js';
import type { ForgetReport, Workspace } from '../store/workspaces.js';
import type { EventDedupe } from './dedupe.js';

export interface DigestDeps {
  store: DigestStore;
  scheduler: Scheduler;
  now: () => Date;
}

/** What the listeners are given; built once by the composition root, or by a test. */
export interface SlackDeps {
  /** The current engine; a getter, so knowledge can be swapped without rebuilding the app. */
  engine: () => Engine;
  dedupe: EventDedupe;
  /** Daily digests; absent when the app runs without a database. */
  digest?: DigestDeps;
  /** Deletes a workspace's installation and data (app_uninstalled, tokens_revoked). */
  forgetWorkspace?: (workspace: Workspace) => Promise<ForgetReport>;
}
