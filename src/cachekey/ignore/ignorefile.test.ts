/**
 * @module cachekey/ignore/ignorefile.test
 * Which ignore file applies: `<Dockerfile>.dockerignore` wins over `.dockerignore`, never merged.
 */
import { describe, expect, it } from 'vitest';
import { chooseIgnoreFile } from './ignorefile.ts';

const files = (map: Record<string, string>) => (p: string): Promise<string | undefined> => Promise.resolve(map[p]);

describe('chooseIgnoreFile', () => {
  it('prefers the Dockerfile-specific file', async () => {
    const c = await chooseIgnoreFile('build/app.Dockerfile', files({ 'build/app.Dockerfile.dockerignore': 'a', '.dockerignore': 'b' }));
    expect(c).toEqual({ path: 'build/app.Dockerfile.dockerignore', patterns: ['a'] });
  });
  it('falls back to the context .dockerignore', async () => {
    const c = await chooseIgnoreFile('Dockerfile', files({ '.dockerignore': 'b\n!c' }));
    expect(c).toEqual({ path: '.dockerignore', patterns: ['b', '!c'] });
  });
  it('uses Dockerfile.dockerignore for the default Dockerfile', async () => {
    const c = await chooseIgnoreFile('./Dockerfile', files({ 'Dockerfile.dockerignore': 'x', '.dockerignore': 'y' }));
    expect(c.patterns).toEqual(['x']);
  });
  it('an empty specific file still wins (it exists)', async () => {
    const c = await chooseIgnoreFile('Dockerfile', files({ 'Dockerfile.dockerignore': '', '.dockerignore': 'y' }));
    expect(c).toEqual({ path: 'Dockerfile.dockerignore', patterns: [] });
  });
  it('none', async () => {
    expect(await chooseIgnoreFile('Dockerfile', files({}))).toEqual({ path: undefined, patterns: [] });
  });
});
