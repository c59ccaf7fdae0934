// Channels of the packet domain. Owned by the packet work; merged into shared/contract.ts.
export const packetChannels = {} as const;
