/*
 * Runs the app's dependencies as `npm start` does: with NODE_ENV=production,
 * set before any of them is loaded (React, React Router and Remix pick their
 * production or development builds when first required). Import it right after
 * log-capture.ts and before test-server.ts. Under Vitest NODE_ENV is "test",
 * and the development builds write warnings of their own to the console: React
 * Router's "No routes matched location <path and query>" names whatever an
 * unmatched URL carries, a report or invite token included. `npm start` never
 * writes it; `npm run dev` does.
 */
export const NODE_ENV_BEFORE = process.env.NODE_ENV;
process.env.NODE_ENV = "production";
