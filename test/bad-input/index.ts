// The bad-input corpus of the five resource kinds.
import { controlRoomUserCorpus } from "./control-room-user.js";
import type { Corpus } from "./corpus.js";
import { iseApiUserCorpus } from "./ise-api-user.js";
import { uiPathRobotAccountCorpus } from "./uipath-robot-account.js";
import { uptrendsApiAccountCorpus } from "./uptrends-api-account.js";
import { verifyApiClientCorpus } from "./verify-api-client.js";

export * from "./corpus.js";

export const corpora: readonly Corpus[] = [iseApiUserCorpus, uptrendsApiAccountCorpus, controlRoomUserCorpus, verifyApiClientCorpus, uiPathRobotAccountCorpus];
