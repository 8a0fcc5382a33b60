import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './add-instead-of-copy.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nCOPY a /a\n' },
    { name: 'URL', code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/x /x\n' },
    { name: 'archive is extracted by ADD', code: 'FROM alpine:3.20\nADD rootfs.tar.gz /\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nADD config.yaml /etc/app/\n',
      errors: [{ messageId: 'useCopy', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: 'FROM alpine:3.20\nCOPY config.yaml /etc/app/\n',
    },
    { name: 'lower-case keyword keeps its case', code: 'FROM alpine:3.20\nadd --chown=1:1 src/ /src/\n', errors: [{ messageId: 'useCopy', line: 2, column: 1 }], output: 'FROM alpine:3.20\ncopy --chown=1:1 src/ /src/\n' },
    { name: 'variable source: may be an archive, report only', code: 'FROM alpine:3.20\nARG F=x\nADD $F /x\n', errors: [{ messageId: 'useCopy', line: 3, column: 1 }] },
  ],
});
