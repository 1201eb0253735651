import { conformanceSuite } from '../support/golden.js';

conformanceSuite('etcd-raft-v3.6.0/confchange', 'confchange', 9);
