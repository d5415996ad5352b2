export * from './enums';
export * from './api/errors';
export * from './api/me';
export * from './api/handovers';
