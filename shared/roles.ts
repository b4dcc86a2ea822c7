import { z } from 'zod';

/**
 * Roles and what each may do (issue 9). The core enforces this table on every call; the renderer
 * reads it only to hide what would be refused anyway.
 */
export const ROLES = ['operator', 'analyst', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const PERMISSIONS = [
  'view', // see the fleet, sites, nodes, the audit log
  'ssh', // open shells, run broadcasts
  'drain', // drain / resume / requeue nodes and jobs
  'alerts', // acknowledge and silence alerts
  'plan.relieve', // relieve plans (hot or failing nodes)
  'plan.consolidate', // consolidation previews
  'reports', // sustainability and sovereignty reports
  'failover', // evacuate a node, site or region
  'policy', // edit residency policies
  'sites', // add, edit, remove sites and their secrets
  'audit.export', // export the audit log
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  operator: ['view', 'ssh', 'drain', 'alerts', 'plan.relieve', 'plan.consolidate', 'audit.export'],
  analyst: ['view', 'plan.consolidate', 'reports', 'audit.export'],
  admin: PERMISSIONS,
};

export const ROLE_LABELS: Record<Role, string> = {
  operator: 'NOC operator',
  analyst: 'Sustainability analyst',
  admin: 'Admin',
};

export const can = (role: Role, permission: Permission): boolean =>
  ROLE_PERMISSIONS[role].includes(permission);
