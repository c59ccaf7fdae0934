// Channels of the intake domain. Owned by the intake work; merged into shared/contract.ts.
export const intakeChannels = {} as const;
