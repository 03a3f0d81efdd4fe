// `node --import ./test/support/trace-imports.mjs …`: appends every module Node resolves (one URL a line) to
// the file in CREDITO_TRACE_IMPORTS, so a test can tell which packages a CLI command really loaded.
import { register } from "node:module";

register("./trace-imports-hooks.mjs", import.meta.url, { data: { file: process.env.CREDITO_TRACE_IMPORTS } });
