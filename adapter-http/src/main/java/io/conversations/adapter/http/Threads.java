package io.conversations.adapter.http;

import io.javalin.util.ConcurrencyUtil;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * Which threads serve requests and write event streams: virtual threads when the JVM has them (Java 21 and
 * later; the build targets 17 and runs there too), platform threads otherwise. A stream's writer waits for its
 * client's events most of its life: on a virtual thread that costs a few hundred bytes of heap, on a platform
 * thread a thread.
 */
public final class Threads {
    private static final boolean VIRTUAL = VirtualThreads.areSupported();

    private Threads() {}

    /** Whether requests and stream writers run on virtual threads. */
    public static boolean virtual() {
        return VIRTUAL;
    }

    /** One line for the start's log: which threads, on which Java. */
    public static String describe() {
        int feature = Runtime.version().feature();
        return VIRTUAL ? "virtual threads (Java " + feature + ")"
                : "platform threads (Java " + feature + "; virtual threads need Java 21 or later)";
    }

    /**
     * Jetty's pool: its selectors and acceptors stay on platform threads; with virtual threads, requests are
     * handled on a virtual thread each. Null keeps Javalin's own (platform) pool.
     */
    static ThreadPool requestPool() {
        if (!VIRTUAL) {
            return null;
        }
        QueuedThreadPool pool = new QueuedThreadPool(64, 4, 60_000);
        pool.setName("http");
        pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("http-v"));
        return pool;
    }

    /** Platform threads that write event streams, at most: a drain that waits (for a catch-up read's turn, for a
     * slow client's socket) holds one; the others queue. */
    static final int PLATFORM_STREAM_WRITERS = 128;

    /**
     * The executor that runs the event streams' drains (a drain writes what a stream has and returns): a virtual
     * thread each, or a bounded pool of platform threads that die after a minute idle.
     */
    static ExecutorService streamWriters() {
        if (VIRTUAL) {
            return ConcurrencyUtil.executorService("event-stream", true);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(PLATFORM_STREAM_WRITERS, PLATFORM_STREAM_WRITERS, 60,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    // Small stacks: a drain only reads a stream and writes to a socket.
                    Thread t = new Thread(null, task, "event-stream-" + n.incrementAndGet(), 256 * 1024);
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
