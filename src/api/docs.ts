/**
 * A small server-rendered HTML view of the OpenAPI document: every operation with its parameters,
 * request body schema and responses. No CDN and no script: the server may have no internet.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

function asObject(value: Json | undefined): JsonObject | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null
}

/** One schema as indented text: objects by property, refs by name, enums listed. */
function schemaText(schema: Json | undefined, components: JsonObject, depth = 0): string {
  const s = asObject(schema)
  if (!s) return 'any'
  const pad = '  '.repeat(depth + 1)
  if (typeof s.$ref === 'string') {
    const name = s.$ref.split('/').at(-1) ?? s.$ref
    const target = asObject(components[name])
    return depth < 2 && target ? `${name} ${schemaText(target, components, depth)}` : name
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = s[key]
    if (Array.isArray(options))
      return options.map((o) => schemaText(o, components, depth)).join(key === 'allOf' ? ' & ' : ' | ')
  }
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ')
  if (s.const !== undefined) return JSON.stringify(s.const)
  const type = Array.isArray(s.type) ? s.type.join(' | ') : typeof s.type === 'string' ? s.type : 'any'
  if (type === 'array') return `array of ${schemaText(s.items, components, depth)}`
  const properties = asObject(s.properties)
  if (properties) {
    const required = new Set(Array.isArray(s.required) ? s.required.map(String) : [])
    const lines = Object.entries(properties).map(
      ([name, value]) =>
        `${pad}${name}${required.has(name) ? '' : '?'}: ${schemaText(value, components, depth + 1)}`,
    )
    return `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}`
  }
  const limits = ['format', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern']
    .filter((k) => s[k] !== undefined)
    .map((k) => `${k} ${String(s[k])}`)
  return limits.length > 0 ? `${type} (${limits.join(', ')})` : type
}

function contentSection(content: Json | undefined, components: JsonObject): string {
  const media = asObject(content)
  if (!media) return ''
  return Object.entries(media)
    .map(([type, value]) => {
      const schema = asObject(value)?.schema
      return `<div class="media">${escapeHtml(type)}</div><pre>${escapeHtml(schemaText(schema, components))}</pre>`
    })
    .join('')
}

function operationHtml(method: string, path: string, op: JsonObject, components: JsonObject): string {
  const parameters = Array.isArray(op.parameters) ? op.parameters.map(asObject).filter((p) => p !== null) : []
  const rows = parameters
    .map(
      (p) =>
        `<tr><td>${escapeHtml(String(p.name))}</td><td>${escapeHtml(String(p.in))}</td><td>${p.required ? 'yes' : 'no'}</td><td>${escapeHtml(schemaText(p.schema, components))}</td></tr>`,
    )
    .join('')
  const body = asObject(op.requestBody)
  const responses = Object.entries(asObject(op.responses) ?? {})
    .map(([status, value]) => {
      const response = asObject(value) ?? {}
      return `<li><b>${escapeHtml(status)}</b> ${escapeHtml(String(response.description ?? ''))}${contentSection(response.content, components)}</li>`
    })
    .join('')
  const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-')
  return `<section id="${id}">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
${op.summary ? `<p>${escapeHtml(String(op.summary))}</p>` : ''}
${op.description ? `<p class="description">${escapeHtml(String(op.description))}</p>` : ''}
${rows ? `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>${rows}</table>` : ''}
${body ? `<h4>Request body${body.required ? '' : ' (optional)'}</h4>${contentSection(body.content, components)}` : ''}
<h4>Responses</h4><ul>${responses}</ul>
</section>`
}

/** Renders the OpenAPI document as one self-contained HTML page. */
export function renderDocs(document: unknown): string {
  const doc = asObject(document as Json) ?? {}
  const info = asObject(doc.info) ?? {}
  const components = asObject(asObject(doc.components)?.schemas) ?? {}
  const sections: string[] = []
  const index: string[] = []
  for (const [path, item] of Object.entries(asObject(doc.paths) ?? {})) {
    const operations = asObject(item) ?? {}
    for (const method of METHODS) {
      const op = asObject(operations[method])
      if (!op) continue
      const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-')
      index.push(`<li><a href="#${id}">${method.toUpperCase()} ${escapeHtml(path)}</a></li>`)
      sections.push(operationHtml(method, path, op, components))
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(String(info.title ?? 'API'))}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}
section{border-top:1px solid #ddd;padding:.5rem 0}pre{background:#f6f6f6;padding:.5rem;overflow:auto}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
.method{font-family:monospace;padding:0 .3rem;border-radius:3px;color:#fff;background:#555}
.get{background:#2a6f3c}.post{background:#1f4f8b}.patch{background:#8b5a1f}.delete{background:#8b1f1f}
.media{font-family:monospace;color:#666}
</style></head><body>
<h1>${escapeHtml(String(info.title ?? 'API'))} <small>${escapeHtml(String(info.version ?? ''))}</small></h1>
<p>${escapeHtml(String(info.description ?? ''))}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escapeHtml(String(doc.openapi ?? ''))}).</p>
<ul>${index.join('')}</ul>
${sections.join('\n')}
</body></html>`
}
