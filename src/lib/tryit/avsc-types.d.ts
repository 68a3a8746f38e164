/** avsc's browser entry point for types only (no files, streams or services). */
declare module 'avsc/etc/browser/avsc-types.js' {
  /** `Type` and friends; this project uses `Type.forSchema` and `createResolver`. */
  const avro: import('./schema-compat.ts').AvroLib;
  export default avro;
}
