/** Helpers that let a pack file read like the notice it encodes. */
import type { Clause, PolicyPack } from '../pack.js';

export function clauses(...list: Clause[]): Record<string, Clause> {
  const out: Record<string, Clause> = {};
  for (const c of list) out[c.key] = c;
  return out;
}

type ChildPack = Omit<PolicyPack, 'clauses' | 'kinds' | 'inherits'> & Partial<Pick<PolicyPack, 'kinds'>> & { clauses: Record<string, Clause> };

/**
 * A pack that builds on another. Only the rules inherit (clauses, record
 * kinds); what identifies a notice or belongs to its year (document number,
 * training window, deadline, fees, platforms, filing duty) never does: a
 * child that has them says so itself.
 */
export function extendPack(parent: PolicyPack, child: ChildPack): PolicyPack {
  return {
    ...child,
    inherits: parent.id,
    clauses: { ...parent.clauses, ...child.clauses },
    kinds: { ...parent.kinds, ...(child.kinds ?? {}) },
  };
}
