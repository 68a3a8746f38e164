// What the canvas parts can ask of the whiteboard that holds them.

/** The key under which the whiteboard shares its context with the parts it draws. */
export const WHITEBOARD_CONTEXT = Symbol('whiteboard');

/** Actions a part node can trigger on its whiteboard. */
export interface WhiteboardContext {
  /** Selects the part and moves focus to the rename field. */
  rename(id: string): void;
}
