import { z } from "zod";

// Zod probes `new Function("")` to compile fast object parsers; the page's CSP forbids eval, and
// the caught probe still counts as a policy violation. The browser parses small forms only.
z.config({ jitless: true });
