package dev.shoecatalog.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fault injection, not a store: a loopback listener that accepts every connection and never reads
 * or answers, as a blackholed node or a stalled server does. A real Redis or Elasticsearch cannot be
 * made to accept connections and stay silent on demand.
 */
public final class BlackholeServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private BlackholeServer(ServerSocket server) {
        this.server = server;
    }

    public static BlackholeServer start() {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            BlackholeServer blackhole = new BlackholeServer(server);
            Thread acceptor = new Thread(blackhole::accept, "blackhole-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return blackhole;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the blackhole port", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far (each left open and unanswered). */
    public int accepted() {
        return accepted.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                accepted.add(server.accept());
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing a listening socket cannot fail in a way that matters here.
        }
        for (Socket socket : accepted) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }
}
