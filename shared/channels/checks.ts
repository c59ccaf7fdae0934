// Channels of the checks domain. Owned by the checks work; merged into shared/contract.ts.
export const checksChannels = {} as const;
