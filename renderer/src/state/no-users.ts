import type { DeskUser } from '../../../shared/contract';

/**
 * The directory of a personal desk. One shared empty list: a zustand selector that returned a new
 * [] on every call would never settle (React's "getSnapshot should be cached") and the page would
 * loop until React gives up.
 */
export const NO_USERS: readonly DeskUser[] = Object.freeze([]);
