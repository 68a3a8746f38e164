/**
 * The SQL lab's text handling, pure: split a learner's SQL into statements that remember where they
 * start, bind named parameters (`:event_id`) as `$n`, and map a PostgreSQL error `position` back to a
 * line of the learner's text.
 *
 * The lexer knows what a semicolon or a colon inside other things is not: `--` and nested `/* *\/`
 * comments, `'…'` literals (doubled quotes, and backslash escapes in `E'…'`), `"…"` identifiers and
 * `$tag$…$tag$` dollar-quoted bodies. An unterminated literal or comment runs to the end of the text and
 * Postgres reports it.
 */

/** A piece of the text: code, or something in which `;` and `:` mean nothing. */
interface Segment {
  readonly kind: 'code' | 'comment' | 'literal';
  readonly start: number;
  readonly end: number;
}

const identChar = /[A-Za-z0-9_$]/;

function lex(source: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  let codeStart = 0;
  const push = (kind: Segment['kind'], start: number, end: number): void => {
    if (codeStart < start) segments.push({ kind: 'code', start: codeStart, end: start });
    segments.push({ kind, start, end });
    codeStart = end;
  };
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '-' && next === '-') {
      const nl = source.indexOf('\n', i);
      const end = nl === -1 ? source.length : nl;
      push('comment', i, end);
      i = end;
    } else if (c === '/' && next === '*') {
      let depth = 1;
      let j = i + 2;
      while (j < source.length && depth > 0) {
        if (source[j] === '/' && source[j + 1] === '*') {
          depth += 1;
          j += 2;
        } else if (source[j] === '*' && source[j + 1] === '/') {
          depth -= 1;
          j += 2;
        } else j += 1;
      }
      push('comment', i, j);
      i = j;
    } else if (c === "'") {
      const escapes = i > 0 && /[eE]/.test(source[i - 1] ?? '') && (i < 2 || !identChar.test(source[i - 2] ?? ''));
      let j = i + 1;
      while (j < source.length) {
        if (escapes && source[j] === '\\') j += 2;
        else if (source[j] === "'" && source[j + 1] === "'") j += 2;
        else if (source[j] === "'") break;
        else j += 1;
      }
      const end = Math.min(j + 1, source.length);
      push('literal', i, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      while (j < source.length && !(source[j] === '"' && source[j + 1] !== '"')) j += source[j] === '"' ? 2 : 1;
      const end = Math.min(j + 1, source.length);
      push('literal', i, end);
      i = end;
    } else if (c === '$' && (i === 0 || !identChar.test(source[i - 1] ?? ''))) {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(source.slice(i))?.[0];
      if (tag === undefined) {
        i += 1;
        continue;
      }
      const close = source.indexOf(tag, i + tag.length);
      const end = close === -1 ? source.length : close + tag.length;
      push('literal', i, end);
      i = end;
    } else i += 1;
  }
  if (codeStart < source.length) segments.push({ kind: 'code', start: codeStart, end: source.length });
  return segments;
}

export interface Statement {
  /** 1-based: the first statement of the text is statement 1. */
  readonly number: number;
  /** What is sent to Postgres: from the statement's first token up to (not including) its `;`. */
  readonly text: string;
  /** Where `text` starts in the learner's text (a string index). */
  readonly offset: number;
  /** 1-based line of the learner's text on which the statement starts. */
  readonly line: number;
}

/** The 1-based line of a string index. */
export function lineAt(source: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < source.length; i += 1) if (source[i] === '\n') line += 1;
  return line;
}

/**
 * The statements of `source`, in order. Comments before a statement are not part of it; a piece
 * made only of comments and blanks is no statement.
 */
export function splitStatements(source: string): Statement[] {
  const out: Statement[] = [];
  let first = -1; // index of the current statement's first token
  const close = (end: number): void => {
    if (first === -1) return;
    const text = source.slice(first, end).replace(/\s+$/, '');
    out.push({ number: out.length + 1, text, offset: first, line: lineAt(source, first) });
    first = -1;
  };
  for (const seg of lex(source)) {
    if (seg.kind === 'comment') continue;
    if (seg.kind === 'literal') {
      if (first === -1) first = seg.start;
      continue;
    }
    for (let i = seg.start; i < seg.end; i += 1) {
      const c = source[i] ?? '';
      if (c === ';') close(i);
      else if (first === -1 && !/\s/.test(c)) first = i;
    }
  }
  close(source.length);
  return out;
}

export interface Bound {
  /** The statement with each `:name` replaced by `$n` padded with spaces: positions do not move. */
  readonly text: string;
  readonly params: unknown[];
  /** The names bound, in `$n` order. */
  readonly names: string[];
}

/**
 * Binds the named parameters of `text` that `values` knows (`:points` → `$1`), leaving `::` casts,
 * literals and comments alone. A name `values` does not know stays as written, so Postgres reports it
 * as a syntax error at its own position. The same name used twice is one parameter.
 */
export function bindNamed(text: string, values: Readonly<Record<string, unknown>>): Bound {
  const names: string[] = [];
  let out = '';
  let copied = 0;
  for (const seg of lex(text)) {
    if (seg.kind !== 'code') continue;
    for (let i = seg.start; i < seg.end; i += 1) {
      if (text[i] !== ':') continue;
      if (text[i + 1] === ':') {
        i += 1;
        continue;
      }
      if (text[i - 1] === ':') continue;
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1, seg.end))?.[0];
      if (name === undefined || !Object.hasOwn(values, name)) continue;
      let n = names.indexOf(name) + 1;
      if (n === 0) n = names.push(name);
      const original = name.length + 1;
      const replacement = `$${n}`;
      // Padding keeps every later position where it was, so error positions need no translation.
      if (replacement.length > original) throw new Error(`parameter :${name} is too short to bind as ${replacement}; use a longer name`);
      out += text.slice(copied, i) + replacement.padEnd(original, ' ');
      copied = i + original;
      i += original - 1;
    }
  }
  out += text.slice(copied);
  return { text: out, params: names.map((n) => values[n]), names };
}

/**
 * The line and column (both 1-based) in the learner's text of a Postgres error `position`: a 1-based
 * count of characters (code points, not UTF-16 units) into the statement's text. Undefined or out of
 * range gives the statement's own line.
 */
export function errorLocation(source: string, statement: Statement, position: number | string | undefined): { line: number; column: number } {
  const p = Number(position);
  const chars = Array.from(statement.text);
  if (!Number.isInteger(p) || p < 1 || p > chars.length + 1) {
    const lineStart = source.lastIndexOf('\n', statement.offset - 1) + 1;
    return { line: statement.line, column: Array.from(source.slice(lineStart, statement.offset)).length + 1 };
  }
  const index = statement.offset + chars.slice(0, p - 1).join('').length;
  const lineStart = source.lastIndexOf('\n', index - 1) + 1;
  return { line: lineAt(source, index), column: Array.from(source.slice(lineStart, index)).length + 1 };
}
