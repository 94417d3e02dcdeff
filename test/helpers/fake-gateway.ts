/** The fake OpenAI-compatible gateway for tests: real HTTP on loopback, scripted replies. */
export * from '../../src/sim/gateway-server.js';
