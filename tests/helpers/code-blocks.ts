import ts from 'typescript';
import { join } from 'node:path';
import { root } from './content-files.ts';

/** One fenced code block of a Markdown/MDX file. */
export interface CodeBlock {
  /** The file it is in, relative to the project root (`lessons/06-idempotent-consumers.mdx`). */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The first word of the fence's info string (`ts`, `sql`), or `''` when the block has none. */
  lang: string;
  /** The block's text, without the fences. */
  code: string;
}

/** Every fenced block (``` or ~~~) of a Markdown/MDX source, in order. An unclosed block runs to the end. */
export function codeBlocks(file: string, source: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let open: { fence: string; line: number; lang: string; lines: string[] } | undefined;
  for (const [index, text] of source.split('\n').entries()) {
    const match = /^\s*(```+|~~~+)\s*([^\s`]*)/.exec(text);
    if (open === undefined) {
      if (match) open = { fence: match[1] ?? '```', line: index + 1, lang: match[2] ?? '', lines: [] };
    } else if (match && (match[1] ?? '').startsWith(open.fence) && match[2] === '') {
      blocks.push({ file, line: open.line, lang: open.lang, code: open.lines.join('\n') });
      open = undefined;
    } else {
      open.lines.push(text);
    }
  }
  if (open) blocks.push({ file, line: open.line, lang: open.lang, code: open.lines.join('\n') });
  return blocks;
}

/** The compiler options snippets are checked with: strict, modern ES, Node's globals. */
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts'],
  types: ['node'],
};

/**
 * Type-checks TypeScript code blocks with the compiler API and returns one message per error,
 * naming the source file and line (`lessons/06-idempotent-consumers.mdx:97: TS2339: …`); `[]` means
 * every block compiles. Each block becomes its own module, prefixed by `declarations[block.file]`
 * (what the snippets of that file leave out, kept local to the module), and `ambient` is a shared
 * declaration file for libraries that are not installed (`declare module '…'`). Installed packages
 * (`pg` through `@types/pg`) resolve from the project's node_modules. The files are kept in memory,
 * under a directory of the project that does not exist on disk, so nothing is written.
 */
export function compileSnippets(blocks: readonly CodeBlock[], declarations: Readonly<Record<string, string>>, ambient: string): string[] {
  const dir = join(root, 'tests', '.code-blocks');
  const files = new Map<string, { text: string; block?: CodeBlock; preludeLines: number }>();
  files.set(join(dir, 'ambient.d.ts'), { text: ambient, preludeLines: 0 });
  blocks.forEach((block, index) => {
    const prelude = declarations[block.file] ?? '';
    const preludeLines = prelude === '' ? 0 : prelude.split('\n').length;
    // `export {}` makes every block a module, so one block's names never clash with another's.
    files.set(join(dir, `block-${index}.ts`), { text: `${prelude === '' ? '' : `${prelude}\n`}${block.code}\nexport {};\n`, block, preludeLines });
  });

  const host = ts.createCompilerHost(OPTIONS);
  const base = { fileExists: host.fileExists, readFile: host.readFile, getSourceFile: host.getSourceFile };
  host.fileExists = (name) => files.has(name) || base.fileExists(name);
  host.readFile = (name) => files.get(name)?.text ?? base.readFile(name);
  host.getSourceFile = (name, language, ...rest) => {
    const virtual = files.get(name);
    return virtual ? ts.createSourceFile(name, virtual.text, language, true) : base.getSourceFile(name, language, ...rest);
  };

  const program = ts.createProgram([...files.keys()], OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    const virtual = diagnostic.file ? files.get(diagnostic.file.fileName) : undefined;
    if (!diagnostic.file || diagnostic.start === undefined || !virtual) return `TS${diagnostic.code}: ${message}`;
    const line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line; // 0-based
    if (!virtual.block) return `ambient declarations, line ${line + 1}: TS${diagnostic.code}: ${message}`;
    const { file, line: fence } = virtual.block;
    if (line < virtual.preludeLines) return `${file} (declarations for its code blocks, line ${line + 1}): TS${diagnostic.code}: ${message}`;
    return `${file}:${fence + 1 + line - virtual.preludeLines}: TS${diagnostic.code}: ${message} (in the ts block opened at line ${fence})`;
  });
}
