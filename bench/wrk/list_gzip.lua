-- Case 1z: case 1 as browsers and the SDK ask it, taking a gzipped answer (Accept-Encoding: gzip).
dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)

function request()
   local u = users[math.random(#users)]
   return wrk.format("GET", "/v1/conversations?count=100", auth(u.token, {["Accept-Encoding"] = "gzip"}))
end

function response(status, headers, body)
   if status ~= 200 or headers["Content-Encoding"] ~= "gzip" then failures = failures + 1 end
end
