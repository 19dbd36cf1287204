/*
 * React, React Router and Remix choose their production or development code
 * by NODE_ENV when they are first loaded. An ES module's imports are all
 * evaluated before its own body, and the server's imports load React (the
 * demo's models draw charts with it): set in `start.ts`'s body, NODE_ENV came
 * too late, and `npm start` served React's development build (slower, and its
 * warnings write the URLs they name, tokens included, to the console). So it is
 * this module's whole body, and the entry points import it first.
 */
process.env.NODE_ENV = "production";
