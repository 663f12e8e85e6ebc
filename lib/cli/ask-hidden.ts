/**
 * Reads one line from a terminal without echoing it (a password). The terminal is put in raw mode, so
 * this handles the few keys a line editor would: Enter ends the line, Backspace removes the last
 * character, Ctrl-U clears the line, Ctrl-C gives up (raw mode delivers it as a key, not as SIGINT),
 * Ctrl-D on an empty line is the end of input; cursor and function keys are ignored.
 */
export function askHidden(prompt: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  return new Promise((resolve, reject) => {
    let line = '';
    const wasRaw = input.isRaw;
    const finish = (outcome: () => void) => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      outcome();
    };
    const onEnd = () => finish(() => reject(new InputEndedError()));
    const onData = (chunk: string) => {
      for (const key of keysOf(chunk)) {
        if (key === '\r' || key === '\n') return finish(() => resolve(line));
        if (key === '\u0003') return finish(() => reject(new InterruptedError()));
        if (key === '\u0004') {
          if (!line) return finish(() => reject(new InputEndedError()));
          continue;
        }
        if (key === '\u007f' || key === '\b') line = Array.from(line).slice(0, -1).join('');
        else if (key === '\u0015') line = '';
        else if (key.startsWith('\u001b') || key < ' ') continue;
        else line += key;
      }
    };
    output.write(prompt);
    input.setEncoding('utf8');
    input.setRawMode(true);
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}

/** Characters one by one, an escape sequence (an arrow key: ESC [ A) as one key. */
function keysOf(chunk: string): string[] {
  return chunk.match(/\u001b(?:\[[0-9;?]*[ -/]*[@-~]|O.|.)?|[\s\S]/gu) ?? [];
}

/** Ctrl-C at the prompt. */
export class InterruptedError extends Error {
  constructor() {
    super('已取消');
  }
}

/** The terminal's input ended before a line did (Ctrl-D). */
export class InputEndedError extends Error {
  constructor() {
    super('输入已结束，未读取到密码');
  }
}
