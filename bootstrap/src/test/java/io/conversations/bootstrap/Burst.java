package io.conversations.bootstrap;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several users at once sending random requests, good and bad, over every call that changes what
 * a user sees (groups, pins, drafts, reads, hiding, marks, remind types, cleared histories, read-all, messages),
 * while the corp's backend changes
 * membership and nicks. Refusals are expected; a 5xx is a failure of the test.
 */
final class Burst {
    private static final String[] NAMES = {"f0", "f1", "f2", "需求", "Suppliers"};

    private final Api api;
    private final String corp;
    private final List<String> users = new ArrayList<>();
    private final List<String> chats = new ArrayList<>();
    private final List<String> conversationIds = new ArrayList<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final AtomicInteger successes = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> broken = new ConcurrentLinkedQueue<>();
    private final long seed = System.nanoTime();
    private int bigChats;

    Burst(Api api, String corp, int userCount, int chatCount) {
        this.api = api;
        this.corp = corp;
        for (int i = 0; i < userCount; i++) {
            users.add("u" + i);
        }
        for (int i = 0; i < chatCount; i++) {
            chats.add("g" + i);
        }
    }

    List<String> users() {
        return users;
    }

    String token(String user) {
        return tokens.get(user);
    }

    int successes() {
        return successes.get();
    }

    int failures() {
        return failures.get();
    }

    /** How many of the group chats were made with {@link EventsContract#BIG_CHAT_MEMBERS} or more members. */
    int bigChats() {
        return bigChats;
    }

    int chats() {
        return chats.size();
    }

    /** The corp, its users, group chats of random members, and a ring of one-to-one chats. */
    void provision() {
        api.corp(corp, users.toArray(String[]::new));
        Random random = new Random(seed);
        for (String chat : chats) {
            List<String> members = new ArrayList<>();
            for (String user : users) {
                if (random.nextInt(3) > 0) {
                    members.add(user);
                }
            }
            String owner = users.get(random.nextInt(users.size()));
            if (!members.contains(owner)) {
                members.add(owner);
            }
            // Half the chats of four or more (big ones) lose members down to three at first: they grow big as
            // the backend adds members during the run.
            if (members.size() >= EventsContract.BIG_CHAT_MEMBERS && random.nextBoolean()) {
                members = new ArrayList<>(members.subList(0, EventsContract.BIG_CHAT_MEMBERS - 1));
                if (!members.contains(owner)) {
                    members.set(0, owner);
                }
            }
            if (members.size() >= EventsContract.BIG_CHAT_MEMBERS) {
                bigChats++;
            }
            api.groupChat(corp, chat, owner, members.toArray(String[]::new));
            conversationIds.add("GROUP" + chat);
        }
        for (int i = 0; i < users.size(); i++) {
            String a = users.get(i);
            String b = users.get((i + 1) % users.size());
            api.admin("POST", "/v1/admin/corps/" + corp + "/chats",
                    "{\"type\":\"C2C\",\"memberIds\":[\"" + a + "\",\"" + b + "\"]}").is(201);
            conversationIds.add("C2C" + a);
        }
        conversationIds.add("GROUPnope");
        users.forEach(u -> tokens.put(u, api.token(corp, u)));
    }

    /** Every user runs {@code perUser} random requests while the backend runs {@code backend} changes. */
    void run(int perUser, int backend) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users.size() + 1);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                String user = users.get(i);
                Random random = new Random(seed + i + 1);
                running.add(pool.submit(() -> {
                    gate.await();
                    for (int n = 0; n < perUser; n++) {
                        userRequest(user, random);
                    }
                    return null;
                }));
            }
            Random admin = new Random(seed - 1);
            running.add(pool.submit(() -> {
                gate.await();
                for (int n = 0; n < backend; n++) {
                    backendRequest(admin, n);
                }
                return null;
            }));
            gate.countDown();
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        if (!broken.isEmpty()) {
            throw new AssertionError("the burst (seed " + seed + ") met server errors: " + List.copyOf(broken));
        }
    }

    private void userRequest(String user, Random random) {
        String token = tokens.get(user);
        String group = NAMES[random.nextInt(NAMES.length)];
        String groupPath = URLEncoder.encode(group, StandardCharsets.UTF_8);
        String id = conversationIds.get(random.nextInt(conversationIds.size()));
        String idList = "{\"conversationIDList\":[\"" + id + "\",\""
                + conversationIds.get(random.nextInt(conversationIds.size())) + "\"]}";
        String chat = chats.get(random.nextInt(chats.size()));
        String[] remindTypes = {"AcceptAndNotify", "AcceptNotNotify", "Discard"};
        Api.Reply reply = switch (random.nextInt(19)) {
            case 0 -> api.call("POST", "/v1/conversation-groups", token, "{\"groupName\":\"" + group + "\","
                    + idList.substring(1));
            case 1 -> api.call("PATCH", "/v1/conversation-groups/" + groupPath, token,
                    "{\"newName\":\"" + NAMES[random.nextInt(NAMES.length)] + "\"}");
            case 2 -> api.call("DELETE", "/v1/conversation-groups/" + groupPath, token, null);
            case 3, 4 -> api.call("POST", "/v1/conversation-groups/" + groupPath + "/conversations", token, idList);
            case 5 -> api.call("DELETE", "/v1/conversation-groups/" + groupPath + "/conversations", token, idList);
            case 6 -> api.call("PUT", "/v1/conversations/" + id + "/pin", token,
                    "{\"isPinned\":" + random.nextBoolean() + "}");
            case 7 -> api.call("PUT", "/v1/conversations/" + id + "/draft", token,
                    "{\"draftText\":\"d" + random.nextInt(100) + "\"}");
            case 8 -> api.call("PUT", "/v1/conversations/" + id + "/custom-data", token,
                    "{\"customData\":\"c" + random.nextInt(100) + "\"}");
            case 9 -> api.call("POST", "/v1/conversations/" + id + "/read", token, null);
            case 10 -> api.call("DELETE", "/v1/conversations/" + id, token, null);
            case 11 -> api.call("POST", "/v1/conversation-groups", token, "{\"groupName\":\"\"}"); // always refused
            case 12 -> api.call("POST", "/v1/conversations/marks", token, "{" + idList.substring(1, idList.length() - 1)
                    + ",\"markType\":" + (1 + random.nextInt(3)) + ",\"enableMark\":" + random.nextBoolean() + "}");
            case 13 -> api.call("PUT", "/v1/conversations/" + id + "/remind-type", token,
                    "{\"messageRemindType\":\"" + remindTypes[random.nextInt(remindTypes.length)] + "\"}");
            case 14 -> api.call("POST", "/v1/conversations/" + id + "/clear-history", token, null);
            case 15 -> api.call("DELETE", "/v1/conversations/" + id + "?clearHistory=true", token, null);
            case 16 -> api.call("POST", "/v1/conversations/read-all", token, null);
            default -> api.call("POST", "/v1/chats/" + chat + "/messages", token,
                    "{\"type\":\"text\",\"text\":\"from " + user + "\"}");
        };
        count(reply, user);
    }

    private void backendRequest(Random random, int n) {
        String user = users.get(random.nextInt(users.size()));
        String chat = chats.get(random.nextInt(chats.size()));
        Api.Reply reply = switch (random.nextInt(3)) {
            case 0 -> api.admin("PUT", "/v1/admin/corps/" + corp + "/chats/" + chat + "/members/" + user, null);
            case 1 -> api.admin("DELETE", "/v1/admin/corps/" + corp + "/chats/" + chat + "/members/" + user, null);
            default -> api.admin("PUT", "/v1/admin/corps/" + corp + "/users/" + user,
                    "{\"nick\":\"" + user + " " + n + "\",\"avatarUrl\":\"https://a/" + n + ".png\"}");
        };
        count(reply, "backend");
    }

    private void count(Api.Reply reply, String who) {
        if (reply.status() >= 500) {
            broken.add(who + ": " + reply.status() + " " + reply.text());
        } else if (reply.status() >= 400) {
            failures.incrementAndGet();
        } else {
            successes.incrementAndGet();
        }
    }

    /** The user's whole log, read as a client catching up would: batch after batch. */
    List<JsonObject> log(String user) {
        List<JsonObject> all = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonObject page = api.call("GET", "/v1/events?after=" + after, tokens.get(user), null).is(200).json();
            List<JsonObject> events = page.getJsonArray("events").getValuesAs(JsonValue::asJsonObject);
            if (events.isEmpty()) {
                return all;
            }
            all.addAll(events);
            after = events.get(events.size() - 1).getJsonNumber("id").longValue();
        }
    }
}
