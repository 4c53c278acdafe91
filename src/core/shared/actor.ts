/** Who caused a change: a signed-in account, the CLI operator, or the system itself. */
export type Actor =
  | { readonly kind: 'account'; readonly accountId: number }
  | { readonly kind: 'cli' }
  | { readonly kind: 'system' }

export const systemActor: Actor = { kind: 'system' }
export const cliActor: Actor = { kind: 'cli' }
