import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { slashCommand } from '../../ids.js';
import { natoCommand } from './nato.js';

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(slashCommand, natoCommand(deps));
}
