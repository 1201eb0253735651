export { Changer, checkInvariants, describe } from './confchange.js';
export { restore, toConfChangeSingle } from './restore.js';
