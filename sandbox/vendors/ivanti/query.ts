// Paging (`start`, `rows`) and the `fq` filter of search calls.
import type { FieldError } from "./errors.js";
import type { IvantiAccount, IvantiSettings } from "./state.js";

export type Paging = { start: number; rows: number };

/** Documented: rows in 1..500 (400 `Range` otherwise); `start` is the offset of the first row. */
export function parsePaging(query: URLSearchParams, settings: IvantiSettings): Paging | FieldError[] {
  const errors: FieldError[] = [];
  const int = (name: string, fallback: number): number => {
    const raw = query.get(name);
    if (raw === null || raw.trim() === "") return fallback;
    if (!/^-?\d+$/.test(raw.trim())) {
      errors.push({ code: "typeMismatch", field: name, message: `Failed to convert value '${raw}' to a number` });
      return fallback;
    }
    return Number(raw);
  };
  const rows = int("rows", settings.defaultRows);
  const start = int("start", 0);
  if (errors.length === 0 && (rows < 1 || rows > settings.maxRows)) {
    errors.push({ code: "Range", field: "rows", message: `must be between 1 and ${settings.maxRows}` });
  }
  if (errors.length === 0 && start < 0) errors.push({ code: "Min", field: "start", message: "must be greater than or equal to 0" });
  return errors.length ? errors : { start, rows };
}

/** One page: `rows` from `start`, but never more than the database cap (documented: 50 rows). */
export function pageOf<T>(items: readonly T[], paging: Paging, settings: IvantiSettings): T[] {
  return items.slice(paging.start, paging.start + Math.min(paging.rows, settings.databaseRowsCap));
}

type Getter = (a: IvantiAccount) => string | number | null;

const FQ_FIELDS: Record<string, Getter> = {
  UID: (a) => a.uid,
  EMAILADDRESS: (a) => a.emailAddress,
  USERNAME: (a) => a.username,
  DISPLAYNAME: (a) => a.displayName,
  FIRSTNAME: (a) => a.firstName,
  LASTNAME: (a) => a.lastName,
  ID: (a) => a.id,
  ACCOUNTSOURCE: (a) => a.accountSource,
};

/**
 * `fq` on accounts: `UID=<v>` (seen in client code) or `UID EQ <v>` (the device filter syntax,
 * INFERRED for accounts); conditions joined by `AND`; values compared case-insensitively.
 */
export function parseFilter(fq: string | null): ((a: IvantiAccount) => boolean) | FieldError {
  if (fq === null || fq.trim() === "") return () => true;
  const tests: Array<(a: IvantiAccount) => boolean> = [];
  for (const cond of fq.split(/\s+AND\s+/i)) {
    const m = /^\s*([A-Za-z]+)\s*(?:=|\s+EQ\s+)\s*(.*?)\s*$/i.exec(cond);
    const getter = m ? FQ_FIELDS[m[1]!.toUpperCase()] : undefined;
    if (!m || !getter) {
      return { code: "Invalid", field: "fq", message: `Unsupported filter '${cond.trim()}'; use FIELD=value or FIELD EQ value with one of ${Object.keys(FQ_FIELDS).join(", ")}` };
    }
    const want = m[2]!.replace(/^'(.*)'$/, "$1").replace(/^"(.*)"$/, "$1").toLowerCase();
    tests.push((a) => String(getter(a) ?? "").toLowerCase() === want);
  }
  return (a) => tests.every((t) => t(a));
}

/** `q`: free text matched against the names and addresses of an account (INFERRED). */
export function parseFreeText(q: string | null): (a: IvantiAccount) => boolean {
  const needle = q?.trim().toLowerCase();
  if (!needle) return () => true;
  return (a) => [a.uid, a.emailAddress, a.username, a.displayName, a.firstName, a.lastName].some((v) => v?.toLowerCase().includes(needle));
}
