import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;

/**
 * The benchmark's write ceiling: what this machine's MariaDB can commit, durably, of the rows a write case
 * must change at the least, with no service in front of it. Plain JDBC, prepared statements, one connection
 * per client thread, 10 of them as the service's pool has (4 to 16 give the same here; 32 give less), on the
 * service's own schema (its migrations, run from the jar: the same keys, indexes and foreign key).
 * <ul>
 * <li>{@code move}: one half of case 3. Lock the user's row, insert or delete one group row, append the
 *     one event a move half appends (the group's name and the id added or removed, about 70 bytes), advance
 *     the user's sequence and grouped count with one update, commit.</li>
 * <li>{@code send}: case 4. Lock the chat's 10 members' rows, insert the message, move the 10 members'
 *     conversations (activity, unread, last message), append one event of about 1 KB for each member,
 *     advance the 10 sequences, commit.</li>
 * </ul>
 * Nothing is read back, nothing is rendered: a design that meets the contract does at least this much.
 * Run on an empty database: java -cp bootstrap/target/conversations.jar bench/WriteCeiling.java JDBC_URL move|send
 *     SECONDS [WARMUP]
 * Prints one JSON line: {"requests", "seconds"}.
 */
public class WriteCeiling {
    static final int USERS = 1000;
    static final int CLIENTS = 10;
    static final String CORP = "bench";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String kind = args[1];
        int seconds = Integer.parseInt(args[2]);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        long[] groupIds = setUp(url);
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong done = new AtomicLong();
        String small = "{\"id\":\"GROUPg00001\",\"chatId\":\"g00001\",\"title\":\"" + "x".repeat(400) + "\"}";
        Thread[] clients = new Thread[CLIENTS];
        for (int t = 0; t < CLIENTS; t++) {
            int client = t;
            clients[t] = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    c.setAutoCommit(false);
                    // Each client its own users (no lock waits between clients), each move returning its row.
                    long i = 0;
                    while (running.get()) {
                        if (kind.equals("move")) {
                            int user = client + CLIENTS * (int) (i % (USERS / CLIENTS));
                            move(c, user, groupIds[user], i / (USERS / CLIENTS) % 2 == 0);
                        } else {
                            int chat = ThreadLocalRandom.current().nextInt(USERS / 10);
                            send(c, chat, small);
                        }
                        i++;
                        if (counting.get()) {
                            done.incrementAndGet();
                        }
                    }
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            });
            clients[t].start();
        }
        Thread.sleep(warmup * 1000L);
        long before = done.get();
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long count = done.get() - before;
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread t : clients) {
            t.join();
        }
        System.out.printf("{\"requests\": %d, \"seconds\": %.3f}%n", count, elapsed);
    }

    /**
     * The service's own schema (its Flyway migrations, from the jar), then 1,000 users with a group each and
     * 100 group chats of 10 with a conversation for each member.
     */
    static long[] setUp(String url) throws SQLException {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement users = c.prepareStatement("INSERT INTO users (corp_id, user_id, nick, avatar_url,"
                         + " created_at) VALUES (?, ?, '', '', 0)");
                 PreparedStatement groups = c.prepareStatement("INSERT INTO conversation_groups (corp_id, user_id,"
                         + " group_name, created_at) VALUES (?, ?, 'Suppliers', 0)");
                 PreparedStatement conversations = c.prepareStatement("INSERT INTO conversations (corp_id, user_id,"
                         + " conversation_id, chat_id, chat_type, draft_text, activity_at, updated_at)"
                         + " VALUES (?, ?, ?, ?, 'GROUP', '', 0, 0)")) {
                for (int u = 0; u < USERS; u++) {
                    for (PreparedStatement ps : new PreparedStatement[] {users, groups, conversations}) {
                        ps.setString(1, CORP);
                        ps.setString(2, user(u));
                    }
                    users.addBatch();
                    groups.addBatch();
                    conversations.setString(3, "GROUP" + chat(u / 10));
                    conversations.setString(4, chat(u / 10));
                    conversations.addBatch();
                }
                users.executeBatch();
                groups.executeBatch();
                conversations.executeBatch();
            }
            c.commit();
            long[] groupIds = new long[USERS];
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT user_id, group_id FROM conversation_groups")) {
                while (rs.next()) {
                    groupIds[Integer.parseInt(rs.getString(1).substring(1))] = rs.getLong(2);
                }
            }
            c.commit();
            return groupIds;
        }
    }

    static void move(Connection c, int user, long groupId, boolean add) throws SQLException {
        String id = user(user);
        long seq = lock(c, new String[] {id})[0];
        try (PreparedStatement change = c.prepareStatement(add
                ? "INSERT INTO group_conversations (group_id, corp_id, user_id, conversation_id, added_at)"
                        + " VALUES (?, ?, ?, 'C2Cu0001', ?)"
                : "DELETE FROM group_conversations WHERE group_id = ? AND conversation_id = 'C2Cu0001'")) {
            change.setLong(1, groupId);
            if (add) {
                change.setString(2, CORP);
                change.setString(3, id);
                change.setLong(4, System.currentTimeMillis());
            }
            change.executeUpdate();
        }
        try (PreparedStatement events = c.prepareStatement("INSERT INTO events (corp_id, user_id, seq, event_type, data,"
                + " created_at) VALUES (?, ?, ?, 'CONVERSATION_IN_GROUP_UPDATED', ?, ?)")) {
            String ids = "[\"C2Cu0001\"]";
            Object[] values = {CORP, id, seq + 1, "{\"groupName\":\"Suppliers\",\"added\":" + (add ? ids : "[]")
                    + ",\"removed\":" + (add ? "[]" : ids) + "}", System.currentTimeMillis()};
            for (int i = 0; i < values.length; i++) {
                events.setObject(i + 1, values[i]);
            }
            events.executeUpdate();
        }
        // The sequence and the grouped count (the conversation is in no other group) in one statement.
        try (PreparedStatement advance = c.prepareStatement("UPDATE users SET last_event_seq = ?,"
                + " grouped_count = grouped_count + ? WHERE corp_id = ? AND user_id = ?")) {
            advance.setLong(1, seq + 1);
            advance.setInt(2, add ? 1 : -1);
            advance.setString(3, CORP);
            advance.setString(4, id);
            advance.executeUpdate();
        }
        c.commit();
    }

    static void send(Connection c, int chat, String conversation) throws SQLException {
        String[] members = new String[10];
        for (int i = 0; i < 10; i++) {
            members[i] = user(chat * 10 + i);
        }
        long[] seqs = lock(c, members);
        long now = System.currentTimeMillis();
        long message;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO messages (corp_id, chat_id, sender_id, msg_type,"
                + " text, images, link_url, link_title, sent_at) VALUES (?, ?, ?, 'TEXT', 'benchmark message', '', '', '', ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, CORP);
            insert.setString(2, chat(chat));
            insert.setString(3, members[0]);
            insert.setLong(4, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                message = keys.getLong(1);
            }
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE conversations SET activity_at = ?, updated_at = ?,"
                + " last_message_id = ?, hidden = FALSE, unread_count = unread_count + CASE WHEN user_id = ? THEN 0 ELSE 1 END"
                + " WHERE corp_id = ? AND chat_id = ?")) {
            update.setLong(1, now);
            update.setLong(2, now);
            update.setLong(3, message);
            update.setString(4, members[0]);
            update.setString(5, CORP);
            update.setString(6, chat(chat));
            update.executeUpdate();
        }
        String row = "(?, ?, ?, 'CONVERSATION_LIST_UPDATED', ?, ?)";
        try (PreparedStatement events = c.prepareStatement("INSERT INTO events (corp_id, user_id, seq, event_type, data,"
                + " created_at) VALUES " + String.join(", ", java.util.Collections.nCopies(10, row)))) {
            for (int i = 0; i < 10; i++) {
                events.setString(5 * i + 1, CORP);
                events.setString(5 * i + 2, members[i]);
                events.setLong(5 * i + 3, ++seqs[i]);
                events.setString(5 * i + 4, "[" + conversation + "]");
                events.setLong(5 * i + 5, now);
            }
            events.executeUpdate();
        }
        advance(c, members, seqs);
        c.commit();
    }

    /** Locks the users' rows in id order with one statement; answers their sequences in the order given. */
    static long[] lock(Connection c, String[] ids) throws SQLException {
        String[] sorted = ids.clone();
        Arrays.sort(sorted);
        long[] seqs = new long[ids.length];
        try (PreparedStatement lock = c.prepareStatement("SELECT user_id, last_event_seq FROM users WHERE corp_id = ?"
                + " AND user_id IN (" + String.join(", ", java.util.Collections.nCopies(ids.length, "?"))
                + ") ORDER BY user_id FOR UPDATE")) {
            lock.setString(1, CORP);
            for (int i = 0; i < sorted.length; i++) {
                lock.setString(i + 2, sorted[i]);
            }
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    seqs[Arrays.asList(ids).indexOf(rs.getString(1))] = rs.getLong(2);
                }
            }
        }
        return seqs;
    }

    static void advance(Connection c, String[] ids, long[] seqs) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE users SET last_event_seq = CASE user_id");
        sql.append(" WHEN ? THEN ?".repeat(ids.length)).append(" END WHERE corp_id = ? AND user_id IN (")
                .append(String.join(", ", java.util.Collections.nCopies(ids.length, "?"))).append(")");
        try (PreparedStatement update = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (int i = 0; i < ids.length; i++) {
                update.setString(p++, ids[i]);
                update.setLong(p++, seqs[i]);
            }
            update.setString(p++, CORP);
            for (String id : ids) {
                update.setString(p++, id);
            }
            update.executeUpdate();
        }
    }

    static String user(int u) {
        return String.format("u%04d", u);
    }

    static String chat(int c) {
        return String.format("g%05d", c);
    }
}
