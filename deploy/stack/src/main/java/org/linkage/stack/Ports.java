package org.linkage.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Port checks for local servers: all of them listen on the loopback interface only. */
public final class Ports {
    private Ports() {
    }

    /** A port that was free a moment ago; good enough for test servers that start right after. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on this machine", e);
        }
    }

    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void awaitListening(String what, int port, Duration timeout, ManagedProcess process) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!inUse(port)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited before listening on port " + port
                        + "; see " + process.logFile());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not listen on port " + port + " within " + timeout.toSeconds()
                        + " s" + (process == null ? "" : "; see " + process.logFile()));
            }
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
