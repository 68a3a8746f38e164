/**
 * The part of Node's `util` module avsc uses in the browser (the schema-evolution Try-it):
 * prototype inheritance and printf-style messages. astro.config.mjs points avsc's
 * `require('util')` here for client builds only.
 */

/** Makes `ctor` inherit from `superCtor`, as Node's `util.inherits` does. */
export function inherits(ctor: { prototype: object; super_?: unknown }, superCtor: { prototype: object }): void {
  ctor.super_ = superCtor;
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

/** `%s`, `%d`, `%i`, `%j` and `%%` substitution, as in Node's `util.format`. */
export function format(template: unknown, ...args: unknown[]): string {
  if (typeof template !== 'string') return [template, ...args].map(String).join(' ');
  let i = 0;
  const out = template.replace(/%[sdij%]/g, (token) => {
    if (token === '%%') return '%';
    if (i >= args.length) return token;
    const arg = args[i++];
    if (token === '%j') return JSON.stringify(arg);
    if (token === '%d' || token === '%i') return String(token === '%i' ? Math.trunc(Number(arg)) : Number(arg));
    return String(arg);
  });
  return [out, ...args.slice(i).map(String)].join(' ');
}

/** A debug logger that stays silent, like Node's when NODE_DEBUG does not name the section. */
export function debuglog(): (...args: unknown[]) => void {
  return () => undefined;
}

/** Returns `fn` unchanged: the page has no console to warn on. */
export function deprecate<F>(fn: F): F {
  return fn;
}

/** The module as `require('util')` returns it. */
export default { inherits, format, debuglog, deprecate };
