// The provider object of TestingMemo as this module's exports: Pulumi then serialises it as a
// require() of this package (state holds one short line) instead of copying its functions.
import adapter = require("../adapter.cjs");

export = adapter.providerFor("TestingMemo");
