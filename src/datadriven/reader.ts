// Streaming reader of test files: directives, inputs and expected outputs,
// plus the byte range of each output block so rewrites can splice it.
//
// Line splitting follows bufio.ScanLines: "\n" ends a line, a trailing "\r"
// is not part of the line, and a final unterminated line counts. Unlike Go's
// scanner, there is no limit on line length.

import { DirectiveError } from './errors.js';
import { goTrimSpace } from '../util/utf8.js';
import { parseLine } from './parser.js';
import { TestData } from './testdata.js';

class LineScanner {
  private next = 0;
  /** Text of the current line (without "\n" and a trailing "\r"). */
  text = '';
  /** Offset of the current line's first byte, and just past its "\n". */
  start = 0;
  end = 0;
  /** 1-based number of the current line. */
  line = 0;

  constructor(private readonly content: string) {}

  /** Offset where the next line would start. */
  get offset(): number {
    return this.next;
  }

  scan(): boolean {
    const s = this.content;
    if (this.next >= s.length) return false;
    const nl = s.indexOf('\n', this.next);
    const end = nl < 0 ? s.length : nl;
    let textEnd = end;
    if (textEnd > this.next && s.charCodeAt(textEnd - 1) === 0x0d) textEnd--;
    this.start = this.next;
    this.text = s.slice(this.next, textEnd);
    this.end = nl < 0 ? s.length : nl + 1;
    this.next = this.end;
    this.line++;
    return true;
  }
}

/** Where the output block of the last directive read lies in the content. */
export interface OutputBlock {
  /** Whether the directive had a `----` separator. */
  hasSeparator: boolean;
  /** Byte range from the `----` line through the block's terminating line. */
  start: number;
  end: number;
}

const SEPARATOR = '----';

export class TestDataReader {
  private readonly scanner: LineScanner;
  /** file:line of the last line read between directives (Go keeps it for EOF errors). */
  pos: string;
  /** Block of the directive last returned (undefined for subtest directives). */
  block: OutputBlock | undefined;

  constructor(
    readonly content: string,
    readonly sourceName: string,
    readonly rewrite = false,
  ) {
    this.scanner = new LineScanner(content);
    this.pos = `${sourceName}:0`;
  }

  /**
   * The next directive, or undefined at the end. `subtest` directives come
   * back without input and expected output. Throws DirectiveError (with pos)
   * on a malformed directive or block.
   */
  next(): TestData | undefined {
    const sc = this.scanner;
    while (sc.scan()) {
      const lineNo = sc.line;
      const pos = `${this.sourceName}:${lineNo}`;
      this.pos = pos;
      this.block = undefined;

      let line = goTrimSpace(sc.text);
      if (line.startsWith('#')) continue;

      let directive = sc.text;
      if (line.endsWith('\\')) {
        const raw = [sc.text];
        while (line.endsWith('\\') && sc.scan()) {
          raw.push(sc.text);
          line = line.slice(0, -1) + ' ' + goTrimSpace(sc.text);
        }
        directive = raw.join('\n');
      }

      let parsed;
      try {
        parsed = parseLine(line);
      } catch (e) {
        if (e instanceof DirectiveError) e.pos = pos;
        throw e;
      }
      if (parsed.cmd === '') continue;

      const td = new TestData({
        file: this.sourceName,
        line: lineNo,
        cmd: parsed.cmd,
        cmdArgs: parsed.cmdArgs,
        directive,
        rewrite: this.rewrite,
      });
      if (parsed.cmd === 'subtest') return td;

      const inputLines: string[] = [];
      let separator = false;
      let blockStart = -1;
      while (sc.scan()) {
        if (sc.text === SEPARATOR) {
          separator = true;
          blockStart = sc.start;
          break;
        }
        inputLines.push(sc.text);
      }
      if (!separator) blockStart = sc.offset;
      td.input = goTrimSpace(inputLines.join('\n'));
      if (separator) td.expected = this.readExpected(pos);
      this.block = { hasSeparator: separator, start: blockStart, end: sc.offset };
      return td;
    }
    return undefined;
  }

  private readExpected(pos: string): string {
    const sc = this.scanner;
    const lines: string[] = [];
    let line = '';
    let allowBlankLines = false;
    if (sc.scan()) {
      line = sc.text;
      allowBlankLines = line === SEPARATOR;
    }

    if (allowBlankLines) {
      // The block ends at two successive `----` lines, which must be
      // followed by a blank line or the end of the file.
      while (sc.scan()) {
        line = sc.text;
        if (line === SEPARATOR && sc.scan()) {
          const line2 = sc.text;
          if (line2 === SEPARATOR) {
            if (sc.scan() && sc.text !== '') {
              throw new DirectiveError(
                'non-blank line after end of double ---- separator section',
                pos,
              );
            }
            break;
          }
          lines.push(line, line2);
          continue;
        }
        lines.push(line);
      }
    } else {
      // The block ends at the first blank line (consumed) or the end.
      for (;;) {
        if (goTrimSpace(line) === '') break;
        lines.push(line);
        if (!sc.scan()) break;
        line = sc.text;
      }
    }
    return lines.length === 0 ? '' : lines.join('\n') + '\n';
  }
}

/** Everything a file holds, read without running anything (throws DirectiveError). */
export function readAll(content: string, sourceName = '<string>'): TestData[] {
  const r = new TestDataReader(content, sourceName);
  const out: TestData[] = [];
  for (let td; (td = r.next()) !== undefined; ) out.push(td);
  return out;
}
