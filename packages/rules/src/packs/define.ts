/** Helpers that let a pack file read like the notice it encodes. */
import type { Clause, KindRule, PolicyPack } from '../pack.js';
import type { RecordKind } from '../types.js';

export function clauses(...list: Clause[]): Record<string, Clause> {
  const out: Record<string, Clause> = {};
  for (const c of list) out[c.key] = c;
  return out;
}

type ChildPack = Omit<PolicyPack, 'clauses' | 'kinds' | 'inherits' | 'annualRequirement' | 'units'> &
  Partial<Pick<PolicyPack, 'annualRequirement' | 'units'>> & {
    clauses: Record<string, Clause>;
    /** only the kinds this notice counts differently from its parent */
    kinds?: Partial<Record<RecordKind, KindRule>>;
  };

/**
 * A pack that builds on another. Only the rules inherit (clauses, record
 * kinds, the yearly requirement, hour units); what identifies a notice or belongs to its year (document number,
 * training window, deadline, fees, platforms, filing duty) never does: a
 * child that has them says so itself.
 */
export function extendPack(parent: PolicyPack, child: ChildPack): PolicyPack {
  return {
    annualRequirement: parent.annualRequirement,
    units: parent.units,
    ...child,
    inherits: parent.id,
    clauses: { ...parent.clauses, ...child.clauses },
    kinds: { ...parent.kinds, ...(child.kinds ?? {}) },
  };
}

/** 高研班、论坛、学术交流、进修考察: certificates that convert to professional hours under one clause. */
export function certificateKinds(key: string): Record<'高研班' | '论坛' | '学术交流' | '进修考察', KindRule> {
  return {
    高研班: { counts: 'professional', key },
    论坛: { counts: 'professional', key },
    学术交流: { counts: 'professional', key },
    进修考察: { counts: 'professional', key },
  };
}
