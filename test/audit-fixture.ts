// Test fixtures of `apiidentity audit`: two vendor modules of the registry with fake inventories (no
// HTTP), one reporting last use and one not, and settings for one or two tenants of them.
import type { InventoryEntry } from "../provider/vendor-module.js";
import { resolveSettings, type Settings } from "../provider/settings.js";
import { VENDORS } from "../provider/vendors/index.js";
import type { AuditVendor } from "../cli/audit-core.js";

export const NOW = new Date("2026-12-04T12:00:00.000Z");

/** `days` days before NOW, as ISO 8601. */
export const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

const registered = (name: string) => VENDORS.find((v) => v.name === name)!;

/** A vendor module of the registry whose audit lists `entries` by tenant URL and records each call. */
export function fakeVendor(name: "ibm-verify" | "ivanti", byTenant: Readonly<Record<string, InventoryEntry[]>>, calls: string[] = []): AuditVendor {
  const v = registered(name);
  const urlSetting = name === "ibm-verify" ? "ibmVerifyTenantUrl" : "ivantiBaseUrl";
  return {
    ...v,
    audit: {
      ...(name === "ibm-verify" ? { lastUsed: { field: "lastUsedTime" } } : {}),
      administrative: name === "ibm-verify" ? [/^manage/] : ["Admin"],
      async inventory(settings, progress) {
        const url = (settings as Readonly<Record<string, string | undefined>>)[urlSetting]!;
        calls.push(`${name} ${url}`);
        const entries = byTenant[url];
        if (!entries) throw new Error(`connect ECONNREFUSED (${url})`);
        progress?.(entries.length);
        return entries;
      },
    },
  };
}

/** Settings for the two fake vendors' tenants (undefined: that vendor not configured). */
export function tenantSettings(verifyUrl: string | undefined, ivantiUrl: string | undefined): Settings {
  return resolveSettings({
    env: {
      ...(verifyUrl ? { IBM_VERIFY_TENANT_URL: verifyUrl, IBM_VERIFY_CLIENT_ID: "auditor", IBM_VERIFY_CLIENT_SECRET: "s3cret-verify" } : {}),
      ...(ivantiUrl ? { IVANTI_BASE_URL: ivantiUrl, IVANTI_USERNAME: "api", IVANTI_PASSWORD: "s3cret-ivanti" } : {}),
    },
  });
}
