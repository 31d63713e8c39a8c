// What the bundles (scripts/bundle.mjs) take from undici in place of its
// index: the dispatchers and errors the transport uses, and the request method every dispatcher
// gets from undici's api module. undici's index also loads fetch, WebSocket, caches and mocks,
// which would double the bundle each dynamic-provider process parses before its first answer.
// The TypeScript source imports "undici" as usual; test/bundles.test.ts checks that these
// are undici's own classes and that a bundled request goes through.
"use strict";

const Dispatcher = require("undici/lib/dispatcher/dispatcher.js");

// undici's index does the same: request, stream, pipeline… become methods of every dispatcher.
Object.assign(Dispatcher.prototype, require("undici/lib/api/index.js"));

module.exports = {
  Agent: require("undici/lib/dispatcher/agent.js"),
  Pool: require("undici/lib/dispatcher/pool.js"),
  EnvHttpProxyAgent: require("undici/lib/dispatcher/env-http-proxy-agent.js"),
  errors: require("undici/lib/core/errors.js"),
};
