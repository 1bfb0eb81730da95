-- Case 4: a random user posts a text message into one of their group chats of 10.
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)

function request()
   local u = users[math.random(#users)]
   local chat = u.chats[math.random(#u.chats)]
   return wrk.format("POST", "/v1/chats/" .. chat .. "/messages",
      auth(u.token, {["Content-Type"] = "application/json"}), '{"type":"text","text":"benchmark message"}')
end

function response(status, headers, body)
   if status ~= 201 then failures = failures + 1 end
end
