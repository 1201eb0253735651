import { conformanceSuite } from '../support/golden.js';

conformanceSuite('etcd-raft-v3.6.0/quorum', 'quorum', 4);
