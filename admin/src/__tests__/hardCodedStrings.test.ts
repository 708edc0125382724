import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Attributes a person reads or hears: their text must come from the translations too. */
const READ_ATTRIBUTES = new Set([
  'label',
  'aria-label',
  'placeholder',
  'title',
  'alt',
  'hint',
  'clearLabel',
  'closeLabel',
  'startLabel',
  'endLabel',
]);

/** Words, not an example of code such as a URL pattern or a content type UID. */
const isProse = (value: string) => /[A-Za-z]{2,}/.test(value) && !/[/@]|::/.test(value);

const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sources(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });

/** Text in the JSX of a file that is not a translation: words between tags, or in a label. */
const hardCodedIn = (file: string) => {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) =>
    `${path.relative(process.cwd(), file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isProse(node.text)) {
      found.push(`${where(node)} text "${node.text.trim()}"`);
    }
    if (
      ts.isJsxAttribute(node) &&
      READ_ATTRIBUTES.has(node.name.getText(source)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      isProse(node.initializer.text)
    ) {
      found.push(`${where(node)} ${node.name.getText(source)}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

describe('admin strings', () => {
  it('every text and label in the admin pages comes from the translations', () => {
    const root = path.join(__dirname, '..');
    const found = sources(root).flatMap(hardCodedIn);
    assert.deepEqual(found, [], 'put these in translations/en.json and nl.json');
  });
});
