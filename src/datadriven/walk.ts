// Finding test files under a directory, named like upstream's Walk subtests.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface TestFile {
  path: string;
  /** Path relative to the root with each component's extension cut, joined with "/" ("" for a root file). */
  name: string;
}

// Editor droppings and hidden files: .x, x~, #x#.
const IGNORED = /(^\..*)|(.*~$)|(^#.*#$)/s;

/** Whether walk skips a directory entry of this name. */
export function isIgnoredFile(name: string): boolean {
  return IGNORED.test(name);
}

/** A file name without its extension (Go's filepath.Ext rule). */
export function cutExt(fileName: string): string {
  const i = fileName.lastIndexOf('.');
  return i < 0 ? fileName : fileName.slice(0, i);
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * Every regular file under root (recursively, symlinks followed, entries
 * sorted by name, ignored names skipped), in walk order. A root that is a
 * file yields itself with name "". Throws if root cannot be read.
 */
export function listTestFiles(root: string): TestFile[] {
  const out: TestFile[] = [];
  const visit = (path: string, name: string, isRoot: boolean): void => {
    const st = statSync(path);
    if (st.isDirectory()) {
      const entries = readdirSync(path).filter((e) => !isIgnoredFile(e)).sort(byteOrder);
      for (const e of entries) {
        const sub = cutExt(e);
        visit(join(path, e), name === '' ? sub : `${name}/${sub}`, false);
      }
    } else if (st.isFile() || isRoot) {
      out.push({ path, name });
    }
  };
  visit(root, '', true);
  return out;
}

/** Calls f for every file listTestFiles finds, with its test name. */
export function walk(root: string, f: (path: string, name: string) => void): void {
  for (const { path, name } of listTestFiles(root)) f(path, name);
}

/** The paths listTestFiles finds. */
export function walkFiles(root: string): string[] {
  return listTestFiles(root).map((f) => f.path);
}
