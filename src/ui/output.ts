/** Where a command writes: stdout, stderr, or a test's buffer. */
export interface Output {
  write(text: string): unknown;
}
