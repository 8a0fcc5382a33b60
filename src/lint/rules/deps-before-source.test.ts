import { runRuleTests } from '../testing/rule-tester.ts';
import rule from './deps-before-source.ts';

runRuleTests(rule, {
  valid: [
    { code: 'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n' },
    { code: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n' },
    { name: 'install of named packages does not read a manifest', code: 'FROM python:3.12\nCOPY . .\nRUN pip install requests\n' },
  ],
  invalid: [
    { code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n', errors: [{ messageId: 'sourceFirst', line: 3, column: 1 }] },
    { code: 'FROM python:3.12\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n', errors: [{ messageId: 'sourceFirst', line: 2, column: 1 }] },
    { code: 'FROM rust:1.80\nCOPY src ./src\nCOPY Cargo.toml .\nRUN cargo build --release\n', errors: [{ messageId: 'sourceFirst', line: 2, column: 1 }] },
    { code: 'FROM maven:3\nCOPY . .\nRUN mvn package\n', errors: [{ messageId: 'sourceFirst', line: 2, column: 1 }] },
  ],
});
