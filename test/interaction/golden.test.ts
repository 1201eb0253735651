// Every interaction conformance script (etcd's own and the generated ones,
// whose outputs real etcd raft v3.6.0 produced) must come back byte for byte.
import { conformanceSuite } from '../support/golden.js';

conformanceSuite('etcd-raft-v3.6.0/interaction', 'interaction', 28);
conformanceSuite('generated', 'interaction', 168);
