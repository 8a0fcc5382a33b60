/**
 * @module goproxy/protocol
 * The pure GOPROXY protocol layer: path/version grammar, case escaping, URL → request parsing,
 * GOPROXY list and GOPRIVATE pattern syntax, go.sum/go.mod reading. No I/O.
 */
export * from './semver.ts';
export * from './escape.ts';
export * from './module-path.ts';
export * from './request.ts';
export * from './goproxy-list.ts';
export * from './patterns.ts';
export * from './gosum.ts';
