// Why our constructors swap the stack-trace formatter while they register.
//
// @pulumi/pulumi wraps four promises of every property a resource registers in `debuggablePromise`,
// which keeps `new Error().stack` on each for leak reports it prints only under
// PULUMI_DEBUG_PROMISE_LEAKS. Reading `.stack` runs the program's formatter, and Pulumi installs
// source-map-support as that formatter: a source-map look-up per frame. With our classes' 8 to 18
// properties per resource that was most of a program's CPU in `preview --refresh` (docs/performance.md).
// While a constructor of ours registers, those traces (and only those) are not formatted at all;
// the resource's source position, Pulumi's pre-allocated registration errors (formatted when
// first read, after the constructor) and every other error keep the program's formatter.

type Formatter = NonNullable<typeof Error.prepareStackTrace>;

const LEAK_TRACE_FUNCTION = "debuggablePromise";

function isLeakTrace(frames: readonly NodeJS.CallSite[]): boolean {
  return frames[0]?.getFunctionName() === LEAK_TRACE_FUNCTION;
}

// What such a trace holds instead: nobody reads it unless PULUMI_DEBUG_PROMISE_LEAKS is set, and
// then the swap is off. Even V8's plain frames cost a third of the source-mapped ones.
const NOT_KEPT = "Error (stack not kept; set PULUMI_DEBUG_PROMISE_LEAKS=1 to keep it)";

/**
 * Installs the light formatter for leak-report traces and returns what puts the program's back.
 * Does nothing when no formatter is installed (V8's own is already plain) or when the user asked
 * for leak reports.
 */
export function lightLeakTraces(): () => void {
  const program = Error.prepareStackTrace;
  if (typeof program !== "function" || process.env.PULUMI_DEBUG_PROMISE_LEAKS) return () => {};
  const light: Formatter = (err, frames) => (isLeakTrace(frames) ? NOT_KEPT : program(err, frames));
  Error.prepareStackTrace = light;
  return () => {
    // A formatter installed meanwhile (by code the constructor ran) stays.
    if (Error.prepareStackTrace === light) Error.prepareStackTrace = program;
  };
}
