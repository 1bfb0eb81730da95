-- Case 2: a random user's random conversation group (20 conversations).
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)

function request()
   local u = users[math.random(#users)]
   local g = groupNames[math.random(#groupNames)]
   return wrk.format("GET", "/v1/conversations?count=100&groupName=" .. g, auth(u.token))
end

function response(status, headers, body)
   if status ~= 200 then failures = failures + 1 end
end
