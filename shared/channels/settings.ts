// Channels of the settings domain. Owned by the settings work; merged into shared/contract.ts.
export const settingsChannels = {} as const;
