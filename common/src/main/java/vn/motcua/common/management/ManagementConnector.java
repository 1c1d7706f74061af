package vn.motcua.common.management;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.Connection;
import org.eclipse.californium.scandium.dtls.InMemoryReadWriteLockConnectionStore;

/**
 * Scandium's DTLS connector with a connection store that gives sessions back. Californium 3.14 keeps a session its
 * client ended with close_notify (for resumption) in a slot of the store until it goes stale, and counts every
 * handshake, finished or not, as "recent" for 135 s; beyond {@link CoapSettings#DTLS_MAX_CONNECTIONS} of either, a
 * new client is refused (and answered with HelloVerifyRequests at once, in a loop). Here every new handshake first
 * removes the sessions their clients closed, and only unfinished handshakes count as recent (they end within 15 s),
 * so a district that calls a device again and again is never locked out; sessions never closed still give way,
 * least recently used first, once quiet for {@link CoapSettings#DTLS_STALE_AFTER}.
 */
final class ManagementConnector extends DTLSConnector {
    ManagementConnector(DtlsConnectorConfig config) {
        super(config, new ReleasingStore(config.get(DtlsConfig.DTLS_MAX_CONNECTIONS), CoapSettings.DTLS_STALE_AFTER.toSeconds()));
    }

    /** Californium's least-recently-updated store, which removes the closed sessions before it adds a new one. */
    private static final class ReleasingStore extends InMemoryReadWriteLockConnectionStore {
        ReleasingStore(int capacity, long staleAfterSeconds) {
            super(capacity, staleAfterSeconds, null, false);
        }

        /** A finished handshake is no longer a "recent handshake": only unfinished ones count against the limit. */
        @Override
        public void putEstablishedSession(Connection connection) {
            super.putEstablishedSession(connection);
            connection.startByClientHello(null);
        }

        @Override
        public boolean put(Connection connection) {
            for (Connection closed : closed()) {
                remove(closed, false);
            }
            return super.put(connection);
        }

        private List<Connection> closed() {
            List<Connection> closed = new ArrayList<>();
            connections.readLock().lock();
            try {
                for (Iterator<Connection> it = connections.valuesIterator(); it.hasNext(); ) {
                    Connection c = it.next();
                    if (c.isClosed()) {
                        closed.add(c);
                    }
                }
            } finally {
                connections.readLock().unlock();
            }
            return closed;
        }
    }
}
