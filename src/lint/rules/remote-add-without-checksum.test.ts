import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './remote-add-without-checksum.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/x /x\n' },
    { name: 'git source', code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n' },
    { code: 'FROM alpine:3.20\nADD local.txt /x\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nADD https://example.com/tool.tar.gz /tmp/\n', errors: [{ messageId: 'noChecksum', line: 2, column: 5, endLine: 2, endColumn: 36 }] },
  ],
});
