/** Where a command writes: stdout, stderr, or a test's buffer. */
export interface Output {
  write(text: string): unknown;
  /**
   * Clears the screen: sts-trainer's own control sequence, written past the sanitizer that escapes
   * every sequence in `write` (ui/sanitize.ts). Absent on an output that is not a terminal's.
   */
  clearScreen?(): void;
}
