/**
 * What the key-driven prompts (key-prompt.ts, group-prompts.ts) share: status lines drawn above
 * the prompt's own line and redrawn on a tick, so a countdown never writes over the text printed
 * above, and the timer keys Ctrl-P / Ctrl-E handed to the host.
 */
import { useEffect, useState, type KeypressEvent } from '@inquirer/core';
import { sanitizeTerminal } from './sanitize.js';

export interface PromptStyle {
  dim(s: string): string;
  warn(s: string): string;
  accent(s: string): string;
}

export interface LiveConfig {
  message: string;
  /** Lines above the prompt line (asked again on every tick). */
  status?: () => string[];
  /** Redraw the status lines this often (ms); 0 or absent: only on keys. */
  tickMs?: number;
  /** Ctrl-P / Ctrl-E (the host's timer keys). */
  onCtrl?: (key: 'p' | 'e') => void;
  style?: PromptStyle;
}

export const plainStyle: PromptStyle = { dim: (s) => s, warn: (s) => s, accent: (s) => s };

/** Status, messages and keys lines may carry content-pack text: shown escaped, never sent raw. */
export const safe = (s: string) => sanitizeTerminal(s, true);

/** Redraws on a tick; handles the timer keys. Returns true when the key was one of them. */
export function useStatus(config: LiveConfig): (key: KeypressEvent) => boolean {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!config.tickMs) return undefined;
    const timer = setInterval(() => setTick((t) => t + 1), config.tickMs);
    return () => clearInterval(timer);
  }, []);
  return (key) => {
    if (!key.ctrl || (key.name !== 'p' && key.name !== 'e')) return false;
    config.onCtrl?.(key.name);
    setTick((t) => t + 1);
    return true;
  };
}

/** The status lines, escaped. */
export const statusLines = (config: LiveConfig) => (config.status?.() ?? []).map(safe);
