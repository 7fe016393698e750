// zod as every schema module imports it. In the browser zod parses without compiling code at run time: its
// compiled fast path needs `new Function`, which the pages' Content-Security-Policy forbids, and even zod's
// probe for it is reported as a violation. Set here, before any schema is built (a schema checks the setting
// when it is made). The server keeps the fast path: rating saves parse their input there.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
