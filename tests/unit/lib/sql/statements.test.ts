import { describe, expect, it } from 'vitest';
import { bindNamed, errorLocation, splitStatements } from '../../../../src/lib/sql/statements.ts';

describe('splitStatements', () => {
  it('splits at semicolons and remembers each statement’s first line', () => {
    const sql = '-- header\nBEGIN;\nINSERT INTO t VALUES (1);\n\n  UPDATE t\n  SET a = 2;\nCOMMIT;\n';
    const st = splitStatements(sql);
    expect(st.map((s) => s.text)).toEqual(['BEGIN', 'INSERT INTO t VALUES (1)', 'UPDATE t\n  SET a = 2', 'COMMIT']);
    expect(st.map((s) => s.line)).toEqual([2, 3, 5, 7]);
    expect(st.map((s) => s.number)).toEqual([1, 2, 3, 4]);
    for (const s of st) expect(sql.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
  });

  it('ignores semicolons in comments, literals, quoted identifiers and dollar quotes', () => {
    const sql = [
      "INSERT INTO t VALUES ('a;b', 'it''s; fine', E'x\\';y'); -- trailing; comment",
      '/* block; /* nested; */ still; */ SELECT "odd;name" FROM t;',
      'DO $body$ BEGIN PERFORM 1; END $body$;',
      'SELECT $$;$$',
    ].join('\n');
    const st = splitStatements(sql);
    expect(st.map((s) => s.line)).toEqual([1, 2, 3, 4]);
    expect(st[0]?.text).toBe("INSERT INTO t VALUES ('a;b', 'it''s; fine', E'x\\';y')");
    expect(st[1]?.text).toBe('SELECT "odd;name" FROM t');
    expect(st[2]?.text).toBe('DO $body$ BEGIN PERFORM 1; END $body$');
    expect(st[3]?.text).toBe('SELECT $$;$$');
  });

  it('gives no statement for blank or comment-only text', () => {
    expect(splitStatements('  \n-- nothing;\n/* ; */ ;;\n')).toEqual([]);
  });
});

describe('bindNamed', () => {
  it('binds each known name once as $n, padded so positions stay put', () => {
    const b = bindNamed("UPDATE a SET p = p + :points WHERE c = :customer_id AND :points > 0 AND x = ':points' AND y = :points::int", { points: 24, customer_id: 'cus_1' });
    expect(b.names).toEqual(['points', 'customer_id']);
    expect(b.params).toEqual([24, 'cus_1']);
    expect(b.text).toBe("UPDATE a SET p = p + $1      WHERE c = $2           AND $1      > 0 AND x = ':points' AND y = $1     ::int");
  });

  it('leaves casts, comments and unknown names alone', () => {
    const b = bindNamed('SELECT 1::text, :nope -- :points\n', { points: 1 });
    expect(b.text).toBe('SELECT 1::text, :nope -- :points\n');
    expect(b.params).toEqual([]);
  });
});

describe('errorLocation', () => {
  it('maps a 1-based character position into the learner’s line and column', () => {
    const sql = 'BEGIN;\nSELECT 1,\n       nope\nFROM t;';
    const st = splitStatements(sql)[1];
    if (st === undefined) throw new Error('no statement');
    const pos = Array.from(st.text).indexOf('n') + 1; // where Postgres would point at "nope"
    expect(errorLocation(sql, st, pos)).toEqual({ line: 3, column: 8 });
    expect(errorLocation(sql, st, String(pos))).toEqual({ line: 3, column: 8 });
    expect(errorLocation(sql, st, undefined)).toEqual({ line: 2, column: 1 });
  });

  it('counts characters, not UTF-16 units', () => {
    const sql = "SELECT '😀😀',\n  x";
    const st = splitStatements(sql)[0];
    if (st === undefined) throw new Error('no statement');
    expect(errorLocation(sql, st, 16)).toEqual({ line: 2, column: 3 }); // x is code point 16, UTF-16 unit 18
  });
});
