-- Case 1z: case 1 as browsers and the SDK ask it, taking a gzipped answer (Accept-Encoding: gzip).
LIST_HEADERS = {["Accept-Encoding"] = "gzip"}
dofile(os.getenv("BENCH_DIR") .. "/wrk/list.lua")

function response(status, headers, body)
   if status ~= 200 or headers["Content-Encoding"] ~= "gzip" then failures = failures + 1 end
end
