import type { Engine } from '../core/engine.js';
import type { EventDedupe } from './dedupe.js';

/** What the listeners are given; built once by the composition root, or by a test. */
export interface SlackDeps {
  /** The current engine; a getter, so knowledge can be swapped without rebuilding the app. */
  engine: () => Engine;
  dedupe: EventDedupe;
}
