import { z } from 'zod';

// zod 4 probes `new Function('')` to decide whether it may compile fast parsers; under our CSP
// (script-src 'self', no 'unsafe-eval') that probe is reported as a violation on every load. Parse
// without the JIT instead: the payloads are small and the CSP stays clean.
z.config({ jitless: true });
