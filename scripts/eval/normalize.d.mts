// Types of normalize.mjs (the eval's normalization, copied) for the TypeScript scripts that use it.
export declare function normPhone(s: unknown): string;
export declare function normAcct(s: unknown): string;
export declare function normName(s: unknown): string;
export declare function addrEqual(a: unknown, b: unknown): boolean;
export declare function nameEqual(a: unknown, b: unknown): boolean;
