/**
 * @module lint/docs-url
 * Where a rule's generated documentation page lives (docs/rules/<id>.md, relative to the
 * repository root — the project has no published docs site yet), used by the SARIF `helpUri`,
 * the text formatter and the docs generator, so the three never disagree.
 */
export function docsUrl(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
