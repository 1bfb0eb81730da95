package io.conversations.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients sending numbered texts ("w3-17") into one chat as fast as they are answered, until stopped: which texts
 * were answered 201, and what the other answers were. A call that gets no answer (the node stopped or was killed)
 * is neither: the test decides what it must mean.
 */
final class MessageSenders {
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final Set<String> refusals = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean going = new AtomicBoolean(true);
    private final ExecutorService threads;

    MessageSenders(Api api, String chatId, String token, int senders) {
        threads = Executors.newFixedThreadPool(senders);
        for (int w = 0; w < senders; w++) {
            int sender = w;
            threads.submit(() -> {
                for (int n = 0; going.get(); n++) {
                    String text = "w" + sender + "-" + n;
                    try {
                        Api.Reply reply = api.call("POST", "/v1/chats/" + chatId + "/messages", token,
                                "{\"type\":\"text\",\"text\":\"" + text + "\"}");
                        if (reply.status() == 201) {
                            acknowledged.add(text);
                        } else {
                            refusals.add(reply.status() + " " + reply.text());
                        }
                    } catch (IllegalStateException noAnswer) {
                        // the node no longer listens: not acknowledged
                    }
                }
            });
        }
    }

    /** Waits until more than {@code count} sends were answered 201, or 30 s, however slow the machine. */
    void awaitAcknowledged(int count) throws InterruptedException {
        long busyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acknowledged.size() <= count && System.nanoTime() < busyBy) {
            Thread.sleep(10);
        }
    }

    /** Stops sending and waits for every sender to end. */
    void stop() throws InterruptedException {
        going.set(false);
        threads.shutdown();
        assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS), "the senders ended");
    }
}
