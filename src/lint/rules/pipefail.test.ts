import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './pipefail.ts';

runRuleTests(rule, {
  valid: [
    { name: 'SHELL with pipefail', code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL x | tar -xz\n' },
    { name: 'inherited SHELL', code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM base\nRUN curl x | sh\n' },
    { name: 'errexit then pipefail, bash at a non-standard path', code: 'FROM debian:12\nSHELL ["/usr/local/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\nRUN a | b\n' },
    { name: 'set -o pipefail first', code: 'FROM debian:12\nRUN set -euo pipefail; curl x | tar -xz\n' },
    { name: 'or-list and quoted pipe', code: 'FROM debian:12\nRUN true || echo "a|b" \'c|d\'\n' },
    { name: 'non-POSIX shell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n' },
    { name: 'exec form', code: 'FROM debian:12\nRUN ["sh", "-c", "a | b"]\n' },
  ],
  invalid: [
    {
      name: 'pipe under /bin/sh -c',
      code: 'FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz | tar -xz -C /opt\n',
      errors: [{ messageId: 'pipefail', line: 2, column: 42, endLine: 2, endColumn: 43 }],
    },
    {
      name: 'plain sh with -o pipefail still warns (dash lacks it)',
      code: 'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n',
      errors: [{ messageId: 'pipefail', line: 3, column: 7 }],
    },
    {
      name: 'a new stage does not inherit from an unrelated one',
      code: 'FROM debian:12 AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nFROM debian:12\nRUN a | b\n',
      errors: [{ messageId: 'pipefail', line: 5, column: 7 }],
    },
    {
      name: 'SHELL without pipefail',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN a | b\n',
      errors: [{ messageId: 'pipefail', line: 3, column: 7 }],
    },
  ],
});
