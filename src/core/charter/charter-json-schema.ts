import { z } from 'zod'
import { charterDocumentShape } from './document-schema.ts'

/**
 * The JSON Schema of a charter document as written (`io: 'input'`: keys with defaults are optional),
 * so an editor completes and checks a YAML charter that starts with
 * `# yaml-language-server: $schema=./charter.schema.json`. Draft 7, which every editor reads.
 * The cross-reference checks (a post at a declared level, unique rule ids) are beyond JSON Schema:
 * `charter charter validate` makes them.
 */
export function charterJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(charterDocumentShape, { io: 'input', target: 'draft-7' })
  const { $schema, ...rest } = schema
  return {
    $schema,
    title: 'Charter document',
    description:
      'An organisation’s rulebook as data: levels, and rules of eleven families, each with a stable id and a plain-language text.',
    ...rest,
  }
}

/** The schema as the committed file `charter/charter.schema.json` holds it. */
export function charterJsonSchemaText(): string {
  return `${JSON.stringify(charterJsonSchema(), null, 2)}\n`
}
