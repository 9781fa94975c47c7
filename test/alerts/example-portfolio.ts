// The example's portfolio.yml ends with its own `alerts:` (what the daily workflow checks); the
// alert tests replace it with the alerts each test is about.

/** portfolio.yml's text with its `alerts:` block (and the comment above it) taken off the end. */
export function withoutAlerts(portfolioYaml: string): string {
  return portfolioYaml.replace(/\n(?:#[^\n]*\n)*alerts:\n[\s\S]*$/, '\n');
}
