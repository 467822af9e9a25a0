/**
 * Every rule id a finding may carry, with its severity: one registry, so that an id is spelled one
 * way (`stage.kebab-case`) and its severity is decided once. A finding says the severity of its
 * rule (finding.ts finding()); lint's findings are warnings in check and build (lint/plan.ts asWarnings).
 * README ("--format json") documents the ids users script against; test/rules.test.ts keeps this
 * list and the code in step.
 */
import type { Severity } from "./finding.js";

export const RULES = {
  // read: the file and its YAML
  "file.none": "error",
  "file.read": "error",
  "file.size": "error",
  "file.special": "error",
  "file.binary": "error",
  "file.empty": "error",
  "file.encoding": "error",
  "file.unreadable-folder": "warning",
  "yaml.syntax": "error",
  "yaml.top-level": "error",
  "yaml.duplicate-key": "error",
  "yaml.empty-key": "error",
  "yaml.complex-key": "error",
  "yaml.inexact-number": "error",
  "yaml.tag": "error",
  "yaml.anchor": "error",
  "limit.depth": "error",
  "limit.nodes": "error",
  "limit.alias": "error",
  "limit.text": "error",
  "profile.path": "error",
  // validate: the schema (ajv's keywords in kebab case), tables, completeness
  "schema.unknown-key": "error",
  "schema.quote": "error",
  "schema.required": "error",
  "schema.type": "error",
  "schema.empty": "error",
  "schema.conflict": "error",
  "schema.dependency": "error",
  "schema.pattern": "error",
  "schema.enum": "error",
  "schema.const": "error",
  "schema.max-items": "error",
  "schema.max-length": "error",
  "schema.maximum": "error",
  "schema.minimum": "error",
  "schema.exclusive-minimum": "error",
  "schema.not": "error",
  "schema.any-of": "error",
  "table.cells": "error",
  "table.widths": "error",
  "table.columns": "error",
  "table.rows": "error",
  "table.span": "error",
  "table.align": "error",
  "table.amount-column": "error",
  "table.sheet": "error",
  "table.row-kind": "error",
  "table.row-level": "error",
  "plan.incomplete": "error",
  // normalize
  "plan.unused-key": "error",
  "text.punctuation": "error",
  "text.forbidden-char": "error",
  "text.nested-footnote": "error",
  "text.title-paragraph": "error",
  "text.summary-capitals": "warning",
  "text.reference-unknown": "error",
  "text.reference-duplicate": "error",
  "text.reference-unnumbered": "error",
  "text.note-place": "error",
  // render
  "templates.path": "error",
  "templates.file": "error",
  "templates.syntax": "error",
  "templates.runtime": "error",
  "templates.unknown": "warning",
  // lint (kehoach lint; warnings in check and build)
  "lint.stale-year": "warning",
  "lint.date-invalid": "error",
  "lint.deadline": "warning",
  "lint.date-future": "warning",
  "lint.citation": "warning",
  "lint.recipient-duplicate": "warning",
  "lint.archive": "warning",
  "lint.signature": "error",
  "lint.text-nfd": "warning",
  "lint.legacy-encoding": "error",
  "lint.hand-numbering": "warning",
  "lint.end-mark": "warning",
  "lint.double-space": "warning",
  "lint.literal-newline": "warning",
  "lint.brackets": "warning",
  "lint.stale-reference": "warning",
  "lint.title-width": "warning",
  "lint.table-sum": "error",
  "lint.unknown-rule": "warning",
  "lint.fix": "error",
  // import (kehoach import)
  "import.read": "error",
  "import.not-plan": "error",
  "import.proof": "error",
  // kehoach fmt
  "fmt.unformatted": "error",
  "fmt.not-plan": "error",
  "fmt.internal": "error",
  "fmt.write": "error",
  // import: reading a Word document (read/word)
  "word.empty": "error",
  "word.size": "error",
  "word.not-document": "error",
  "word.encrypted": "error",
  "word.macros": "error",
  "word.zip": "error",
  "word.xml": "error",
  "word.no-soffice": "error",
  "word.convert": "error",
  "word.legacy-encoding": "warning",
  // commands: outputs and the batch
  "build.profile": "error",
  "build.memory": "error",
  "build.internal": "error",
  "output.write": "error",
  "output.collision": "error",
  "output.pdf": "error",
  "pdf.font": "warning",
  "pdf.reproducible": "warning",
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof RULES;

/**
 * The id of a finding for an ajv keyword without a rule of its own: "maxLength" → "schema.max-length";
 * a keyword the schemas do not use yet is "schema.not" (the value is not what the schema allows).
 */
export function schemaRule(keyword: string): RuleId {
  const id = "schema." + keyword.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
  return id in RULES ? (id as RuleId) : "schema.not";
}
