import type { BodyRef } from '../../api/types.ts'
import { bodyHref } from '../../app/router.ts'

interface BreadcrumbsProps {
  readonly ancestors: readonly BodyRef[]
  readonly current: { readonly name: string }
}

/** Where the body sits: its ancestors from the root, each a link, then the body itself. */
export function Breadcrumbs({ ancestors, current }: BreadcrumbsProps) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {ancestors.map((ancestor) => (
          <li key={ancestor.id}>
            <a href={bodyHref(ancestor.id)}>{ancestor.name}</a>
          </li>
        ))}
        <li>
          <span aria-current="page">{current.name}</span>
        </li>
      </ol>
    </nav>
  )
}
