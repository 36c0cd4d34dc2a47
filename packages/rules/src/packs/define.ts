/** Helpers that let a pack file read like the notice it encodes. */
import type { Clause, PolicyPack } from '../pack.js';

export function clauses(...list: Clause[]): Record<string, Clause> {
  const out: Record<string, Clause> = {};
  for (const c of list) out[c.key] = c;
  return out;
}

/** A pack that builds on another: the child's clauses are added, the rest replaces the parent's. */
export function extendPack(parent: PolicyPack, child: Omit<PolicyPack, 'clauses' | 'kinds'> & Partial<Pick<PolicyPack, 'kinds'>> & { clauses: Record<string, Clause> }): PolicyPack {
  return {
    ...parent,
    ...child,
    inherits: parent.id,
    clauses: { ...parent.clauses, ...child.clauses },
    kinds: { ...parent.kinds, ...(child.kinds ?? {}) },
  };
}
