// Flows run in tests match their patterns in RE2, as on the server (see ~/nodes/shared/pattern.ts).
import { installRe2Patterns } from "~/nodes/shared/pattern-match.server";

installRe2Patterns();
