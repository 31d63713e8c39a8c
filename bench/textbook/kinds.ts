// The two kinds of the textbook comparison (bench/textbook/index.ts holds their providers).
export const TEXTBOOK_KINDS = ["UiPathRobotAccount", "VerifyApiClient"] as const;
