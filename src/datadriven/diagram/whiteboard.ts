// A sparse character canvas for drawing text diagrams in test output
// (port of datadriven/diagram). Coordinates may be negative; the canvas grows
// as needed. Text is UTF-8 byte strings, positioned by rune.

import { decodeRunes, encodeRunes } from '../../util/utf8.js';

const SPACE = 0x20;

interface Line {
  firstCol: number;
  buf: number[] | undefined;
}

export class Whiteboard {
  private firstLine = 0;
  private lines: Line[] = [];

  /** Writes s with its first rune at (lineIdx, colIdx), overwriting. */
  write(lineIdx: number, colIdx: number, s: string): void {
    const runes = decodeRunes(s);
    const l = this.getLine(lineIdx);
    if (l.buf === undefined) {
      l.firstCol = colIdx;
      l.buf = runes;
      return;
    }
    if (colIdx < l.firstCol) {
      // Grow by at least half to amortize repeated extensions to the left.
      const newLength = Math.max(l.firstCol + l.buf.length - colIdx, Math.trunc((l.buf.length * 3) / 2));
      const extra = newLength - l.buf.length;
      l.buf = new Array<number>(extra).fill(SPACE).concat(l.buf);
      l.firstCol -= extra;
    }
    while (l.firstCol + l.buf.length < colIdx + runes.length) l.buf.push(SPACE);
    const at = colIdx - l.firstCol;
    for (let i = 0; i < runes.length; i++) l.buf[at + i] = runes[i]!;
  }

  private getLine(lineIdx: number): Line {
    const blank = (): Line => ({ firstCol: 0, buf: undefined });
    if (this.lines.length === 0) {
      this.lines = [blank()];
      this.firstLine = lineIdx;
    } else if (lineIdx < this.firstLine) {
      const extra = this.firstLine - lineIdx;
      this.lines = Array.from({ length: extra }, blank).concat(this.lines);
      this.firstLine = lineIdx;
    } else if (lineIdx >= this.firstLine + this.lines.length) {
      const extra = lineIdx - (this.firstLine + this.lines.length) + 1;
      for (let i = 0; i < extra; i++) this.lines.push(blank());
    }
    return this.lines[lineIdx - this.firstLine]!;
  }

  toString(): string {
    return this.indented(0);
  }

  /** The drawing with every line indented, leftmost non-space column at the indent. */
  indented(indent: number): string {
    if (this.lines.length === 0) return '';
    let firstCol = Number.MAX_SAFE_INTEGER;
    for (const l of this.lines) {
      if (l.firstCol < firstCol) {
        const buf = l.buf ?? [];
        let i = 0;
        while (i < buf.length && buf[i] === SPACE) i++;
        firstCol = Math.min(firstCol, l.firstCol + i);
      }
    }
    const pad = ' '.repeat(indent);
    const out: string[] = [];
    for (const l of this.lines) {
      const buf = l.buf ?? [];
      if (l.firstCol > firstCol) {
        out.push(pad + ' '.repeat(l.firstCol - firstCol) + encodeRunes(buf) + '\n');
      } else {
        out.push(pad + encodeRunes(buf.slice(firstCol - l.firstCol)) + '\n');
      }
    }
    return out.join('');
  }
}
