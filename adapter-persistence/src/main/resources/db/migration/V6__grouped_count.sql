-- How many distinct conversations the user has in groups (the 1000 limit), kept with the user's row so that a
-- change to a group reads one number instead of counting every grouped conversation of the user.
ALTER TABLE users ADD COLUMN grouped_count INT NOT NULL DEFAULT 0;
UPDATE users u SET grouped_count = (SELECT COUNT(DISTINCT gc.conversation_id) FROM group_conversations gc
    WHERE gc.corp_id = u.corp_id AND gc.user_id = u.user_id);
-- A group's conversations were kept in the order they were added, for the old in-group event's list; nothing
-- reads that order now, and finding the next position cost a read of the whole group on every add.
ALTER TABLE group_conversations DROP COLUMN position;
