// The clock is the domain's (src/domain/changeClock.ts): the app's own writes stamp with it too,
// and the data layer cannot import sync. Kept here for the engine's and its tests' imports.
export * from '../domain/changeClock';
