-- Case 3: move one conversation of a user between two of their groups and back: remove from one
-- group, then add to the other; each is one request, and both must succeed with an empty failure list.
-- Each thread drives its own users in turn, so a user's remove has long been answered before its add.
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")

function init(args)
   mine = myUsers(tid, tonumber(os.getenv("WRK_THREADS")))
   turn = 0
   step = {}
end

function request()
   turn = turn % #mine + 1
   local u = mine[turn]
   local s = step[turn] or 0
   step[turn] = (s + 1) % 4
   -- 0: out of "from", 1: into "to", 2: out of "to", 3: into "from"
   local group = (s == 0 or s == 3) and u.from or u.to
   local method = (s % 2 == 0) and "DELETE" or "POST"
   return wrk.format(method, "/v1/conversation-groups/" .. group .. "/conversations",
      auth(u.token, {["Content-Type"] = "application/json"}), '{"conversationIDList":["' .. u.move .. '"]}')
end

function response(status, headers, body)
   if status ~= 200 or not body:find('"failureConversationIDList":[]', 1, true) then
      failures = failures + 1
   end
end
