-- The first page of one of the sized users (BENCH_SIZE: 100, 10000 or 100000 conversations).
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
local token = sized[tonumber(os.getenv("BENCH_SIZE"))]

function request()
   return wrk.format("GET", "/v1/conversations?count=100", auth(token))
end

function response(status, headers, body)
   if status ~= 200 then failures = failures + 1 end
end
