/**
 * The broker simulation behind the course's labs: one import for islands and tests.
 * `engine.ts` runs it, `views.ts` reads it, `presets.ts` and `challenges.ts` hold the labs,
 * `request-chain.ts` is the synchronous comparison, `timeline.ts` seeks a run by replay and `stage-view.ts`
 * turns its state into what a lab's stage draws. Pure: no DOM, no clock, no global randomness.
 */
export * from './types.ts';
export { createSim, step, runUntil, runToEnd, runSteps, nextTime, advance, crashMember, redrive, publishNow, type Sim } from './engine.ts';
export { SimConfigError, configProblems } from './config.ts';
export * from './views.ts';
export { seedOf, createRandom, type Seed } from './random.ts';
export * from './presets.ts';
export * from './challenges.ts';
export * from './request-chain.ts';
export * from './slices.ts';
export * from './timeline.ts';
export * from './stage-view.ts';
