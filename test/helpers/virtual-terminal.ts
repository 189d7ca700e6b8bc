/**
 * A terminal in memory for the real prompts (ui/inquirer-prompter.ts) in-process: keys go in as the
 * bytes a terminal sends ('\r' Enter, '\x03' Ctrl-C, '\x1b[B' Down), and what the prompts and the
 * command draw is kept. A key is sent only once a new prompt listens: each prompt resumes the input
 * when it opens (and its first render is drawn by then) and pauses it when it closes, so a key is
 * never lost between two prompts nor taken by the one it was not meant for.
 */
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';

export interface VirtualTerminal {
  /** For `createPrompter`. */
  streams: { input: PassThrough; output: Writable };
  /** The command's own output (its `stdout`), drawn on the same screen. */
  write(text: string): void;
  /** Everything drawn so far, with the escape sequences (raw) or without. */
  raw(): string;
  text(): string;
  /**
   * Waits until a prompt opens that has not had a key yet; returns what was drawn since the last
   * key (without escape sequences), or undefined when `ended` settles first.
   */
  nextPrompt(ended: Promise<unknown>): Promise<string | undefined>;
  /** Sends `bytes` to the prompt that is open, which is expected to close (the next one is awaited). */
  press(bytes: string): void;
  /** Sends `bytes` to the prompt that is open, which is expected to stay open (a key it ignores). */
  type(bytes: string): void;
  /** A prompt is open (it listens for keys). */
  isOpen(): boolean;
}

/** `size`: the terminal's columns and rows, as a real terminal's output stream reports them. */
export function virtualTerminal(size?: { columns: number; rows: number }): VirtualTerminal {
  const input = new PassThrough();
  let drawn = '';
  let opened = 0;
  let answered = 0;
  let mark = 0;
  let wake: (() => void) | undefined;
  const changed = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const output = new Writable({
    write(chunk, _encoding, done) {
      drawn += String(chunk);
      changed();
      done();
    },
  });
  if (size) Object.assign(output, size);
  input.on('resume', () => {
    opened++;
    changed();
  });
  const ready = () => opened > answered && !input.isPaused();
  return {
    streams: { input, output },
    write(text) {
      drawn += text;
      changed();
    },
    raw: () => drawn,
    text: () => stripVTControlCharacters(drawn),
    async nextPrompt(ended) {
      let over = false;
      const end = ended.then(
        () => void (over = true),
        () => void (over = true),
      );
      while (!ready()) {
        if (over) return undefined;
        await Promise.race([new Promise<void>((r) => (wake = r)), end]);
      }
      return stripVTControlCharacters(drawn.slice(mark));
    },
    press(bytes) {
      answered = opened;
      mark = drawn.length;
      input.write(bytes);
    },
    type: (bytes) => void input.write(bytes),
    isOpen: () => !input.isPaused() && opened > 0,
  };
}
