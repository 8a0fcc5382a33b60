// Prints the BuildKit conformance counts of the Dockerfile engine: npx tsx scripts/conformance.ts
import { summary } from '../src/dockerfile/testing/conformance.ts';

console.log(summary());
