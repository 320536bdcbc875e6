// Where a role's session stands, as the renewal engine and every view show it.

export const ROLE_STATUSES = ['idle', 'active', 'renewing', 'needs-mfa', 'failed', 'expired'] as const;
export type RoleStatus = (typeof ROLE_STATUSES)[number];
