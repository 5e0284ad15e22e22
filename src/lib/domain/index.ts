// The domain's codes (as stored in the database) and, per audience, the message keys that put
// them into words. Client-safe: imported by server code and pages alike. The database holds the
// same codes in CHECK constraints, written out in migrations/ because migrations never import app
// code; domain.spec.ts compares the two.
export * from './audit';
export * from './cases';
export * from './citizens';
export * from './consent';
export * from './journeys';
export * from './language';
export * from './letters';
export * from './meetings';
export * from './municipality';
export * from './notifications';
export * from './one-of';
export * from './representation';
export * from './staff';
export * from './timeline';
