-- Events became deltas (CONVERSATION_IN_GROUP_UPDATED carries the ids added and removed, not the group's
-- rendered list; CONVERSATION_GROUP_RENAMED is new). Events stored in the old form are dropped rather than
-- guessed at: users.last_event_seq keeps counting, so a client whose position is among the dropped ones gets
-- RESYNC and reloads, and a client that had seen everything goes on without one.
TRUNCATE TABLE events;
