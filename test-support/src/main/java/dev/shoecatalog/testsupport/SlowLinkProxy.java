package dev.shoecatalog.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fault injection, not a store: a TCP relay on a free loopback port in front of a real server that
 * can add latency to every request, or reset one connection, on demand, which a real Redis or
 * Elasticsearch cannot be told to do. With no fault set it relays bytes unchanged.
 */
public final class SlowLinkProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "slow-link-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile long delayMillis;
    /** Reset the first connection that has sent more than this many bytes; negative: none. */
    private final java.util.concurrent.atomic.AtomicLong resetAfterBytes = new java.util.concurrent.atomic.AtomicLong(-1);
    private final java.util.concurrent.atomic.AtomicInteger resets = new java.util.concurrent.atomic.AtomicInteger();

    private SlowLinkProxy(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    /** Starts relaying from a free loopback port to {@code targetPort} on the loopback interface. */
    public static SlowLinkProxy start(int targetPort) {
        return start(targetPort, 0);
    }

    /** Starts relaying from {@code listenPort} (e.g. the port of a link a test closed) to {@code targetPort}. */
    public static SlowLinkProxy start(int targetPort, int listenPort) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), 50);
            SlowLinkProxy proxy = new SlowLinkProxy(server, targetPort);
            proxy.threads.execute(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the proxy port", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every chunk a client sends waits this long before it reaches the server; zero relays at once. */
    public void delay(Duration delay) {
        this.delayMillis = delay.toMillis();
    }

    /**
     * Resets (TCP RST, as a crashed peer or a dropped NAT entry does) the first connection whose client
     * has sent more than {@code bytes} from now on, once: small control connections are left alone.
     */
    public void resetOneConnectionAfter(long bytes) {
        resetAfterBytes.set(bytes);
    }

    /** How many connections {@link #resetOneConnectionAfter} has reset. */
    public int resets() {
        return resets.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> relay(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            open.add(client);
            open.add(target);
            client.setTcpNoDelay(true);
            target.setTcpNoDelay(true);
            threads.execute(() -> pump(target, client, false));
            pump(client, target, true);
        } catch (IOException serverGone) {
            // The client sees its connection closed, as it would if the server were unreachable.
        } finally {
            open.remove(client);
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[64 * 1024];
        long sent = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                long delay = delayMillis;
                if (fromClient && delay > 0) {
                    Thread.sleep(delay);
                }
                sent += read;
                long threshold = resetAfterBytes.get();
                if (fromClient && threshold >= 0 && sent > threshold && resetAfterBytes.compareAndSet(threshold, -1)) {
                    resets.incrementAndGet();
                    reset(from);
                    reset(to);
                    return;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (SocketException | InterruptedException closed) {
            // One side went away; closing both below ends the other pump.
        } catch (IOException e) {
            // Same: the connection is over.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(to);
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // Closed already: nothing to reset.
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing a listening socket cannot fail in a way that matters here.
        }
        open.forEach(SlowLinkProxy::closeQuietly);
        threads.shutdownNow();
    }
}
