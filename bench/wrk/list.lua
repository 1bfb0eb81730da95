-- Case 1: a random user's first page of 100 (also drives the ceiling, so both pay the same client cost).
-- A script that sets LIST_HEADERS before loading this one sends them too (case 1z, list_gzip.lua).
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)

function request()
   local u = users[math.random(#users)]
   return wrk.format("GET", "/v1/conversations?count=100", auth(u.token, LIST_HEADERS))
end

function response(status, headers, body)
   if status ~= 200 then failures = failures + 1 end
end
