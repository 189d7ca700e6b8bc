/**
 * `--help` that fits the terminal (issue 15: every wrapped text follows the width, with a narrow
 * layout, never breaking inside a word). Commander wraps descriptions only while the column beside
 * the options is at least 40 wide and leaves the rest to the terminal, which cuts words; below that an
 * item's description goes under it here. The width is COLUMNS when set (as everywhere in the CLI),
 * else the terminal's, else 80 (a pipe).
 */
import { Help, type Command } from 'commander';
import { terminalColumns } from './context.js';

const PIPE_WIDTH = 80;
/** What commander writes before the usage. */
const USAGE = 'Usage: ';
/** Narrowest description column beside the options (commander's own threshold). */
const MIN_BESIDE = 40;
/** Indent of a description under its option or command. */
const UNDER = 6;

/** The width help wraps to: the columns every screen of the CLI uses (context.ts), 80 for a pipe. */
export function helpWidth(
  env: Record<string, string | undefined> = process.env,
  stream: { isTTY?: boolean; columns?: number } = process.stdout,
): number {
  return terminalColumns(env, stream) ?? PIPE_WIDTH;
}

/** `text` wrapped at spaces to `width`, each further line indented by `hang` spaces. */
function hanging(helper: Help, text: string, width: number, hang: number): string {
  return helper.boxWrap(text, Math.max(width - hang, 10)).replace(/\n/g, `\n${' '.repeat(hang)}`);
}

/** Commander's Help settings: its own layout where it fits, the description under the item where not. */
export const helpLayout: Partial<Help> = {
  // boxWrap wraps from this width on (commander's default, 40, would leave narrow text unwrapped)
  minWidthToWrap: 10,
  /** The usage line, its arguments continued under the command where it is too long. */
  commandUsage(this: Help, cmd: Command): string {
    const usage = Help.prototype.commandUsage.call(this, cmd);
    const width = this.helpWidth ?? PIPE_WIDTH;
    return USAGE.length + usage.length <= width ? usage : hanging(this, usage, width, USAGE.length);
  },
  formatItem(term, termWidth, description, helper) {
    const width = helper.helpWidth ?? PIPE_WIDTH;
    if (!description || width - termWidth - 4 >= MIN_BESIDE)
      return Help.prototype.formatItem.call(helper, term, termWidth, description, helper);
    return `  ${term}\n${' '.repeat(UNDER)}${hanging(helper, description, width, UNDER)}`;
  },
};

/**
 * A help block (examples, keys) wrapped to the width: a `key   text` line keeps its text column, an
 * example command too long for a line goes on over ` \` continuation lines, as a shell reads it.
 */
export function fitBlock(text: string, width: number): string {
  const helper = blockWrapper();
  let inCommand = false;
  return text
    .split('\n')
    .map((line) => {
      const example = /^(\s*\$ )(.*)$/.exec(line);
      // a line after one ending in ` \` goes on with the same command
      const command = example ?? (inCommand ? /^(\s*)(.*)$/.exec(line) : null);
      inCommand = command !== null && line.endsWith(' \\');
      if (line.length <= width) return line;
      if (command) return continued(command[1]!, command[2]!, width);
      const key = /^(\s+\S+(?: \S+)?\s{2,})(.*)$/.exec(line);
      if (key) return key[1]! + hanging(helper, key[2]!, width, key[1]!.length);
      return hanging(helper, line, width, 2);
    })
    .join('\n');
}

/**
 * A shell command over several lines: words moved to ` \`-continued lines indented by 2 more than
 * `prompt`; a trailing comment first goes on a line of its own, and a ` \` it ended with stays last.
 */
function continued(prompt: string, command: string, width: number): string {
  const goesOn = command.endsWith(' \\');
  const body = goesOn ? command.slice(0, -2) : command;
  const hash = body.search(/\s+# /);
  const code = hash >= 0 ? body.slice(0, hash) : body;
  const comment = hash >= 0 ? commentLines(prompt.length, body.slice(hash).trim().slice(2), width) : '';
  const lines: string[] = [];
  let current = prompt;
  for (const word of code.split(' ').filter(Boolean)) {
    // room for the ` \` a broken line ends with
    if (current.trim().length > 1 && current.length + 1 + word.length > width - 2) {
      lines.push(`${current} \\`);
      current = `${' '.repeat(prompt.length + 2)}${word}`;
    } else current += current.endsWith(' ') || current.length === 0 ? word : ` ${word}`;
  }
  lines.push(goesOn ? `${current} \\` : current);
  return comment + lines.join('\n');
}

/** A shell comment at `indent`, each line of it starting `# `, wrapped to `width`. */
function commentLines(indent: number, text: string, width: number): string {
  const pad = `${' '.repeat(indent)}# `;
  return `${pad}${blockWrapper()
    .boxWrap(text, Math.max(width - pad.length, 10))
    .replace(/\n/g, `\n${pad}`)}\n`;
}

/** Commander's word wrapping for text outside its own layout, with this module's threshold. */
function blockWrapper(): Help {
  return Object.assign(new Help(), { minWidthToWrap: helpLayout.minWidthToWrap });
}
