// CSV cells for files analysts open in a spreadsheet. Labels in an export are input text (outlet names, event
// titles, people's names), and a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return
// it strips first) as a formula: `=HYPERLINK(...)` or `=cmd|...` in an outlet's name would run on the analyst's
// machine. OWASP's advice: prefix such a cell with ' so it stays text. The CLI's export mirrors this rule.

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would read as a formula gets a leading ', which keeps it text; other text is unchanged. */
export function neutraliseCsvFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One cell: text neutralised, then quoted when it holds a comma, quote or line break. Numbers are written as
 * numbers (a negative count is a value, not a formula, and none can be injected through one).
 */
export function csvCell(value: string | number): string {
  const text = typeof value === "number" ? String(value) : neutraliseCsvFormula(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
