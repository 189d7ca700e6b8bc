/**
 * Single keys from the terminal (raw mode), for screens that run while
 * something else happens — the lab's call log. Ctrl-C arrives as a key here
 * (raw mode), reported as 'ctrl-c'.
 */
export type KeyHandler = (key: string) => void;

/** Starts reading keys from `input`; returns a function that stops and restores the terminal. */
export function readKeys(input: NodeJS.ReadStream, onKey: KeyHandler): () => void {
  const raw = Boolean(input.isTTY);
  if (raw) input.setRawMode(true);
  input.setEncoding('utf8');
  const listener = (chunk: string) => {
    for (const ch of chunk) {
      if (ch === '\u0003') onKey('ctrl-c');
      else if (ch === '\u0004') onKey('ctrl-d');
      else if (ch === '\r' || ch === '\n') onKey('enter');
      else onKey(ch.toLowerCase());
    }
  };
  // A terminal that closed (SIGHUP) fails its reads and mode changes with EIO: there is nothing left
  // to read or restore, and the screen's owner is already stopping.
  const gone = () => undefined;
  input.on('data', listener);
  input.on('error', gone);
  input.resume();
  return () => {
    input.off('data', listener);
    try {
      if (raw) input.setRawMode(false);
    } catch {
      // the terminal is gone
    }
    input.pause();
    input.off('error', gone);
  };
}
