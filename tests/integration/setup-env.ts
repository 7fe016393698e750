import { workerDatabaseUrl } from "./workers";

process.env.DATABASE_URL = workerDatabaseUrl();
// Every caller of the integration tests signs up from one address (factories' callerFor); the sign-up limit
// is tested on its own with its own addresses (sessions-and-sign-in.int.test.ts).
process.env.SIGNUP_LIMIT_PER_ADDRESS ??= "100000";
// A key of the tests' own for the equal-opportunities answers (production needs one; 32 bytes in base64url).
process.env.MONITORING_KEY ??= "integration-monitoring-key-0123456789abcdef";
