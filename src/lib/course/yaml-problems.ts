import { parseDocument } from 'yaml';

/**
 * Reads a YAML file's text and describes what keeps it from loading, each problem naming the file
 * and line: a key repeated in one mapping is named ("key "prompt" appears twice"), other syntax
 * errors keep the parser's own first line. Empty when the text is well-formed YAML.
 */
export function yamlProblems(file: string, text: string): string[] {
  return parseDocument(text, { uniqueKeys: true }).errors.map((error) => {
    const line = error.linePos?.[0].line;
    const where = line === undefined ? file : `${file}: line ${line}`;
    if (error.code === 'DUPLICATE_KEY') {
      const key = /^([^:\n]*?)\s*:/.exec(text.slice(error.pos[0]))?.[1]?.replace(/^["']|["']$/g, '');
      return `${where}: key "${key ?? '?'}" appears twice in the same mapping (YAML keys must be unique)`;
    }
    return `${where}: is not valid YAML: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`;
  });
}
