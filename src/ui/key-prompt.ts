/**
 * One key, on @inquirer/core (createPrompt/useKeypress), so it runs on whatever input and output
 * streams it is given: learn's and the quiz's "Enter: go on · d · t · q" lines, the pager's
 * "space: more", and the group's key lines. Nothing typed is echoed; keys it does not take are
 * ignored; Ctrl-C closes it (Inquirer's ExitPromptError, which run-prompt.ts makes exit 130).
 * Closed, the raw mode the prompt turned on is off again and the cursor is shown.
 */
import { createPrompt, isEnterKey, useKeypress } from '@inquirer/core';
import { safe, statusLines, useStatus, type LiveConfig } from './prompt-status.js';

export interface KeyConfig extends LiveConfig {
  /** Letters (or ' ' for space) that also close the prompt, lower case; Shift is ignored. */
  keys?: string[];
}

/** Waits for Enter ('enter') or one of `keys` (returned in lower case). */
export const keyPrompt = createPrompt<string, KeyConfig>((config, done) => {
  const timerKey = useStatus(config);
  useKeypress((key, rl) => {
    rl.clearLine(0); // nothing typed is echoed or kept
    if (timerKey(key)) return;
    if (isEnterKey(key)) return done('enter');
    const k = key.name === 'space' ? ' ' : key.name?.toLowerCase();
    if (!key.ctrl && k && config.keys?.includes(k)) done(k);
  });
  return [...statusLines(config), safe(config.message)].join('\n');
});
