export * from './quorum.js';
export { MajorityConfig, majorityString } from './majority.js';
export { JointConfig } from './joint.js';
